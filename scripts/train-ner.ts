// Trains a tagger: `npm run train:ner [-- --scheme msra|cluener --data FILE --out FILE --epochs N]`.
// The MSRA-scheme model (PER, LOC, ORG) learns from MSRA news (add CLUENER's sentences with --also); the
// CLUENER-scheme model learns from CLUENER2020.
import { statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { tokenize } from '../src/annotate/tokens.js';
import { CrfTrainer } from '../src/ner/crf.js';
import { scoreSpans } from '../src/ner/evaluate.js';
import { isNerScheme, type NerScheme, tagSetOf } from '../src/ner/labels.js';
import type { NerModel } from '../src/ner/model.js';
import { encodeModel } from '../src/ner/model-file.js';
import { scoreTable } from '../src/ner/report.js';
import { developmentSplit, trainingData } from '../src/ner/training-data.js';
import { projectRoot } from '../src/project-root.js';
import { bundledResources } from '../src/resources/index.js';

const { values } = parseArgs({
  options: {
    scheme: { type: 'string', default: 'msra' },
    data: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20201' },
    /** Weights this small are left out of the model (smaller and faster, a little less accurate). */
    prune: { type: 'string' },
    /** More labelled sentences in CLUENER's layout, relabelled into the scheme (their development split left out). */
    also: { type: 'string', multiple: true, default: [] },
  },
});
function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`--${name} must be a whole number above 0, not "${value}"`);
  return number;
}
const scheme = values.scheme as string;
if (!isNerScheme(scheme)) throw new Error(`--scheme must be msra or cluener, not "${scheme}"`);
const epochs = positiveInteger('epochs', values.epochs);
const seed = positiveInteger('seed', values.seed);
const resources = bundledResources();
const out = values.out ?? resources.nerModelPath(scheme);
const tagSet = tagSetOf(scheme);
/** Pruning per scheme: the MSRA model, which annotation runs on most sentences, is kept smaller. */
const PRUNE: Record<NerScheme, number> = { msra: 0.05, cluener: 0.03 };
const started = Date.now();
const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(0)}s`;

const sharedData = join(projectRoot, '..', 'shared', 'data');
const defaultData: Record<NerScheme, string> = {
  msra: join(sharedData, 'msra', 'train.jsonl'),
  cluener: join(sharedData, 'cluener', 'train.json'),
};
const dataPath = values.data ?? defaultData[scheme];
const { train, heldOut } = developmentSplit(trainingData(dataPath, scheme), scheme);
console.log(
  `${dataPath}: training on ${train.length} sentences, holding out ${heldOut.length} as development`,
);
for (const extra of values.also as string[]) {
  const extraScheme: NerScheme = extra.includes('cluener') ? 'cluener' : 'msra';
  const added = developmentSplit(trainingData(extra, scheme), extraScheme).train;
  train.push(...added);
  console.log(`${extra}: ${added.length} more sentences (its development split left out)`);
}

const heldOutTokens = heldOut.map((example) => tokenize(example.text));
const evaluate = (model: NerModel) =>
  scoreSpans(
    heldOut.map((example, index) => ({
      gold: example.spans,
      predicted: model.tag(example.text, heldOutTokens[index] ?? []),
    })),
    tagSet.labels,
  );
const trainer = new CrfTrainer({
  lexical: resources.lexical,
  tagSet,
  epochs,
  seed,
  minCount: 2,
  prune: values.prune ? Number(values.prune) : PRUNE[scheme],
  rate: 0.02,
  l2: 4e-5,
  entityFolds: 5,
  onEpoch(epoch, model) {
    const f1 = evaluate(model).micro.f1;
    console.log(`epoch ${epoch}/${epochs}  development micro F1 ${(100 * f1).toFixed(2)}  (${seconds()})`);
  },
});
const model = trainer.train(train, {
  format: 2,
  scheme,
  data: `${basename(dataPath)}, ${train.length} sentences (development split held out, seed ${seed})`,
  trainedAt: new Date().toISOString(),
  trainSentences: train.length,
  heldOutSentences: heldOut.length,
  heldOutMicroF1: 0,
  lexicons: resources.lexiconFingerprint,
});
const scores = evaluate(model);
model.info.heldOutMicroF1 = Number(scores.micro.f1.toFixed(4));
writeFileSync(out, encodeModel(model));
const megabytes = (statSync(out).size / 1e6).toFixed(1);
console.log(`\n${scoreTable(scores, scheme)}\n`);
console.log(`wrote ${out}: ${megabytes} MB, ${model.rowKeys.length} features, trained in ${seconds()}`);
