import { createReadStream } from 'node:fs';
import { readFile as readWholeFile, stat } from 'node:fs/promises';
import { binaryReason, isGzip } from './binary.js';
import { gunzipStream, type PeekedStream, peekStream, readAllBytes } from './byte-stream.js';
import { documentFromBytes } from './document.js';
import { ioErrorReason } from './errors.js';
import { EMPTY_FILE_REASON, failure } from './failure.js';
import { bodyFormatFromName, detectFormat, HEAD_BYTES, isJsonName, withoutGzipExtension } from './format.js';
import type { InputFile } from './inputs.js';
import { readJsonl } from './jsonl.js';
import { DEFAULT_MAX_BYTES, tooLargeReason } from './size.js';
import type { ReadOptions, ReadResult } from './types.js';
import { readWarc } from './warc.js';

const STDIN_PATH = '-';
const CHUNK_BYTES = 64 * 1024;
const WHOLE_FILE_BYTES = 1024 * 1024;

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** An opened input: its bytes (inflated when gzip), and the name its format is judged by. */
interface OpenedInput {
  stream: PeekedStream;
  /** The path without `.gz` when the bytes were inflated. */
  formatPath: string;
  /** Size on disk; undefined for stdin. */
  diskSize: number | undefined;
  inflated: boolean;
}

/**
 * Reads one file (or `-`, stdin) as documents: one for a text, markdown or HTML file, one per line or
 * record for JSON Lines and WARC. Every problem is yielded as a failure; the generator never throws.
 */
export async function* readFile(file: InputFile, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const uri = file.path;
  const opened = await openInput(file, options);
  if (typeof opened === 'string') {
    yield failure(uri, opened);
    return;
  }
  try {
    yield* readOpened(uri, opened, options);
  } finally {
    await opened.stream.close();
  }
}

async function* readOpened(
  uri: string,
  opened: OpenedInput,
  options: ReadOptions,
): AsyncGenerator<ReadResult> {
  const { stream, formatPath } = opened;
  if (stream.head.length === 0) {
    yield failure(
      uri,
      opened.inflated ? `${EMPTY_FILE_REASON} (gzip data inflates to nothing)` : EMPTY_FILE_REASON,
    );
    return;
  }
  const format = options.format ?? detectFormat(formatPath, stream.head);
  if (format === 'warc') {
    yield* readWarc(stream.chunks, uri, options);
    return;
  }
  const binary = binaryReason(stream.head);
  if (binary) {
    yield failure(uri, `binary file (${binary})`);
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonl(stream.chunks, uri, options);
    return;
  }
  if (!options.format && isJsonName(formatPath)) {
    yield failure(uri, 'not JSON Lines (expected one JSON object per line)');
    return;
  }

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (opened.diskSize !== undefined && !opened.inflated && opened.diskSize > maxBytes) {
    yield failure(uri, tooLargeReason('file', opened.diskSize, maxBytes));
    return;
  }
  let body: Awaited<ReturnType<typeof readAllBytes>>;
  try {
    body = await readAllBytes(stream.chunks, maxBytes);
  } catch (error) {
    yield failure(uri, ioErrorReason(error));
    return;
  }
  if (body.overLimit) {
    yield failure(uri, tooLargeReason('file', body.size, maxBytes));
    return;
  }
  yield documentFromBytes(
    body.bytes,
    { uri, file: uri, container: null, metadata: {} },
    { format: options.format ? format : bodyFormatFromName(formatPath) },
  );
}

/** Opens a file or stdin and reads its head (inflating gzip), or returns why it cannot be read. */
async function openInput(file: InputFile, options: ReadOptions): Promise<OpenedInput | string> {
  let diskSize: number | undefined;
  let source: AsyncIterable<Uint8Array>;
  if (file.path === STDIN_PATH) {
    source = options.stdin ?? process.stdin;
  } else {
    try {
      const stats = await stat(file.path);
      if (stats.isDirectory()) return 'is a directory';
      // A pipe or device reports size 0 but has bytes: only a regular file's size is known in advance.
      diskSize = stats.isFile() ? stats.size : undefined;
    } catch (error) {
      return ioErrorReason(error);
    }
    if (diskSize === 0) return EMPTY_FILE_REASON;
    if (diskSize !== undefined && diskSize <= WHOLE_FILE_BYTES) {
      // A stream costs more to set up than a small file takes to read.
      try {
        source = oneChunk(await readWholeFile(file.path));
      } catch (error) {
        return ioErrorReason(error);
      }
    } else {
      source = createReadStream(file.path, { highWaterMark: CHUNK_BYTES });
    }
  }

  let stream: PeekedStream;
  try {
    stream = await peekStream(source, HEAD_BYTES);
  } catch (error) {
    return ioErrorReason(error);
  }
  if (!isGzip(stream.head)) {
    return { stream, formatPath: file.path, diskSize, inflated: false };
  }
  try {
    // Containers are salvaged record by record; anything else cut short is an error.
    const container = /\.(warc|jsonl|ndjson)$/i.test(withoutGzipExtension(file.path));
    const inflated = await peekStream(gunzipStream(stream.chunks, !container), HEAD_BYTES);
    const close = async () => {
      await inflated.close();
      await stream.close();
    };
    return {
      stream: { ...inflated, close },
      formatPath: withoutGzipExtension(file.path),
      diskSize,
      inflated: true,
    };
  } catch (error) {
    await stream.close();
    return ioErrorReason(error);
  }
}
