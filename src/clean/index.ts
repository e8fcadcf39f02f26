import { bundledResources } from '../resources/index.js';
import { classifyLine, isHeadlineMarker, markHeadlineLists } from './boilerplate.js';
import { normaliseDate } from './dates.js';
import { applyCuts } from './edit.js';
import { findFrontMatter, pickField } from './front-matter.js';
import { type HtmlText, htmlToText } from './html.js';
import type { BoilerplateLexicon } from './lexicon.js';
import { findMarkdownSyntax } from './markdown.js';
import {
  headlineFromPageTitle,
  type LineMetadata,
  readDateline,
  readMetadataLine,
  sameHeadline,
} from './metadata.js';
import { foldWidth, INVISIBLE } from './normalise.js';
import { findPinyinNotes } from './pinyin.js';
import { toSimplifiedSameLength } from './script.js';
import { Tracked, TrackedBuilder } from './tracked.js';
import type { CleanDoc, CleanInput, RemovedKind, RemovedSpan } from './types.js';

export { toSourceRange } from './tracked.js';
export type { CleanDoc, CleanInput, OffsetSegment, RemovedKind, RemovedSpan } from './types.js';

type LineKind = RemovedKind | null;

interface Line {
  start: number;
  end: number;
  /** The line with runs of spaces folded, for the classifiers. */
  text: string;
}

const TITLE_FIELDS = ['title', 'headline', 'Title'];
const DATE_FIELDS = [
  'date',
  'published',
  'publishDate',
  'pubDate',
  'pubdate',
  'published_at',
  'created',
  'time',
];
const AUTHOR_FIELDS = ['author', 'authors', 'byline', 'Author'];
const SOURCE_FIELDS = ['source', 'origin', 'publisher'];

/** Text as the rest of the pipeline wants it: one-for-one width folding and Simplified script. */
function normaliseInline(text: string): string {
  return toSimplifiedSameLength(foldWidth(text.replace(INVISIBLE, '')))
    .replace(/\s+/g, ' ')
    .trim();
}

function asText(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? asText(value[0]) : null;
  if (typeof value === 'string') return normaliseInline(value) || null;
  if (typeof value === 'number') return String(value);
  return null;
}

function splitLines(text: Tracked): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]+/g;
  for (const match of text.text.matchAll(pattern)) {
    let start = match.index ?? 0;
    let end = start + match[0].length;
    while (start < end && /\s/.test(text.text[start] ?? '')) start++;
    while (end > start && /\s/.test(text.text[end - 1] ?? '')) end--;
    if (end > start) lines.push({ start, end, text: text.text.slice(start, end).replace(/\s{2,}/g, ' ') });
  }
  return lines;
}

/** Whether a first line reads as a headline rather than the opening of the report. */
function isTitleLike(line: string): boolean {
  if (line.length < 4 || line.length > 80 || line.includes('。') || /[，,：:；;、]$/.test(line)) return false;
  // A byline or a dateline opens a report, not a headline: （记者 张三）…, 新华社北京3月5日电, 3月5日，…
  return !/^[(（]/.test(line) && !/\d{1,2}月\d{1,2}日(电|讯|[，,])/.test(line);
}

/** Drops spans that an earlier, wider span already covers and clips partial overlaps, sorted by start. */
function tidySpans(spans: RemovedSpan[], source: string): RemovedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const tidy: RemovedSpan[] = [];
  for (const span of sorted) {
    const last = tidy[tidy.length - 1];
    const start = last ? Math.max(span.start, last.end) : span.start;
    if (span.end <= start) continue;
    tidy.push({ kind: span.kind, start, end: span.end, text: source.slice(start, span.end) });
  }
  return tidy;
}

function assemble(body: Tracked, lines: readonly Line[], kinds: readonly LineKind[]): Tracked {
  const spaced = body.withText(body.text.replace(/\s/g, ' '));
  const builder = new TrackedBuilder();
  lines.forEach((line, index) => {
    if (kinds[index]) return;
    if (builder.lastChar() !== '') builder.pushSynthetic('\n', body.starts[line.start] ?? 0);
    for (let i = line.start; i < line.end; i++) {
      if (spaced.text[i] === ' ' && spaced.text[i - 1] === ' ') continue;
      builder.pushUnit(spaced, i);
    }
  });
  return builder.build();
}

/** Cleans one document: pure, no I/O. Every removed part of the source is reported with its kind. */
export function clean(
  input: CleanInput,
  lexicon: BoilerplateLexicon = bundledResources().boilerplate,
): CleanDoc {
  const source = input.text;
  const removed: RemovedSpan[] = [];

  const frontMatter = findFrontMatter(source);
  const bodyStart = frontMatter ? frontMatter.end : 0;
  if (frontMatter)
    removed.push({ kind: 'front-matter', start: frontMatter.start, end: frontMatter.end, text: '' });
  const fields = frontMatter?.fields ?? {};

  const bodySource = source.slice(bodyStart);
  let html: HtmlText | null = null;
  let body: Tracked;
  // The reader has sniffed the format (a .txt of front matter and HTML is html): cleaning trusts it.
  if (input.format === 'html') {
    html = htmlToText(bodySource, bodyStart);
    body = html.text;
    removed.push(...html.removed);
  } else {
    body = Tracked.identity(bodySource, bodyStart);
  }

  const invisible = [...body.text.matchAll(INVISIBLE)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
    kind: 'noise' as const,
  }));
  const visible = applyCuts(body, invisible);
  body = visible.text;
  removed.push(...visible.removed);
  if (input.format === 'markdown' && !html) {
    const markdown = applyCuts(body, findMarkdownSyntax(body.text));
    body = markdown.text;
    removed.push(...markdown.removed);
  }
  body = body.withText(foldWidth(body.text));
  const pinyin = applyCuts(
    body,
    findPinyinNotes(body.text).map(([start, end]) => ({ start, end, kind: 'pinyin' as const })),
  );
  body = pinyin.text;
  removed.push(...pinyin.removed);
  body = body.withText(toSimplifiedSameLength(body.text));

  const lines = splitLines(body);
  const kinds: LineKind[] = lines.map((line, index) => classifyLine(line.text, index, lexicon));
  markHeadlineLists(
    lines.map((line) => line.text),
    kinds,
    lexicon,
  );

  let title = asText(pickField(fields, TITLE_FIELDS)) ?? asText(input.metadata.title);
  let published = normaliseDate(pickField(fields, DATE_FIELDS)) ?? normaliseDate(input.metadata.date);
  let author =
    asText(pickField(fields, AUTHOR_FIELDS)) ?? asText(input.metadata.author) ?? asText(html?.metaAuthor);
  let sourceName = asText(pickField(fields, SOURCE_FIELDS));
  if (!published && html?.metaPublished) published = normaliseDate(html.metaPublished);

  const open = lines.map((_, index) => index).filter((index) => !kinds[index]);
  for (const index of open.slice(0, 5)) {
    const line = lines[index] as Line;
    if (line.text.length > 100) break;
    const metadata = readMetadataLine(line.text, lexicon);
    if (!metadata) continue;
    kinds[index] = 'metadata';
    published ??= metadata.published;
    author ??= metadata.author;
    sourceName ??= metadata.source;
  }

  if (!published) {
    const stamp = publishStampLine(lines, kinds, lexicon);
    if (stamp) {
      published = stamp.metadata.published;
      author ??= stamp.metadata.author;
      sourceName ??= stamp.metadata.source;
      kinds[stamp.index] ??= 'metadata';
    }
  }

  const bodyLines = (): number[] => lines.map((_, index) => index).filter((index) => !kinds[index]);
  const first = bodyLines()[0];
  const htmlTitles = [
    html?.headline,
    html?.metaTitle,
    html?.documentTitle ? headlineFromPageTitle(html.documentTitle) : null,
  ]
    .map((candidate) => asText(candidate))
    .filter((candidate): candidate is string => Boolean(candidate));
  const known = [title, ...htmlTitles].filter((candidate): candidate is string => Boolean(candidate));
  const stated = bodyLines()
    .slice(0, 6)
    .find((index) => known.some((candidate) => sameHeadline(candidate, (lines[index] as Line).text)));
  if (stated !== undefined) {
    kinds[stated] = 'title';
    title ??= (lines[stated] as Line).text;
  } else if (first !== undefined && known.length === 0) {
    const firstLine = (lines[first] as Line).text;
    if (isTitleLike(firstLine) && !isHeadlineMarker(firstLine, lexicon) && bodyLines().length > 1) {
      kinds[first] = 'title';
      title = firstLine;
    }
  }
  title ??= htmlTitles[0] ?? null;

  const lead = bodyLines()[0];
  if (!published && lead !== undefined) published = readDateline((lines[lead] as Line).text);

  lines.forEach((line, index) => {
    const kind = kinds[index];
    if (!kind) return;
    const [start, end] = body.sourceRange(line.start, line.end);
    removed.push({ kind, start, end, text: '' });
  });

  const text = assemble(body, lines, kinds);
  return {
    uri: input.uri,
    title,
    published,
    author,
    source: sourceName,
    text: text.text,
    removed: tidySpans(removed, source),
    offsets: text.segments(),
  };
}

/** A timestamp standing alone on its line: 2020-02-03, 2021-03-30 20:23:28. */
const BARE_STAMP = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/u;

/**
 * Where pages put the publish time away from the title (below the body, inside the page chrome): the first line
 * that states it with a key (发布时间:, 来源:…) or is a bare timestamp, outside lists of other articles' headlines.
 */
function publishStampLine(
  lines: readonly Line[],
  kinds: readonly LineKind[],
  lexicon: BoilerplateLexicon,
): { index: number; metadata: LineMetadata } | null {
  for (let index = 0; index < lines.length; index++) {
    if (kinds[index] === 'headline-list') continue;
    const line = (lines[index] as Line).text.trim();
    const keyed = lexicon.metadataKeys.some((key) => new RegExp(`${key}\\s*[:：]`, 'u').test(line));
    if (!keyed && !BARE_STAMP.test(line)) continue;
    const metadata = readMetadataLine(line, lexicon);
    if (metadata) return { index, metadata };
  }
  return null;
}
