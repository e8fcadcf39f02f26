import type { BoilerplateLexicon } from './lexicon.js';
import type { RemovedKind } from './types.js';

const TRAILING_DATE =
  /(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\)?\s*$/;
const BULLET = /^(?:[-·•*●○■□◆◇▪►▶]|\d{1,2}[.、)）])\s*\S/;
const CJK = /[\u3400-\u9fff]/g;

function cjkShare(text: string): number {
  return text.length === 0 ? 0 : (text.match(CJK)?.length ?? 0) / text.length;
}

/** A long line that is really many headlines run together with spaces. */
export function isHeadlineRun(line: string): boolean {
  if ((line.match(/。/g)?.length ?? 0) > 1) return false;
  const segments = line.split(/\s+/).filter((segment) => segment.length >= 6 && cjkShare(segment) >= 0.4);
  if (segments.length < 5) return false;
  const covered = segments.reduce((sum, segment) => sum + segment.length, 0);
  return covered / line.length >= 0.6;
}

/** A line in a list of other articles' headlines. `loose` also admits any short line without a sentence end. */
export function isHeadlineLike(line: string, loose: boolean): boolean {
  if (line.length <= 140 && TRAILING_DATE.test(line)) return true;
  if (line.length <= 140 && BULLET.test(line) && !/[。；;]$/.test(line)) return true;
  if (isHeadlineRun(line)) return true;
  return loose && line.length <= 40 && !/[。；;]$/.test(line);
}

export function isHeadlineMarker(line: string, lexicon: BoilerplateLexicon): boolean {
  return line.length <= 24 && lexicon.headlineMarkers.some((pattern) => pattern.test(line));
}

export function isShareLine(line: string, lexicon: BoilerplateLexicon): boolean {
  if (line.length > 60) return false;
  const tokens = line.split(/[\s|｜/、,，:：·•()（）[\]【】]+/).filter(Boolean);
  const words = tokens.filter((token) => !/^\d+$/.test(token));
  return words.length > 0 && words.every((token) => lexicon.shareWords.has(token));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A navigation path: 首页 > 新闻 > 行业动态 (the last step may be the headline). */
export function isBreadcrumb(line: string, lineIndex: number, lexicon: BoilerplateLexicon): boolean {
  if (line.length > 160) return false;
  const separator = new RegExp(`\\s*(?:${lexicon.breadcrumbSeparators.map(escapeRegExp).join('|')})\\s*`);
  const parts = line.split(separator);
  if (parts.length < 2) return false;
  const path = parts.slice(0, -1);
  if (!path.every((part) => part.length > 0 && part.length <= 14 && !/\d/.test(part))) return false;
  if (lexicon.breadcrumbStarts.some((start) => line.startsWith(start))) return true;
  return parts.length >= 3 && lineIndex < 3;
}

/** A site menu run together on one line: 首页 | 快讯 | 深度 | 数据. */
export function isMenuLine(line: string, lexicon: BoilerplateLexicon): boolean {
  if (line.length > 100 || /^[|｜]/.test(line)) return false;
  const parts = line.split(/\s*[|｜]\s*/).filter(Boolean);
  return (
    parts.length >= 3 &&
    parts.every((part) => part.length <= 10) &&
    parts.some((part) => lexicon.menuWords.has(part) || /^欢迎/.test(part))
  );
}

/** Boilerplate that a single line shows by itself, or null for a line that may be article text. */
export function classifyLine(
  line: string,
  lineIndex: number,
  lexicon: BoilerplateLexicon,
): RemovedKind | null {
  if (lexicon.noiseLines.some((pattern) => pattern.test(line))) return 'noise';
  if (isShareLine(line, lexicon)) return 'share';
  if (isBreadcrumb(line, lineIndex, lexicon)) return 'breadcrumb';
  if (
    isMenuLine(line, lexicon) ||
    (line.length <= 80 && lexicon.navigationLines.some((pattern) => pattern.test(line)))
  ) {
    return 'navigation';
  }
  if (line.length <= 80 && lexicon.promos.some((pattern) => pattern.test(line))) return 'share';
  if (line.length <= 300 && lexicon.disclaimers.some((pattern) => pattern.test(line))) return 'disclaimer';
  if (line.length <= 120 && lexicon.contacts.some((pattern) => pattern.test(line))) return 'contact';
  if (line.length <= 120 && lexicon.credits.some((pattern) => pattern.test(line))) return 'byline';
  return null;
}

/**
 * Marks the lines of unrelated headlines: a marker line (相关文章, 更多>>) and the headline-like lines after
 * it, and a run of three or more dated or bulleted lines at the end of the text.
 */
export function markHeadlineLists(
  lines: readonly string[],
  kinds: (RemovedKind | null)[],
  lexicon: BoilerplateLexicon,
): void {
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] || !isHeadlineMarker(lines[i] ?? '', lexicon)) continue;
    kinds[i] = 'headline-list';
    let j = i + 1;
    while (j < lines.length) {
      const line = lines[j] ?? '';
      if (kinds[j]) {
        j++;
        continue;
      }
      if (!(isHeadlineMarker(line, lexicon) || isHeadlineLike(line, true))) break;
      kinds[j] = 'headline-list';
      j++;
    }
    i = j - 1;
  }
  let run = 0;
  let end = lines.length - 1;
  while (end >= 0 && kinds[end]) end--;
  for (let i = end; i >= 0; i--) {
    if (kinds[i]) continue;
    const line = lines[i] ?? '';
    const headline = line.replace(TRAILING_DATE, '');
    // A headline before the date, not a label (一期工程：2023-06-30) or a sentence.
    if (headline === line || headline.length < 8 || line.length > 80 || /[。；:：]\s*$|[。；]/.test(headline))
      break;
    run++;
  }
  if (run >= 3) {
    let marked = 0;
    for (let i = end; i >= 0 && marked < run; i--) {
      if (kinds[i]) continue;
      kinds[i] = 'headline-list';
      marked++;
    }
  }
}
