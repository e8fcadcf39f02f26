import { NER_LABELS, type NerLabel, type NerSpan } from './labels.js';

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
  byLabel: Record<NerLabel, LabelScore>;
}

function score(gold: number, predicted: number, correct: number): LabelScore {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, correct, precision, recall, f1 };
}

/** Exact-match span scores (label, start and end all equal), per label and micro-averaged, as CLUENER scores. */
export function scoreSpans(
  pairs: readonly { gold: readonly NerSpan[]; predicted: readonly NerSpan[] }[],
): NerScores {
  const tally = new Map<NerLabel, { gold: number; predicted: number; correct: number }>(
    NER_LABELS.map((label) => [label, { gold: 0, predicted: 0, correct: 0 }]),
  );
  for (const { gold, predicted } of pairs) {
    const wanted = new Set(gold.map((span) => `${span.label}:${span.start}:${span.end}`));
    for (const span of gold) (tally.get(span.label) as { gold: number }).gold++;
    for (const span of predicted) {
      const counts = tally.get(span.label) as { predicted: number; correct: number };
      counts.predicted++;
      if (wanted.has(`${span.label}:${span.start}:${span.end}`)) counts.correct++;
    }
  }
  const byLabel = {} as Record<NerLabel, LabelScore>;
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
