/** The ten CLUENER2020 entity labels, in the order the model numbers them. */
export const NER_LABELS = [
  'address',
  'book',
  'company',
  'game',
  'government',
  'movie',
  'name',
  'organization',
  'position',
  'scene',
] as const;

export type NerLabel = (typeof NER_LABELS)[number];

/** An entity span over a text: [start, end) in UTF-16 units. */
export interface NerSpan {
  label: NerLabel;
  start: number;
  end: number;
  text: string;
}

/**
 * Tags are numbered 0 for outside and then four per label: Begin, Inside, End and Single, so that
 * `tag = 1 + 4 * label + part`.
 */
export const TAG_COUNT = 1 + 4 * NER_LABELS.length;
const BEGIN = 0;
const INSIDE = 1;
const END = 2;
const SINGLE = 3;

function tagOf(label: number, part: number): number {
  return 1 + 4 * label + part;
}

function partOf(tag: number): number {
  return (tag - 1) % 4;
}

function labelOf(tag: number): number {
  return (tag - 1) >> 2;
}

export function isNerLabel(value: string): value is NerLabel {
  return (NER_LABELS as readonly string[]).includes(value);
}

/** The BIOES tags of a text with the given spans; where spans overlap, the first one listed wins. */
export function spansToTags(length: number, spans: readonly Omit<NerSpan, 'text'>[]): Uint8Array {
  const tags = new Uint8Array(length);
  for (const span of spans) {
    if (span.end <= span.start || span.end > length) continue;
    let free = true;
    for (let i = span.start; i < span.end; i++) if (tags[i] !== 0) free = false;
    if (!free) continue;
    const label = NER_LABELS.indexOf(span.label);
    if (span.end - span.start === 1) {
      tags[span.start] = tagOf(label, SINGLE);
      continue;
    }
    tags[span.start] = tagOf(label, BEGIN);
    for (let i = span.start + 1; i < span.end - 1; i++) tags[i] = tagOf(label, INSIDE);
    tags[span.end - 1] = tagOf(label, END);
  }
  return tags;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** A span widened, where it would cut a character outside the BMP in two, to the whole character. */
function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  const from = start > 0 && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
  const to = end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) ? end + 1 : end;
  return { start: from, end: to };
}

/**
 * The spans a well-formed tag sequence describes (the decoder only produces well-formed ones); tags are per UTF-16
 * unit, so a span that would cut a surrogate pair in two takes the whole character.
 */
export function tagsToSpans(text: string, tags: ArrayLike<number>): NerSpan[] {
  const spans: NerSpan[] = [];
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? 0;
    if (tag === 0) {
      start = -1;
      continue;
    }
    const part = partOf(tag);
    if (part === BEGIN) start = i;
    else if (part === SINGLE || (part === END && start >= 0)) {
      const whole = wholeCharacters(text, part === SINGLE ? i : start, i + 1);
      const label = NER_LABELS[labelOf(tag)] as NerLabel;
      const previous = spans[spans.length - 1];
      if (previous && previous.end > whole.start) continue;
      spans.push({ label, ...whole, text: text.slice(whole.start, whole.end) });
      start = -1;
    }
  }
  return spans;
}

/**
 * Which tag may follow which: after Begin or Inside of a label comes Inside or End of the same label; after
 * anything else comes outside, Begin or Single. `allowedBefore[tag]` lists the tags that may precede `tag`.
 */
function transitions(): { allowedBefore: Int32Array[]; canStart: boolean[]; canEnd: boolean[] } {
  const closes = (tag: number): boolean => tag === 0 || partOf(tag) === END || partOf(tag) === SINGLE;
  const opens = (tag: number): boolean => tag === 0 || partOf(tag) === BEGIN || partOf(tag) === SINGLE;
  const allowed = (from: number, to: number): boolean => {
    if (closes(from)) return opens(to);
    const continues = partOf(to) === INSIDE || partOf(to) === END;
    return to !== 0 && continues && labelOf(to) === labelOf(from);
  };
  const allowedBefore: Int32Array[] = [];
  const canStart: boolean[] = [];
  const canEnd: boolean[] = [];
  for (let to = 0; to < TAG_COUNT; to++) {
    const before: number[] = [];
    for (let from = 0; from < TAG_COUNT; from++) if (allowed(from, to)) before.push(from);
    allowedBefore.push(Int32Array.from(before));
    canStart.push(opens(to));
    canEnd.push(closes(to));
  }
  return { allowedBefore, canStart, canEnd };
}

export const TRANSITIONS = transitions();
