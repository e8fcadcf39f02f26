// Trains the learned event layer from FewFC's train splits: `node --import tsx scripts/train-events.ts [--epochs N]`.
// A seeded tenth of the sentences is held out and scored first; the model written is then trained on all of them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { annotate } from '../src/annotate/index.js';
import type { Annotated, Sentence } from '../src/annotate/types.js';
import { type FewfcSentence, isFewfcDevelopment } from '../src/eval/fewfc.js';
import {
  EVENT_MODEL_FILE,
  type EventModelFile,
  PARTY_LABELS,
  TRIGGER_LABELS,
} from '../src/extract/learned/event-model.js';
import {
  partyFeatures,
  type SentenceView,
  sentenceView,
  triggerFeatures,
} from '../src/extract/learned/features.js';
import {
  bestLabel,
  type LinearModel,
  modelToJson,
  PerceptronTrainer,
} from '../src/extract/learned/perceptron.js';
import { actorsIn } from '../src/extract/sentence-facts.js';
import { projectRoot } from '../src/project-root.js';
import { seededRandom } from '../src/random.js';
import { BUNDLED_DATA_DIR } from '../src/resources/index.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '8' },
    out: { type: 'string', default: join(BUNDLED_DATA_DIR, ...EVENT_MODEL_FILE) },
    /** Leave the development tenth out of the model written, to score it with `eval --fewfc --split dev`. */
    holdout: { type: 'boolean', default: false },
  },
});
const epochs = Number(values.epochs);
const fewfcDir = join(projectRoot, '..', 'shared', 'data', 'fewfc');
const FEWFC_TO_LIANTU = new Map<string, string>([
  ['签署合同', 'cooperation_agreement'],
  ['投资', 'investment'],
  ['收购', 'investment'],
  ['中标', 'supply_agreement'],
]);
const PARTY_ROLES = new Set(['sub-org', 'obj-org', 'sub', 'obj']);
const started = Date.now();
const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(0)}s`;

interface TriggerExample {
  features: string[];
  label: string;
}
interface SentenceExamples {
  triggers: TriggerExample[];
  parties: TriggerExample[];
}

const sentences: FewfcSentence[] = ['train_base.json', 'train_trans.json'].flatMap((name) =>
  readFileSync(join(fewfcDir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FewfcSentence),
);
// Trigger words: the first word of every trigger FewFC marks, of every type (those of unmapped types teach "none").
const annotatedAll: Annotated[] = sentences.map((sentence) => annotate(sentence.content, null));
process.stderr.write(`annotated ${sentences.length} sentences (${seconds()})\n`);
const triggerWords = new Set<string>();
/** The trigger words seen triggering a mapped type: only these are worth classifying at run time. */
const eventWords = new Set<string>();
sentences.forEach((sentence, index) => {
  const annotated = annotatedAll[index] as Annotated;
  for (const event of sentence.events)
    for (const mention of event.mentions) {
      if (mention.role !== 'trigger') continue;
      const first = annotated.tokens.find(
        (token) => token.end > mention.span[0] && token.start < mention.span[1],
      );
      if (first && first.text.length >= 2 && !/^[\d\p{P}]/u.test(first.text)) triggerWords.add(first.text);
    }
});

const overlaps = (a: [number, number], start: number, end: number): boolean => a[0] < end && start < a[1];

function examplesOf(sentence: FewfcSentence, annotated: Annotated): SentenceExamples {
  const examples: SentenceExamples = { triggers: [], parties: [] };
  for (const part of annotated.sentences as Sentence[]) {
    const view: SentenceView = sentenceView(annotated, part, actorsIn(part, annotated));
    view.words.forEach((word, index) => {
      if (word.org || !triggerWords.has(word.text)) return;
      const gold = sentence.events.find((event) =>
        event.mentions.some(
          (mention) => mention.role === 'trigger' && overlaps(mention.span, word.start, word.end),
        ),
      );
      const type = gold ? (FEWFC_TO_LIANTU.get(gold.type) ?? 'none') : 'none';
      if (type !== 'none') eventWords.add(word.text);
      examples.triggers.push({ features: triggerFeatures(view, index), label: type });
      if (!gold || type === 'none') return;
      const args = gold.mentions.filter((mention) => PARTY_ROLES.has(mention.role));
      view.words.forEach((other, orgIndex) => {
        if (!other.org) return;
        const isParty = args.some(
          (mention) =>
            overlaps(mention.span, other.start, other.end) ||
            (mention.word.length >= 2 && (other.org?.text ?? '').includes(mention.word)),
        );
        examples.parties.push({
          features: partyFeatures(view, index, orgIndex, type),
          label: isParty ? 'party' : 'other',
        });
      });
    });
  }
  return examples;
}

const examples = sentences.map((sentence, index) => examplesOf(sentence, annotatedAll[index] as Annotated));
const isDev = sentences.map((sentence) => isFewfcDevelopment(sentence.id));

function train(
  labels: readonly string[],
  pick: (examples: SentenceExamples) => TriggerExample[],
  use: (index: number) => boolean,
): LinearModel {
  const trainer = new PerceptronTrainer(labels);
  const order = examples.map((_, index) => index).filter(use);
  const shuffle = seededRandom(7);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order)
      for (const example of pick(examples[index] as SentenceExamples))
        trainer.learn(example.features, example.label);
  }
  return trainer.finish();
}

function report(
  name: string,
  model: LinearModel,
  pick: (examples: SentenceExamples) => TriggerExample[],
  negative: string,
): void {
  const counts = new Map<string, { tp: number; predicted: number; gold: number }>();
  const count = (label: string) => {
    let entry = counts.get(label);
    if (!entry) {
      entry = { tp: 0, predicted: 0, gold: 0 };
      counts.set(label, entry);
    }
    return entry;
  };
  examples.forEach((sentenceExamples, index) => {
    if (!isDev[index]) return;
    for (const example of pick(sentenceExamples)) {
      const guess = bestLabel(model, example.features).label;
      if (guess !== negative) count(guess).predicted++;
      if (example.label !== negative) count(example.label).gold++;
      if (guess === example.label && guess !== negative) count(guess).tp++;
    }
  });
  process.stdout.write(`\n${name} on the held-out tenth of FewFC train (word level)\n`);
  for (const [label, { tp, predicted, gold }] of counts) {
    const p = predicted ? tp / predicted : 0;
    const r = gold ? tp / gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    process.stdout.write(
      `  ${label.padEnd(22)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (${gold})\n`,
    );
  }
}

const pickTriggers = (e: SentenceExamples) => e.triggers;
const pickParties = (e: SentenceExamples) => e.parties;
report(
  'trigger classifier',
  train(TRIGGER_LABELS, pickTriggers, (i) => !isDev[i]),
  pickTriggers,
  'none',
);
report(
  'party labeller',
  train(PARTY_LABELS, pickParties, (i) => !isDev[i]),
  pickParties,
  'other',
);

const file: EventModelFile = {
  format: 1,
  source: `FewFC train_base.json and train_trans.json (${sentences.length} sentences; CCKS 2020 task 3, github.com/TimeBurningFish/FewFC); types mapped 签署合同→cooperation_agreement, 投资/收购→investment, 中标→supply_agreement; trained by scripts/train-events.ts, ${epochs} epochs of an averaged perceptron`,
  licence: 'CC BY-SA 4.0, as the FewFC data it was trained on',
  triggerWords: [...eventWords].sort(),
  trigger: modelToJson(train(TRIGGER_LABELS, pickTriggers, (i) => !(values.holdout && isDev[i]))),
  party: modelToJson(train(PARTY_LABELS, pickParties, (i) => !(values.holdout && isDev[i]))),
};
const bytes = gzipSync(JSON.stringify(file));
writeFileSync(values.out, bytes);
process.stdout.write(
  `\nwrote ${values.out}: ${file.triggerWords.length} trigger words, ${Object.keys(file.trigger.weights).length} + ${Object.keys(file.party.weights).length} features, ${(bytes.length / 1024).toFixed(0)} KB (${seconds()})\n`,
);
