import {
  countFewfcSentence,
  type FewfcSentenceCounts,
  isFewfcDevelopment,
  readFewfc,
  scoreFewfc,
} from '../../eval/fewfc.js';
import type { EventPolicyName } from '../../extract/event-policy.js';
import { readEventModel } from '../../extract/learned/event-model.js';
import { extractText } from '../../pipeline/document.js';
import { renderTable } from '../output.js';
import { cliResources } from '../resources-option.js';

/**
 * `liantu eval --fewfc FILE`: extracts events from each sentence of a FewFC file on its own and scores, per mapped
 * group of event types, sentence-level detection and the organizations named as parties; prints a table or JSON.
 */
export async function evaluateFewfc(
  path: string,
  options: {
    format: 'table' | 'json';
    ner: boolean;
    split: 'all' | 'dev' | 'train';
    eventPolicy?: EventPolicyName;
    eventModel?: string;
  },
): Promise<void> {
  const counted: FewfcSentenceCounts[] = [];
  const resources = cliResources();
  const eventModel = options.eventModel ? readEventModel(options.eventModel) : undefined;
  if (options.eventModel && !eventModel) throw new Error(`${options.eventModel}: no such event model`);
  for await (const sentence of readFewfc(path, (message) => process.stderr.write(`error: ${message}\n`))) {
    if (options.split !== 'all' && isFewfcDevelopment(sentence.id) !== (options.split === 'dev')) continue;
    const { extraction } = extractText(
      { file: sentence.id, title: null, published: null, text: sentence.content },
      resources,
      {
        ner: options.ner,
        eventPolicy: options.eventPolicy,
        ...(eventModel !== undefined ? { eventModel } : {}),
      },
    );
    counted.push(countFewfcSentence(sentence, extraction));
  }
  if (counted.length === 0) throw new Error(`${path}: no FewFC sentence to score`);
  const scores = scoreFewfc(counted);
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ sentences: counted.length, ...scores }, null, 2)}\n`);
    return;
  }
  const pct = (value: number): string => value.toFixed(3);
  process.stdout.write(
    `${renderTable(scores.groups, [
      { header: 'event type', value: (row) => row.name },
      { header: 'detect P', value: (row) => pct(row.detection.precision), align: 'right' },
      { header: 'R', value: (row) => pct(row.detection.recall), align: 'right' },
      { header: 'F1', value: (row) => pct(row.detection.f1), align: 'right' },
      { header: 'sentences', value: (row) => row.detection.gold, align: 'right' },
      { header: 'party P', value: (row) => pct(row.parties.precision), align: 'right' },
      { header: 'R', value: (row) => pct(row.parties.recall), align: 'right' },
      { header: 'F1', value: (row) => pct(row.parties.f1), align: 'right' },
    ])}\n`,
  );
  const rate = scores.unmappedSentences === 0 ? 0 : scores.falseEvents / scores.unmappedSentences;
  process.stdout.write(
    `${counted.length} sentences scored; business events found in ${scores.falseEvents} of ${scores.unmappedSentences} sentences with none of these types (${(100 * rate).toFixed(1)}%)\n`,
  );
}
