import { findFullDate } from './dates.js';
import type { BoilerplateLexicon } from './lexicon.js';

export interface LineMetadata {
  published: string;
  author: string | null;
  source: string | null;
}

function valueAfter(line: string, keys: readonly string[], allKeys: readonly string[]): string | null {
  const stop = allKeys.join('|');
  for (const key of keys) {
    const match = new RegExp(
      `${key}\\s*[:：]\\s*(.+?)(?=\\s*(?:${stop})\\s*[:：]|\\s+\\d{4}[-/.年]|$)`,
      'u',
    ).exec(line);
    const value = match?.[1]?.trim();
    if (value) return value;
  }
  return null;
}

/** A line under a title that states the publish time and perhaps the author and source; null for any other line. */
export function readMetadataLine(line: string, lexicon: BoilerplateLexicon): LineMetadata | null {
  if (line.length > 100 || /[。；]$/.test(line)) return null;
  const date = findFullDate(line);
  if (!date) return null;
  const keyed = lexicon.metadataKeys.some((key) => new RegExp(`${key}\\s*[:：]`, 'u').test(line));
  const rest = (line.slice(0, date.index) + line.slice(date.index + date.length))
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, '')
    .trim();
  // Without a key (作者:, 来源:) only a bare numeric timestamp with a short source name qualifies; a line that
  // opens with 2024年3月5日 is the lead or a headline.
  const numeric = /^\d{4}[-/.]/.test(line.slice(date.index, date.index + date.length));
  const fields = /[|｜]/.test(line);
  if (
    !keyed &&
    ((rest.length > 0 && !numeric && !fields) || rest.length > 24 || /[，,。！？!?：:；“”]/.test(rest))
  )
    return null;
  const keys = lexicon.metadataKeys;
  let author = valueAfter(line, ['作者', '文', '记者'], keys);
  const source = valueAfter(line, ['来源', '稿源', '出处'], keys);
  if (author && findFullDate(author)) author = author.slice(0, findFullDate(author)?.index).trim() || null;
  return { published: date.date, author, source };
}

/** A date at the head of the first paragraph (`2023年6月29日，…`), the usual dateline of a report. */
export function readDateline(firstParagraph: string): string | null {
  const found = findFullDate(firstParagraph.slice(0, 32));
  if (!found || found.index > 10) return null;
  const before = firstParagraph.slice(0, found.index);
  const after = firstParagraph.slice(found.index + found.length, found.index + found.length + 1);
  if (/[自从至到于截]|起$/.test(before) || !/^[，,、 电讯]/.test(after)) return null;
  return found.date;
}

/**
 * Whether a body line `b` is the headline `a` states: the same characters once spaces and punctuation are gone,
 * or the headline part of a longer stated title (`标题_网站名`). A body line longer than the title is not it.
 */
export function sameHeadline(a: string, b: string): boolean {
  const fold = (text: string): string => text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  const left = fold(a);
  const right = fold(b);
  if (!left || !right) return false;
  if (left === right) return true;
  return right.length >= 6 && left.includes(right) && right.length / left.length >= 0.5;
}

/** The headline inside a page title such as `标题_新能源网` or `标题 - 某某网`. */
export function headlineFromPageTitle(pageTitle: string): string {
  const parts = pageTitle.split(/\s*(?:_|\||｜|\s-\s|\s–\s|\s—\s|——)\s*/).filter(Boolean);
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '');
}
