/** Spans sorted by start that begin inside [start, end), by binary search. */
export function spansWithin<T extends { start: number; end: number }>(
  spans: readonly T[],
  start: number,
  end: number,
): T[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as T).start < start) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo; i < spans.length && (spans[i] as T).start < end; i++) found.push(spans[i] as T);
  return found;
}

/** Spans sorted by start and not overlapping each other (tokens) that overlap [start, end), by binary search. */
export function spansOverlapping<T extends { start: number; end: number }>(
  spans: readonly T[],
  start: number,
  end: number,
): T[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as T).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo; i < spans.length && (spans[i] as T).start < end; i++) found.push(spans[i] as T);
  return found;
}
