import { pipeline, Readable } from 'node:stream';
import { createGunzip, constants as zlibConstants } from 'node:zlib';

/** A byte stream whose first bytes have been read ahead, to detect its format before reading the rest. */
export interface PeekedStream {
  /** The first bytes: at least the number asked for, or the whole stream when it is shorter. */
  head: Uint8Array;
  /** Every chunk of the stream from its start, head included. Iterate at most once. */
  chunks: AsyncIterable<Uint8Array>;
  /** Releases the underlying stream when it was not read to its end. */
  close(): Promise<void>;
}

export async function peekStream(
  stream: AsyncIterable<Uint8Array>,
  headBytes: number,
): Promise<PeekedStream> {
  const iterator = stream[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  try {
    while (size < headBytes) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      buffered.push(next.value);
      size += next.value.length;
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const head = concatBytes(buffered, size);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (ended) return;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return {
    head,
    chunks: chunks(),
    close: async () => {
      await iterator.return?.();
    },
  };
}

/**
 * The inflated bytes of a gzip stream (multi-member streams included); corrupt data raises an error
 * while iterating. A stream cut short ends where its data ends, with every byte that could be inflated,
 * so that a container reader keeps the records before the cut (and reports the cut record itself).
 * With `strict`, a stream cut short is an error instead: a single document must not pass for whole when it is not.
 */
export function gunzipStream(chunks: AsyncIterable<Uint8Array>, strict = false): AsyncIterable<Uint8Array> {
  const gunzip = createGunzip(strict ? {} : { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  pipeline(Readable.from(chunks, { objectMode: false }), gunzip, () => {
    // Errors reach the reader through the destroyed gunzip stream.
  });
  return gunzip;
}

export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  return Buffer.concat(chunks, size);
}

/** Reads a whole stream, keeping at most `limit` bytes; `size` counts every byte even past the limit. */
export async function readAllBytes(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<{ bytes: Uint8Array; size: number; overLimit: boolean }> {
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size <= limit) kept.push(chunk);
    else kept.length = 0;
  }
  const overLimit = size > limit;
  return { bytes: overLimit ? new Uint8Array(0) : concatBytes(kept, size), size, overLimit };
}
