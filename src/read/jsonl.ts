import { documentFromText } from './document.js';
import { decodeBytes } from './encoding.js';
import { ioErrorReason } from './errors.js';
import { failure, NO_TEXT_REASON } from './failure.js';
import { splitLines } from './lines.js';
import { DEFAULT_MAX_BYTES, tooLargeReason } from './size.js';
import { looksLikeHtml } from './sniff.js';
import type { JsonlFields, ReadOptions, ReadResult, SourceMetadata } from './types.js';

export const DEFAULT_JSONL_FIELDS: JsonlFields = {
  title: ['title', 'headline'],
  text: ['content', 'text', 'body'],
  url: ['url', 'link'],
  date: ['date', 'published', 'pubdate', 'time'],
};

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a JSON Lines stream, one document (or failure) per non-blank line, uri `path#L<line>`. */
export async function* readJsonl(
  chunks: AsyncIterable<Uint8Array>,
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  const fields = options.jsonl ?? DEFAULT_JSONL_FIELDS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    for await (const line of splitLines(chunks, maxBytes)) {
      const uri = `${path}#L${line.number}`;
      if (line.overLimit) {
        yield failure(uri, tooLargeReason('line', line.size, maxBytes), line.number);
        continue;
      }
      const bytes = line.number === 1 && startsWithUtf8Bom(line.bytes) ? line.bytes.subarray(3) : line.bytes;
      const result = readJsonlLine(bytes, uri, line.number, path, fields);
      if (result) yield result;
    }
  } catch (error) {
    yield failure(path, ioErrorReason(error));
  }
}

/** One line as a document, a failure, or undefined for a blank line. */
export function readJsonlLine(
  bytes: Uint8Array,
  uri: string,
  lineNumber: number,
  file: string,
  fields: JsonlFields,
): ReadResult | undefined {
  const decoded = decodeLine(bytes);
  if (!decoded.ok) return failure(uri, decoded.reason, lineNumber);
  if (!/\S/.test(decoded.text)) return undefined;

  let record: unknown;
  try {
    record = JSON.parse(decoded.text);
  } catch (error) {
    return failure(uri, `invalid JSON: ${(error as Error).message}`, lineNumber);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return failure(uri, 'not a JSON object', lineNumber);
  }
  const values = record as Record<string, unknown>;

  const text = pickText(values, fields.text);
  if (text === undefined)
    return failure(uri, `no text field (looked for ${fields.text.join(', ')})`, lineNumber);
  if (text === '') return failure(uri, NO_TEXT_REASON, lineNumber);

  const metadata: SourceMetadata = {};
  const title = pickString(values, fields.title);
  const url = pickString(values, fields.url);
  const date = pickString(values, fields.date);
  if (title !== undefined) metadata.title = title;
  if (url !== undefined) metadata.url = url;
  if (date !== undefined) metadata.date = date;

  const result = documentFromText(
    text,
    Buffer.byteLength(text, 'utf8'),
    decoded.encoding,
    { uri, file, container: 'jsonl', metadata },
    looksLikeHtml(text) ? 'html' : 'text',
  );
  return result.ok ? result : failure(uri, result.failure.reason, lineNumber);
}

function decodeLine(bytes: Uint8Array): ReturnType<typeof decodeBytes> {
  try {
    return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeBytes(bytes);
  }
}

/**
 * The first text field holding text: a string, or an array of strings (paragraphs, joined by newlines).
 * `''` when text fields are present but all blank; undefined when none is present.
 */
function pickText(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  let present = false;
  for (const name of names) {
    const value = record[name];
    const text =
      typeof value === 'string'
        ? value
        : Array.isArray(value) && value.every((item) => typeof item === 'string')
          ? value.join('\n')
          : undefined;
    if (text === undefined) continue;
    if (/\S/.test(text)) return text;
    present = true;
  }
  return present ? '' : undefined;
}

/** The first field present among `names` as a string (numbers too, like epoch dates). */
function pickString(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}
