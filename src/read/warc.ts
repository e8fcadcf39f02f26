import { brotliDecompressSync } from 'node:zlib';
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { binaryReason } from './binary.js';
import { charsetFromContentType, mediaType } from './charset.js';
import { documentFromBytes } from './document.js';
import { ioErrorReason } from './errors.js';
import { failure } from './failure.js';
import { DEFAULT_MAX_BYTES, tooLargeReason } from './size.js';
import { looksLikeHtml } from './sniff.js';
import type { BodyFormat, ReadOptions, ReadResult, SourceMetadata } from './types.js';

/** Media types read as documents; `undefined` means the body decides between HTML and text. */
const TEXT_MEDIA_TYPES = new Map<string, BodyFormat | undefined>([
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['text/plain', undefined],
]);

/** A text record worth reading: how to read its body. */
interface TextRecord {
  format: BodyFormat | undefined;
  charset: string | undefined;
  /** No Content-Type was sent: keep the body only if it looks like HTML. */
  untyped: boolean;
}

/** The record was cut short or is malformed: the rest of the file cannot be trusted. */
class CorruptWarc extends Error {}

/**
 * Reads the text responses and resources of a WARC stream (already inflated, or gzip that warcio
 * inflates), one document per record, uri `path#r<n>` counting every record from 1. Other records and
 * non-text payloads are skipped; a truncated or corrupt file ends with one failure for the file.
 */
export async function* readWarc(
  chunks: AsyncIterable<Uint8Array>,
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let recordNumber = 0;
  try {
    for await (const record of new WARCParser(chunks)) {
      recordNumber++;
      checkRecordHeader(record, recordNumber);
      const result = await readRecord(record, `${path}#r${recordNumber}`, path, maxBytes);
      checkRecordComplete(record, recordNumber);
      if (result) yield result;
    }
  } catch (error) {
    const reason = error instanceof CorruptWarc ? error.message : `corrupt WARC: ${ioErrorReason(error)}`;
    yield failure(path, reason);
  }
}

async function readRecord(
  record: WARCRecord,
  uri: string,
  file: string,
  maxBytes: number,
): Promise<ReadResult | undefined> {
  const text = textRecord(record);
  if (!text) {
    await drain(record);
    return undefined;
  }
  if (record.warcContentLength > maxBytes) {
    await drain(record);
    return failure(uri, tooLargeReason('record', record.warcContentLength, maxBytes));
  }
  const bytes = await payload(record);
  if (bytes.length > maxBytes) return failure(uri, tooLargeReason('record', bytes.length, maxBytes));
  if (binaryReason(bytes) !== undefined) return undefined;
  if (text.untyped && !looksLikeHtml(new TextDecoder().decode(bytes.subarray(0, 4096)))) return undefined;

  const metadata: SourceMetadata = {};
  const url = record.warcTargetURI;
  const fetchedAt = record.warcDate;
  if (url) metadata.url = url;
  if (fetchedAt) metadata.fetchedAt = fetchedAt;
  return documentFromBytes(
    bytes,
    { uri, file, container: 'warc', metadata },
    { format: text.untyped ? 'html' : text.format, charset: text.charset },
  );
}

/** How to read a record as a text document, or undefined to skip it. */
function textRecord(record: WARCRecord): TextRecord | undefined {
  if (record.warcType === 'response') {
    const http = record.httpHeaders;
    if (http?.statusCode !== 200) return undefined;
    return textMedia(http.headers.get('Content-Type'));
  }
  if (record.warcType === 'resource') return textMedia(record.warcContentType);
  return undefined;
}

function textMedia(contentType: string | null | undefined): TextRecord | undefined {
  const type = mediaType(contentType);
  if (type === undefined) return { format: undefined, charset: undefined, untyped: true };
  if (!TEXT_MEDIA_TYPES.has(type)) return undefined;
  return { format: TEXT_MEDIA_TYPES.get(type), charset: charsetFromContentType(contentType), untyped: false };
}

/** The payload with transfer and content encodings undone (warcio handles chunked, gzip and deflate). */
async function payload(record: WARCRecord): Promise<Uint8Array> {
  const contentEncoding = record.httpHeaders?.headers.get('Content-Encoding')?.trim().toLowerCase();
  if (contentEncoding === 'br') {
    const raw = await record.readFully(false);
    try {
      return brotliDecompressSync(raw);
    } catch {
      return raw;
    }
  }
  return record.readFully(true);
}

/** Reads past a record's payload. warcio's own skipping never ends on a truncated file, so skip here. */
async function drain(record: WARCRecord): Promise<void> {
  for await (const _ of record.reader) {
    // discard
  }
}

function checkRecordHeader(record: WARCRecord, recordNumber: number): void {
  if (!record.warcHeaders.statusline.startsWith('WARC/')) {
    throw new CorruptWarc(`corrupt WARC: record ${recordNumber} does not start with a WARC/ version line`);
  }
  const length = record.warcHeaders.headers.get('Content-Length');
  if (typeof length !== 'string' || !/^\s*\d+\s*$/.test(length)) {
    throw new CorruptWarc(`truncated or corrupt WARC: record ${recordNumber} has no valid Content-Length`);
  }
}

/** Whether the record's block was read in full: the byte reader under it has nothing left to give. */
function checkRecordComplete(record: WARCRecord, recordNumber: number): void {
  const reader = record._reader;
  if (!(reader instanceof LimitReader)) return;
  if (reader.limit > 0) throw new CorruptWarc(`truncated WARC: record ${recordNumber} is cut short`);
  // A negative limit comes from a block that is HTTP headers alone (a 304, an empty 200): warcio reads the
  // blank line after them past the block's end, yet finds the next record where it should. Not corruption.
}
