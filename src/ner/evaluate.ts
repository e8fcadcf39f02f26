import type { NerLabel, NerSpan } from './labels.js';

export interface LabelScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScores {
  micro: LabelScore;
  /** The scores of the scheme's labels, in its order. */
  byLabel: Partial<Record<NerLabel, LabelScore>>;
}

function score(gold: number, predicted: number, correct: number): LabelScore {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, correct, precision, recall, f1 };
}

/**
 * Exact-match span scores (label, start and end all equal), per label and micro-averaged, as CLUENER and the
 * SIGHAN bakeoff score; spans with labels outside `labels` are not counted.
 */
export function scoreSpans(
  pairs: readonly { gold: readonly NerSpan[]; predicted: readonly NerSpan[] }[],
  labels: readonly NerLabel[],
): NerScores {
  const tally = new Map<NerLabel, { gold: number; predicted: number; correct: number }>(
    labels.map((label) => [label, { gold: 0, predicted: 0, correct: 0 }]),
  );
  for (const { gold, predicted } of pairs) {
    const wanted = new Set(gold.map((span) => `${span.label}:${span.start}:${span.end}`));
    for (const span of gold) {
      const counts = tally.get(span.label);
      if (counts) counts.gold++;
    }
    for (const span of predicted) {
      const counts = tally.get(span.label);
      if (!counts) continue;
      counts.predicted++;
      if (wanted.has(`${span.label}:${span.start}:${span.end}`)) counts.correct++;
    }
  }
  const byLabel: Partial<Record<NerLabel, LabelScore>> = {};
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const [label, counts] of tally) {
    byLabel[label] = score(counts.gold, counts.predicted, counts.correct);
    gold += counts.gold;
    predicted += counts.predicted;
    correct += counts.correct;
  }
  return { micro: score(gold, predicted, correct), byLabel };
}
