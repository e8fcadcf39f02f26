import { concatBytes } from './byte-stream.js';

export interface ByteLine {
  /** 1-based line number. */
  number: number;
  /** The line without its line break; empty when the line was over the limit. */
  bytes: Uint8Array;
  /** Length of the line in bytes, counted in full even past the limit. */
  size: number;
  overLimit: boolean;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into lines at LF (a CR before it is dropped) without holding more than one line:
 * a line longer than `limit` bytes is counted, not kept.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
): AsyncGenerator<ByteLine> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let number = 0;

  const finishLine = (): ByteLine => {
    number++;
    const overLimit = size > limit;
    let bytes = overLimit ? new Uint8Array(0) : concatBytes(parts, size);
    if (bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
    const line = { number, bytes, size: overLimit ? size : bytes.length, overLimit };
    parts = [];
    size = 0;
    return line;
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(LINE_FEED); end >= 0; end = chunk.indexOf(LINE_FEED, start)) {
      keep(chunk.subarray(start, end));
      yield finishLine();
      start = end + 1;
    }
    keep(chunk.subarray(start));
  }
  if (size > 0) yield finishLine();

  function keep(part: Uint8Array): void {
    size += part.length;
    if (size <= limit) {
      if (part.length > 0) parts.push(part);
    } else {
      parts = [];
    }
  }
}
