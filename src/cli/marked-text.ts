import type { OffsetSegment, RemovedSpan } from '../clean/types.js';

export interface MarkStyle {
  open: (kind: string) => string;
  close: string;
}

export const PLAIN_MARKS: MarkStyle = { open: (kind) => `⟦${kind}: `, close: '⟧' };
export const TERMINAL_MARKS: MarkStyle = {
  open: (kind) => `\x1b[2;9m\x1b[33m[${kind}]\x1b[39m `,
  close: '\x1b[0m',
};

/**
 * The clean text in source order with each removed part put back in place and marked, so a reader sees
 * what cleaning kept and what it dropped. HTML markup is left out unless asked for; it is only tags.
 */
export function markRemovals(
  doc: { cleanText: string; offsets: readonly OffsetSegment[]; removed: readonly RemovedSpan[] },
  style: MarkStyle,
  includeMarkup = false,
): string {
  type Piece = { at: number; order: number; text: string };
  const pieces: Piece[] = doc.offsets.map((segment, index) => ({
    at: segment.sourceStart,
    order: index,
    text: doc.cleanText.slice(segment.cleanStart, segment.cleanStart + segment.length),
  }));
  for (const span of doc.removed) {
    if (span.kind === 'html-markup' && !includeMarkup) continue;
    const shown = span.text.replace(/\s+/g, ' ').trim();
    if (!shown) continue;
    const lineBreak = span.kind === 'pinyin' ? '' : '\n';
    pieces.push({
      at: span.start,
      order: -1,
      text: `${style.open(span.kind)}${shown}${style.close}${lineBreak}`,
    });
  }
  pieces.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  for (const piece of pieces) {
    if (piece.order === -1 && piece.text.endsWith('\n') && out !== '' && !out.endsWith('\n')) out += '\n';
    out += piece.text;
  }
  return out.replace(/\n{2,}/g, '\n');
}
