import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseClueLine, spansOfClueLine } from './cluener.js';
import { isNerLabel, type NerLabel, type NerSpan } from './labels.js';

/** One labelled sentence of a file, with where it starts (for errors) and the fields it came with. */
export interface LabelledSentence {
  text: string;
  gold: NerSpan[];
  line: number;
  fields: Record<string, unknown>;
}

/** Label names of BIO files as other corpora write them (People's Daily uses nr, ns, nt), in the MSRA scheme. */
const BIO_LABEL_ALIASES: Record<string, NerLabel> = {
  PER: 'PER',
  PERSON: 'PER',
  NR: 'PER',
  LOC: 'LOC',
  LOCATION: 'LOC',
  NS: 'LOC',
  GPE: 'LOC',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  NT: 'ORG',
};

function bioLabel(name: string): NerLabel | null {
  if (isNerLabel(name)) return name;
  return BIO_LABEL_ALIASES[name.toUpperCase()] ?? null;
}

/** A problem with one line of a labelled file; the rest of the file is still read. */
export class LabelledLineError extends Error {}

/**
 * The spans of one BIO (or BIOES, BMES) sentence: `B-X` opens, `I-X`/`M-X` continues, `E-X` closes, `S-X` is a
 * one-character entity, `O` is outside; an `I-X` without an opening starts an entity, as conlleval reads it.
 */
function bioSpans(chars: string[], tags: string[], where: string): NerSpan[] {
  const spans: NerSpan[] = [];
  const text = chars.join('');
  let open: { label: NerLabel; start: number } | null = null;
  const close = (end: number): void => {
    if (open) spans.push({ label: open.label, start: open.start, end, text: text.slice(open.start, end) });
    open = null;
  };
  let offset = 0;
  tags.forEach((tag, index) => {
    const char = chars[index] ?? '';
    const match = /^([BIMES])[-_](.+)$/u.exec(tag);
    if (tag === 'O' || !match) {
      if (tag !== 'O') throw new LabelledLineError(`${where}: unknown tag "${tag}"`);
      close(offset);
      offset += char.length;
      return;
    }
    const part = match[1] as string;
    const label = bioLabel(match[2] as string);
    if (!label) throw new LabelledLineError(`${where}: unknown label "${match[2]}"`);
    const continues = (part === 'I' || part === 'M' || part === 'E') && open?.label === label;
    if (!continues) {
      close(offset);
      open = { label, start: offset };
    }
    offset += char.length;
    if (part === 'E' || part === 'S') close(offset);
  });
  close(offset);
  return spans;
}

/**
 * Labelled sentences from a file in CLUENER's JSON-lines layout or in BIO layout (`char<TAB>tag` per line, a blank
 * line between sentences), told apart by the first non-blank line. A bad line is reported through `onError` and
 * skipped (a bad BIO line skips its sentence).
 */
export async function* readLabelledFile(
  path: string,
  onError: (message: string) => void,
): AsyncGenerator<LabelledSentence> {
  const input = path === '-' ? process.stdin : createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let layout: 'json' | 'bio' | null = null;
  let chars: string[] = [];
  let tags: string[] = [];
  let sentenceLine = 0;
  let broken = false;
  let lineNumber = 0;
  const flush = (): LabelledSentence | null => {
    const where = `${path}:${sentenceLine}`;
    const done = chars.length > 0 && !broken ? { chars, tags } : null;
    chars = [];
    tags = [];
    broken = false;
    if (!done) return null;
    try {
      return {
        text: done.chars.join(''),
        gold: bioSpans(done.chars, done.tags, where),
        line: sentenceLine,
        fields: {},
      };
    } catch (error) {
      onError((error as Error).message);
      return null;
    }
  };
  for await (const raw of lines) {
    lineNumber++;
    if (layout === null) {
      if (!raw.trim()) continue;
      layout = raw.trimStart().startsWith('{') ? 'json' : 'bio';
    }
    const where = `${path}:${lineNumber}`;
    if (layout === 'json') {
      if (!raw.trim()) continue;
      try {
        const parsed = parseClueLine(raw, where);
        const gold = spansOfClueLine(parsed, where);
        const { label: _label, text, ...fields } = parsed;
        yield { text, gold, line: lineNumber, fields };
      } catch (error) {
        onError((error as Error).message);
      }
      continue;
    }
    if (!raw.trim()) {
      const sentence = flush();
      if (sentence) yield sentence;
      continue;
    }
    if (chars.length === 0) sentenceLine = lineNumber;
    const match = /^(.+?)[\t ]+(\S+)\s*$/u.exec(raw);
    if (!match) {
      if (!broken) onError(`${where}: not "character<TAB>tag"`);
      broken = true;
      continue;
    }
    chars.push(match[1] as string);
    tags.push(match[2] as string);
  }
  const last = flush();
  if (last) yield last;
}
