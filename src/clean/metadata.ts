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
  if (!keyed && rest.length > 24) return null;
  const keys = lexicon.metadataKeys;
  let author = valueAfter(line, ['作者', '文', '记者'], keys);
  const source = valueAfter(line, ['来源', '稿源', '出处'], keys);
  if (author && findFullDate(author)) author = author.slice(0, findFullDate(author)?.index).trim() || null;
  return { published: date.date, author, source };
}

/** A date at the head of the first paragraph (`2023年6月29日，…`), the usual dateline of a report. */
export function readDateline(firstParagraph: string): string | null {
  const found = findFullDate(firstParagraph.slice(0, 24));
  return found && found.index <= 8 ? found.date : null;
}

/** Compares two headlines loosely: same characters once spaces and punctuation are gone. */
export function sameHeadline(a: string, b: string): boolean {
  const fold = (text: string): string => text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  const left = fold(a);
  const right = fold(b);
  if (!left || !right) return false;
  if (left === right) return true;
  const shorter = left.length < right.length ? left : right;
  const longer = left.length < right.length ? right : left;
  return shorter.length >= 6 && longer.includes(shorter) && shorter.length / longer.length >= 0.5;
}

/** The headline inside a page title such as `标题_新能源网` or `标题 - 某某网`. */
export function headlineFromPageTitle(pageTitle: string): string {
  const parts = pageTitle.split(/\s*(?:_|\||｜|\s-\s|\s–\s|\s—\s|——)\s*/).filter(Boolean);
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '');
}
