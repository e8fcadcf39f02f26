import type { OffsetSegment, RemovedKind, RemovedSpan } from '../../domain/text.js';

/** Removed spans are stored without their text, which the stored source text already holds. */
export function encodeRemoved(spans: readonly RemovedSpan[]): string {
  return JSON.stringify(spans.map((span) => [span.kind, span.start, span.end]));
}

export function decodeRemoved(stored: string, sourceText: string): RemovedSpan[] {
  return (JSON.parse(stored) as [RemovedKind, number, number][]).map(([kind, start, end]) => ({
    kind,
    start,
    end,
    text: sourceText.slice(start, end),
  }));
}

export function encodeOffsets(segments: readonly OffsetSegment[]): string {
  return JSON.stringify(segments.map((s) => [s.cleanStart, s.sourceStart, s.length, s.sourceLength]));
}

export function decodeOffsets(stored: string): OffsetSegment[] {
  return (JSON.parse(stored) as [number, number, number, number][]).map(
    ([cleanStart, sourceStart, length, sourceLength]) => ({ cleanStart, sourceStart, length, sourceLength }),
  );
}

/** A MinHash signature as a BLOB, and back. */
export function encodeSignature(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function decodeSignature(blob: Buffer): Uint32Array {
  return new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
