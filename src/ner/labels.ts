/** The ten CLUENER2020 entity labels, in the order a CLUENER-scheme model numbers them. */
export const CLUENER_LABELS = [
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

/** The three labels of the MSRA (SIGHAN 2006) and People's Daily news sets: person, location, organization. */
export const MSRA_LABELS = ['PER', 'LOC', 'ORG'] as const;

export type ClueLabel = (typeof CLUENER_LABELS)[number];
export type MsraLabel = (typeof MSRA_LABELS)[number];
export type NerLabel = ClueLabel | MsraLabel;

export const NER_SCHEMES = ['cluener', 'msra'] as const;
/** A label scheme: which labels a model tags and a file carries. */
export type NerScheme = (typeof NER_SCHEMES)[number];

export const SCHEME_LABELS: Record<NerScheme, readonly NerLabel[]> = {
  cluener: CLUENER_LABELS,
  msra: MSRA_LABELS,
};

/** An entity span over a text: [start, end) in UTF-16 units. */
export interface NerSpan {
  label: NerLabel;
  start: number;
  end: number;
  text: string;
}

export function isNerScheme(value: string): value is NerScheme {
  return (NER_SCHEMES as readonly string[]).includes(value);
}

export function isNerLabel(value: string): value is NerLabel {
  return (
    (CLUENER_LABELS as readonly string[]).includes(value) ||
    (MSRA_LABELS as readonly string[]).includes(value)
  );
}

/** How CLUENER's finer labels read in the MSRA scheme; books, games, films and positions are no PER/LOC/ORG. */
const CLUENER_TO_MSRA: Record<ClueLabel, MsraLabel | null> = {
  address: 'LOC',
  scene: 'LOC',
  name: 'PER',
  company: 'ORG',
  government: 'ORG',
  organization: 'ORG',
  book: null,
  game: null,
  movie: null,
  position: null,
};

/** A span's label in another scheme, or null where that scheme has none for it. */
export function labelIn(scheme: NerScheme, label: NerLabel): NerLabel | null {
  if (SCHEME_LABELS[scheme].includes(label)) return label;
  if (scheme === 'msra') return CLUENER_TO_MSRA[label as ClueLabel] ?? null;
  return null;
}

/** Spans relabelled into a scheme; spans that scheme has no label for are left out. */
export function spansIn(scheme: NerScheme, spans: readonly NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const span of spans) {
    const label = labelIn(scheme, span.label);
    if (label) out.push({ ...span, label });
  }
  return out;
}

const BEGIN = 0;
const INSIDE = 1;
const END = 2;
const SINGLE = 3;

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** A span widened, where it would cut a character outside the BMP in two, to the whole character. */
function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  const from = start > 0 && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
  const to = end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) ? end + 1 : end;
  return { start: from, end: to };
}

/**
 * The BIOES tags of one scheme. Tags are numbered 0 for outside and then four per label: Begin, Inside, End and
 * Single, so that `tag = 1 + 4 * label + part`.
 */
export class TagSet {
  readonly count: number;
  /** `allowedBefore[tag]` lists the tags that may precede `tag`. */
  readonly allowedBefore: Int32Array[];
  readonly canStart: boolean[];
  readonly canEnd: boolean[];
  /** Tags after which a new entity (or outside) may start: outside, End and Single. */
  readonly closers: Int32Array;

  constructor(
    readonly scheme: NerScheme,
    readonly labels: readonly NerLabel[],
  ) {
    this.count = 1 + 4 * labels.length;
    // After Begin or Inside of a label comes Inside or End of the same label; after anything else comes outside,
    // Begin or Single.
    const closes = (tag: number): boolean =>
      tag === 0 || this.partOf(tag) === END || this.partOf(tag) === SINGLE;
    const opens = (tag: number): boolean =>
      tag === 0 || this.partOf(tag) === BEGIN || this.partOf(tag) === SINGLE;
    const allowed = (from: number, to: number): boolean => {
      if (closes(from)) return opens(to);
      const continues = this.partOf(to) === INSIDE || this.partOf(to) === END;
      return to !== 0 && continues && this.labelIndexOf(to) === this.labelIndexOf(from);
    };
    this.allowedBefore = [];
    this.canStart = [];
    this.canEnd = [];
    for (let to = 0; to < this.count; to++) {
      const before: number[] = [];
      for (let from = 0; from < this.count; from++) if (allowed(from, to)) before.push(from);
      this.allowedBefore.push(Int32Array.from(before));
      this.canStart.push(opens(to));
      this.canEnd.push(closes(to));
    }
    this.closers = Int32Array.from({ length: this.count }, (_, tag) => tag).filter(closes);
  }

  private partOf(tag: number): number {
    return (tag - 1) % 4;
  }

  labelIndexOf(tag: number): number {
    return (tag - 1) >> 2;
  }

  labelOf(tag: number): NerLabel {
    return this.labels[this.labelIndexOf(tag)] as NerLabel;
  }

  has(label: string): label is NerLabel {
    return (this.labels as readonly string[]).includes(label);
  }

  /** Whether a tag begins an entity (Begin or Single). */
  opensEntity(tag: number): boolean {
    return tag !== 0 && (this.partOf(tag) === BEGIN || this.partOf(tag) === SINGLE);
  }

  /** The BIOES tags of a text with the given spans; where spans overlap, the first one listed wins. */
  spansToTags(length: number, spans: readonly Omit<NerSpan, 'text'>[]): Uint8Array {
    const tags = new Uint8Array(length);
    const tagOf = (label: number, part: number): number => 1 + 4 * label + part;
    for (const span of spans) {
      if (span.end <= span.start || span.end > length) continue;
      const label = this.labels.indexOf(span.label);
      if (label < 0) continue;
      let free = true;
      for (let i = span.start; i < span.end; i++) if (tags[i] !== 0) free = false;
      if (!free) continue;
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

  /**
   * The spans a well-formed tag sequence describes (the decoder only produces well-formed ones); tags are per
   * UTF-16 unit, so a span that would cut a surrogate pair in two takes the whole character.
   */
  tagsToSpans(text: string, tags: ArrayLike<number>): NerSpan[] {
    const spans: NerSpan[] = [];
    let start = -1;
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i] ?? 0;
      if (tag === 0) {
        start = -1;
        continue;
      }
      const part = this.partOf(tag);
      if (part === BEGIN) start = i;
      else if (part === SINGLE || (part === END && start >= 0)) {
        const whole = wholeCharacters(text, part === SINGLE ? i : start, i + 1);
        const previous = spans[spans.length - 1];
        if (previous && previous.end > whole.start) continue;
        spans.push({ label: this.labelOf(tag), ...whole, text: text.slice(whole.start, whole.end) });
        start = -1;
      }
    }
    return spans;
  }
}

const tagSets = new Map<NerScheme, TagSet>();

/** The tag set of a scheme, made once. */
export function tagSetOf(scheme: NerScheme): TagSet {
  let set = tagSets.get(scheme);
  if (!set) {
    set = new TagSet(scheme, SCHEME_LABELS[scheme]);
    tagSets.set(scheme, set);
  }
  return set;
}
