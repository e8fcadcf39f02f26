import { type Tracked, TrackedBuilder } from './tracked.js';
import type { RemovedKind, RemovedSpan } from './types.js';

export interface Cut {
  start: number;
  end: number;
  kind: RemovedKind;
}

/**
 * Removes the cuts (ranges of `text`, sorted, not overlapping) and reports each as a span of the source.
 * Synthetic units inside a cut vanish with it without leaving a span.
 */
export function applyCuts(text: Tracked, cuts: readonly Cut[]): { text: Tracked; removed: RemovedSpan[] } {
  if (cuts.length === 0) return { text, removed: [] };
  const builder = new TrackedBuilder();
  const removed: RemovedSpan[] = [];
  let cursor = 0;
  for (const cut of cuts) {
    if (cut.start < cursor) throw new Error('cuts must be sorted and must not overlap');
    builder.pushTracked(text.slice(cursor, cut.start));
    const [start, end] = text.sourceRange(cut.start, cut.end);
    if (end > start) removed.push({ kind: cut.kind, start, end, text: '' });
    cursor = cut.end;
  }
  builder.pushTracked(text.slice(cursor, text.length));
  return { text: builder.build(), removed };
}
