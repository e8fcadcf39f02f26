interface Spanned {
  start: number;
  end: number;
}

/** The first index in sorted spans at which `before` turns false, by binary search. */
function firstIndex<T extends Spanned>(spans: readonly T[], before: (span: T) => boolean): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(spans[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function collect<T extends Spanned>(spans: readonly T[], from: number, end: number): T[] {
  const found: T[] = [];
  for (let i = from; i < spans.length && (spans[i] as T).start < end; i++) found.push(spans[i] as T);
  return found;
}

/** Spans sorted by start that begin inside [start, end). */
export function spansWithin<T extends Spanned>(spans: readonly T[], start: number, end: number): T[] {
  return collect(
    spans,
    firstIndex(spans, (span) => span.start < start),
    end,
  );
}

/** Spans sorted by start and not overlapping each other (tokens) that overlap [start, end). */
export function spansOverlapping<T extends Spanned>(spans: readonly T[], start: number, end: number): T[] {
  return collect(
    spans,
    firstIndex(spans, (span) => span.end <= start),
    end,
  );
}
