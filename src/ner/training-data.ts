import { readFileSync } from 'node:fs';
import { type NerExample, parseClueLines, splitExamples } from './cluener.js';
import { type NerScheme, spansIn } from './labels.js';

/** Labelled sentences in CLUENER's layout (MSRA's train.jsonl shares it), with their spans in one scheme. */
export function trainingData(path: string, scheme: NerScheme): NerExample[] {
  return parseClueLines(readFileSync(path, 'utf8'), path).map((example) => ({
    text: example.text,
    spans: spansIn(scheme, example.spans),
  }));
}

/** The share of a training file held out for development, and the seed of its shuffle, per scheme. */
const DEVELOPMENT: Record<NerScheme, { share: number; seed: number }> = {
  msra: { share: 0.1, seed: 2006 },
  cluener: { share: 0.1, seed: 20201 },
};

/**
 * The training file split into what a model learns from and a development set it never sees: the same split on
 * every machine, so that the scores the tests hold the models to mean the same thing.
 */
export function developmentSplit<T>(items: readonly T[], scheme: NerScheme): { train: T[]; heldOut: T[] } {
  const { share, seed } = DEVELOPMENT[scheme];
  return splitExamples(items, share, seed);
}
