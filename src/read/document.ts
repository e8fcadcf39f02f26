import { charsetFromHtml } from './charset.js';
import { decodeBytes } from './encoding.js';
import { failure, NO_TEXT_REASON } from './failure.js';
import { contentHash } from './hash.js';
import { sniffBodyFormat } from './sniff.js';
import type { BodyFormat, ReadResult, SourceDoc, SourceMetadata } from './types.js';

/** Where a body came from, as SourceDoc states it. */
export interface BodyOrigin {
  uri: string;
  file: string;
  container: SourceDoc['container'];
  metadata: SourceMetadata;
}

export interface BodyHints {
  /** The format when the name or a container fixes it; otherwise it is sniffed from the decoded text. */
  format?: BodyFormat | undefined;
  /** A charset a header declared; an HTML body's own `<meta charset>` is used when there is none. */
  charset?: string | undefined;
}

/** Decodes one document body and makes it a SourceDoc, or a failure saying why it cannot be read. */
export function documentFromBytes(bytes: Uint8Array, origin: BodyOrigin, hints: BodyHints = {}): ReadResult {
  const decoded = decodeBytes(bytes, hints.charset ?? charsetFromHtml(bytes));
  if (!decoded.ok) return failure(origin.uri, decoded.reason);
  return documentFromText(decoded.text, bytes.length, decoded.encoding, origin, hints.format);
}

export function documentFromText(
  text: string,
  byteLength: number,
  encoding: string,
  origin: BodyOrigin,
  format?: BodyFormat,
): ReadResult {
  if (!/\S/.test(text)) return failure(origin.uri, NO_TEXT_REASON);
  const doc: SourceDoc = {
    uri: origin.uri,
    file: origin.file,
    format: format ?? sniffBodyFormat(text),
    container: origin.container,
    encoding,
    text,
    byteLength,
    hash: contentHash(text, origin.metadata.title),
    metadata: origin.metadata,
  };
  return { ok: true, doc };
}
