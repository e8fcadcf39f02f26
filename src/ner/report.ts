import type { NerScores } from './evaluate.js';
import { NER_LABELS } from './labels.js';

/** Published overall F1 on CLUENER2020's dev set (Xu et al. 2020, arXiv:2001.04351). */
export const PUBLISHED_BASELINES = [
  { model: 'BiLSTM-CRF', f1: 70.0 },
  { model: 'BERT-base', f1: 78.82 },
  { model: 'RoBERTa-wwm-large', f1: 80.42 },
] as const;

const percent = (value: number): string => (100 * value).toFixed(1).padStart(6);

/** A per-label table of precision, recall and F1, with the published overall baselines under it. */
export function scoreTable(scores: NerScores): string {
  const lines = [
    `${'label'.padEnd(14)}${'gold'.padStart(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
  ];
  for (const label of NER_LABELS) {
    const score = scores.byLabel[label];
    lines.push(
      `${label.padEnd(14)}${String(score.gold).padStart(6)} ${percent(score.precision)} ${percent(score.recall)} ${percent(score.f1)}`,
    );
  }
  const micro = scores.micro;
  lines.push(
    `${'micro'.padEnd(14)}${String(micro.gold).padStart(6)} ${percent(micro.precision)} ${percent(micro.recall)} ${percent(micro.f1)}`,
  );
  lines.push('', 'published overall F1 (CLUENER2020 dev): ');
  for (const baseline of PUBLISHED_BASELINES)
    lines.push(`  ${baseline.model.padEnd(20)}${baseline.f1.toFixed(1)}`);
  return lines.join('\n');
}
