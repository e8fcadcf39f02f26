import type { OffsetSegment } from './types.js';

/**
 * Text that remembers where each of its UTF-16 units came from in the source: unit i came from
 * source[starts[i], ends[i]). Synthetic units (a paragraph break between two HTML blocks) have starts == ends.
 */
export class Tracked {
  constructor(
    readonly text: string,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {}

  static identity(text: string, offset = 0): Tracked {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) {
      starts[i] = offset + i;
      ends[i] = offset + i + 1;
    }
    return new Tracked(text, starts, ends);
  }

  get length(): number {
    return this.text.length;
  }

  slice(start: number, end: number): Tracked {
    return new Tracked(
      this.text.slice(start, end),
      this.starts.slice(start, end),
      this.ends.slice(start, end),
    );
  }

  /** The same units with new characters, one for one (script conversion, width folding). */
  withText(text: string): Tracked {
    if (text.length !== this.text.length) throw new Error('withText needs a text of the same length');
    return new Tracked(text, this.starts, this.ends);
  }

  /** The source range covered by units [start, end). */
  sourceRange(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = start < this.length ? (this.starts[start] ?? 0) : (this.ends[this.length - 1] ?? 0);
      return [at, at];
    }
    let from = Number.POSITIVE_INFINITY;
    let to = 0;
    for (let i = start; i < end; i++) {
      const s = this.starts[i] ?? 0;
      const e = this.ends[i] ?? 0;
      if (e === s) continue;
      if (s < from) from = s;
      if (e > to) to = e;
    }
    if (from === Number.POSITIVE_INFINITY) {
      const at = this.starts[start] ?? 0;
      return [at, at];
    }
    return [from, to];
  }

  /** Run-length segments mapping clean offsets to source offsets. */
  segments(): OffsetSegment[] {
    const segments: OffsetSegment[] = [];
    let current: OffsetSegment | null = null;
    for (let i = 0; i < this.length; i++) {
      const start = this.starts[i] ?? 0;
      const width = (this.ends[i] ?? 0) - start;
      const continues =
        current !== null &&
        width === 1 &&
        current.length === current.sourceLength &&
        current.sourceStart + current.sourceLength === start;
      if (continues && current) {
        current.length++;
        current.sourceLength++;
      } else {
        current = { cleanStart: i, sourceStart: start, length: 1, sourceLength: width };
        segments.push(current);
      }
    }
    return segments;
  }
}

/** Builds a Tracked text piece by piece without quadratic string growth. */
export class TrackedBuilder {
  private readonly chunks: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  /** Units copied from the source at `sourceStart`, one for one. */
  pushSource(text: string, sourceStart: number): void {
    this.chunks.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(sourceStart + i);
      this.ends.push(sourceStart + i + 1);
    }
  }

  /** Units that together stand for source[sourceStart, sourceEnd), such as a decoded entity. */
  pushMapped(text: string, sourceStart: number, sourceEnd: number): void {
    this.chunks.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(sourceStart);
      this.ends.push(sourceEnd);
    }
  }

  /** Units with no source of their own, placed at `at`. */
  pushSynthetic(text: string, at: number): void {
    this.pushMapped(text, at, at);
  }

  pushTracked(piece: Tracked): void {
    this.chunks.push(piece.text);
    for (let i = 0; i < piece.length; i++) {
      this.starts.push(piece.starts[i] ?? 0);
      this.ends.push(piece.ends[i] ?? 0);
    }
  }

  /** Unit `index` of another tracked text, with its source. */
  pushUnit(piece: Tracked, index: number): void {
    this.chunks.push(piece.text[index] ?? '');
    this.starts.push(piece.starts[index] ?? 0);
    this.ends.push(piece.ends[index] ?? 0);
  }

  lastChar(): string {
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const chunk = this.chunks[i];
      if (chunk) return chunk[chunk.length - 1] ?? '';
    }
    return '';
  }

  build(): Tracked {
    return new Tracked(this.chunks.join(''), Int32Array.from(this.starts), Int32Array.from(this.ends));
  }
}

/** Maps a clean-text range back to the source text through the offset segments. */
export function toSourceRange(
  segments: readonly OffsetSegment[],
  start: number,
  end: number,
): [number, number] {
  const locate = (offset: number, isEnd: boolean): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = segments[mid] as OffsetSegment;
      if (offset < seg.cleanStart) hi = mid - 1;
      else if (offset >= seg.cleanStart + seg.length) lo = mid + 1;
      else {
        if (seg.length !== seg.sourceLength)
          return isEnd ? seg.sourceStart + seg.sourceLength : seg.sourceStart;
        return seg.sourceStart + (offset - seg.cleanStart) + (isEnd ? 1 : 0);
      }
    }
    const last = segments[segments.length - 1];
    return last ? last.sourceStart + last.sourceLength : 0;
  };
  if (end <= start) {
    const at = locate(start, false);
    return [at, at];
  }
  return [locate(start, false), locate(end - 1, true)];
}
