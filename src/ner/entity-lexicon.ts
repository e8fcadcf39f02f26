import type { NerExample } from './cluener.js';
import type { NerLabel } from './labels.js';
import { PrefixTable } from './prefix-table.js';

/** Names shorter than this are left out: single characters match everywhere. */
const SHORTEST = 2;

/**
 * The entity names of labelled sentences, each with the label it carries most often: a gazetteer learned from the
 * training data. For each character of a text, `coverage` tells which name covers it and where in the name it
 * sits (`(label + 1) * 8 + place`, place 1 begin, 2 inside, 3 end; 0 where none), longest match first from the
 * left.
 */
export class EntityLexicon {
  private readonly table: PrefixTable<number>;

  constructor(
    readonly entries: readonly (readonly [string, NerLabel])[],
    /** The labels of the model's scheme, whose order numbers them in `coverage`. */
    readonly labels: readonly NerLabel[],
  ) {
    this.table = new PrefixTable(entries.map(([name, label]) => [name, labels.indexOf(label)]));
  }

  static fromExamples(examples: readonly NerExample[], labels: readonly NerLabel[]): EntityLexicon {
    const counts = new Map<string, Map<NerLabel, number>>();
    for (const example of examples) {
      for (const span of example.spans) {
        if (span.text.length < SHORTEST) continue;
        const byLabel = counts.get(span.text) ?? new Map<NerLabel, number>();
        byLabel.set(span.label, (byLabel.get(span.label) ?? 0) + 1);
        counts.set(span.text, byLabel);
      }
    }
    const entries: [string, NerLabel][] = [];
    for (const [name, byLabel] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const [label] =
        [...byLabel].sort((a, b) => b[1] - a[1] || labels.indexOf(a[0]) - labels.indexOf(b[0]))[0] ?? [];
      if (label) entries.push([name, label]);
    }
    return new EntityLexicon(entries, labels);
  }

  coverage(text: string): Int32Array {
    const codes = new Int32Array(text.length);
    for (let i = 0; i < text.length; ) {
      const hit = this.table.longestAt(text, i);
      if (!hit) {
        i++;
        continue;
      }
      for (let k = i; k < i + hit.length; k++) {
        const place = k === i ? 1 : k === i + hit.length - 1 ? 3 : 2;
        codes[k] = (hit.value + 1) * 8 + place;
      }
      i += hit.length;
    }
    return codes;
  }
}
