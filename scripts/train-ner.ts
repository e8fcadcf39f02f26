// Trains the CLUENER tagger: `npm run train:ner [-- --data FILE --out FILE --epochs N]`.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tokenize } from '../src/annotate/tokens.js';
import { projectRoot } from '../src/data-path.js';
import { parseClueLines, splitExamples } from '../src/ner/cluener.js';
import { CrfTrainer } from '../src/ner/crf.js';
import { scoreSpans } from '../src/ner/evaluate.js';
import { DEFAULT_MODEL_PATH, lexiconFingerprint } from '../src/ner/index.js';
import { encodeModel } from '../src/ner/model-file.js';
import { scoreTable } from '../src/ner/report.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(projectRoot, '..', 'shared', 'data', 'cluener', 'train.json') },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '20201' },
  },
});
function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`--${name} must be a whole number above 0, not "${value}"`);
  return number;
}
const epochs = positiveInteger('epochs', values.epochs);
const seed = positiveInteger('seed', values.seed);
const started = Date.now();
const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const dataPath = values.data as string;
const examples = parseClueLines(readFileSync(dataPath, 'utf8'), dataPath);
const { train, heldOut } = splitExamples(examples, 0.1, seed);
console.log(
  `${dataPath}: ${examples.length} sentences; training on ${train.length}, holding out ${heldOut.length}`,
);
const heldOutTokens = heldOut.map((example) => tokenize(example.text));
const evaluate = (
  model: Parameters<NonNullable<ConstructorParameters<typeof CrfTrainer>[0]['onEpoch']>>[1],
) =>
  scoreSpans(
    heldOut.map((example, index) => ({
      gold: example.spans,
      predicted: model.tag(example.text, heldOutTokens[index] ?? []),
    })),
  );
const trainer = new CrfTrainer({
  epochs,
  seed,
  minCount: 2,
  prune: 0.03,
  rate: 0.02,
  l2: 4e-5,
  entityFolds: 5,
  onEpoch(epoch, model) {
    const f1 = evaluate(model).micro.f1;
    console.log(`epoch ${epoch}/${epochs}  held-out micro F1 ${(100 * f1).toFixed(2)}  (${seconds()})`);
  },
});
const model = trainer.train(train, {
  format: 1,
  data: `CLUENER2020 train.json, ${train.length} sentences (10% held out, seed ${seed})`,
  trainedAt: new Date().toISOString(),
  trainSentences: train.length,
  heldOutSentences: heldOut.length,
  heldOutMicroF1: 0,
  lexicons: lexiconFingerprint(),
});
const scores = evaluate(model);
model.info.heldOutMicroF1 = Number(scores.micro.f1.toFixed(4));
writeFileSync(values.out as string, encodeModel(model));
const megabytes = (statSync(values.out as string).size / 1e6).toFixed(1);
console.log(`\n${scoreTable(scores)}\n`);
console.log(
  `wrote ${values.out}: ${megabytes} MB, ${model.rowKeys.length} features, trained in ${seconds()}`,
);
