import { seededRandom, shuffle } from '../random.js';
import { CLUENER_LABELS, isNerLabel, type NerLabel, type NerSpan } from './labels.js';

/** One CLUENER2020 line: `label` maps a label to surface forms and their inclusive [start, end] offsets. */
export interface ClueLine {
  text: string;
  label?: Partial<Record<string, Record<string, [number, number][]>>>;
}

export interface NerExample {
  text: string;
  spans: NerSpan[];
}

/** The spans of a CLUENER line, in text order; offsets whose text does not match the surface form are errors. */
export function spansOfClueLine(line: ClueLine, where: string): NerSpan[] {
  const spans: NerSpan[] = [];
  if (line.label !== undefined && (typeof line.label !== 'object' || line.label === null)) {
    throw new Error(`${where}: "label" is not an object`);
  }
  for (const [label, forms] of Object.entries(line.label ?? {})) {
    if (!isNerLabel(label)) throw new Error(`${where}: unknown label "${label}"`);
    for (const [surface, places] of Object.entries(forms ?? {})) {
      const pairs = Array.isArray(places) ? places : [];
      const wellFormed = (place: unknown): place is [number, number] =>
        Array.isArray(place) && place.length === 2 && place.every((offset) => Number.isInteger(offset));
      if (pairs.length === 0 || !pairs.every(wellFormed)) {
        throw new Error(`${where}: offsets of "${surface}" are not a list of [start, end] pairs`);
      }
      for (const [start, last] of pairs) {
        if (start < 0 || last < start || last >= line.text.length) {
          throw new Error(`${where}: [${start}, ${last}] of "${surface}" is outside the text`);
        }
        if (line.text.slice(start, last + 1) !== surface) {
          throw new Error(`${where}: "${surface}" is not at [${start}, ${last}]`);
        }
        spans.push({ label, start, end: last + 1, text: surface });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A line in CLUENER's layout for the given spans (end offsets inclusive), labels in the scheme's order. */
export function toClueLine(
  text: string,
  spans: readonly NerSpan[],
  labels: readonly NerLabel[] = CLUENER_LABELS,
): Required<ClueLine> {
  const label: Partial<Record<NerLabel, Record<string, [number, number][]>>> = {};
  for (const name of labels) {
    for (const span of spans) {
      if (span.label !== name) continue;
      const forms = label[name] ?? {};
      const places = forms[span.text] ?? [];
      places.push([span.start, span.end - 1]);
      forms[span.text] = places;
      label[name] = forms;
    }
  }
  return { text, label };
}

/** One JSON line with a "text" string (other fields are kept); `where` names it in errors. */
export function parseClueLine(raw: string, where: string): ClueLine & Record<string, unknown> {
  let line: unknown;
  try {
    line = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`);
  }
  if (typeof line !== 'object' || line === null || Array.isArray(line)) {
    throw new Error(`${where}: not a JSON object`);
  }
  if (typeof (line as { text?: unknown }).text !== 'string') throw new Error(`${where}: no "text" string`);
  return line as ClueLine & Record<string, unknown>;
}

/** Parses CLUENER JSON lines; `where` names the source in errors, with the line number. */
export function parseClueLines(content: string, where: string): NerExample[] {
  const examples: NerExample[] = [];
  content.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const place = `${where}:${index + 1}`;
    const line = parseClueLine(raw, place);
    examples.push({ text: line.text, spans: spansOfClueLine(line, place) });
  });
  return examples;
}

/** A reproducible split: a seeded shuffle, then the first `share` of the shuffled lines held out. */
export function splitExamples<T>(
  items: readonly T[],
  share: number,
  seed: number,
): { train: T[]; heldOut: T[] } {
  const order = shuffle(
    items.map((_, index) => index),
    seededRandom(seed),
  );
  const cut = Math.round(items.length * share);
  const heldOutSet = new Set(order.slice(0, cut));
  return {
    train: items.filter((_, index) => !heldOutSet.has(index)),
    heldOut: items.filter((_, index) => heldOutSet.has(index)),
  };
}
