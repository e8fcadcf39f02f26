import type { NerScores } from './evaluate.js';
import { type NerScheme, SCHEME_LABELS } from './labels.js';

/** Published overall F1 for comparison, on each scheme's standard evaluation set. */
export const PUBLISHED_BASELINES: Record<
  NerScheme,
  { set: string; models: { model: string; f1: number }[] }
> = {
  // Xu et al. 2020, arXiv:2001.04351.
  cluener: {
    set: 'CLUENER2020 test',
    models: [
      { model: 'BiLSTM-CRF', f1: 70.0 },
      { model: 'BERT-base', f1: 78.82 },
      { model: 'RoBERTa-wwm-large', f1: 80.42 },
    ],
  },
  // Character BiLSTM-CRF without pretraining (several papers), Zhang & Yang 2018 (Lattice LSTM).
  msra: {
    set: 'MSRA test',
    models: [
      { model: 'BiLSTM-CRF', f1: 89.0 },
      { model: 'Lattice LSTM', f1: 93.18 },
    ],
  },
};

const percent = (value: number): string => (100 * value).toFixed(1).padStart(6);

/** A per-label table of precision, recall and F1, with the published overall baselines under it. */
export function scoreTable(scores: NerScores, scheme: NerScheme): string {
  const lines = [
    `${'label'.padEnd(14)}${'gold'.padStart(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
  ];
  const row = (name: string, score: NerScores['micro']): string =>
    `${name.padEnd(14)}${String(score.gold).padStart(6)} ${percent(score.precision)} ${percent(score.recall)} ${percent(score.f1)}`;
  for (const label of SCHEME_LABELS[scheme]) {
    const score = scores.byLabel[label];
    if (score) lines.push(row(label, score));
  }
  lines.push(row('micro', scores.micro));
  const published = PUBLISHED_BASELINES[scheme];
  lines.push('', `published overall F1 (${published.set}):`);
  for (const baseline of published.models)
    lines.push(`  ${baseline.model.padEnd(20)}${baseline.f1.toFixed(1)}`);
  return lines.join('\n');
}
