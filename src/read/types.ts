/** The body format of one document, after any container (JSONL, WARC) is opened. */
export type BodyFormat = 'text' | 'markdown' | 'html';

/** The file format a reader recognised. */
export type SourceFormat = BodyFormat | 'jsonl' | 'warc';

/** Metadata a container or a front matter stated about the document, as written. */
export interface SourceMetadata {
  title?: string;
  url?: string;
  date?: string;
  author?: string;
  /** When a crawler fetched it (WARC-Date), not the publish date. */
  fetchedAt?: string;
}

/** One document as read: decoded text plus where it came from. */
export interface SourceDoc {
  /** Where it came from: the path as given, `path#L12` for a JSONL line, `path#r3` for a WARC record, `-` for stdin. */
  uri: string;
  /** The file this document was read from (same as uri for single-document files). */
  file: string;
  format: BodyFormat;
  /** The container format when the document came out of one. */
  container: 'jsonl' | 'warc' | null;
  /** The detected encoding of the bytes, as a WHATWG label (`utf-8`, `gb18030`, `big5`, `utf-16le`, …). */
  encoding: string;
  /** Decoded source text; every offset the pipeline reports for this document indexes this string. */
  text: string;
  /** Size in bytes of the encoded body. */
  byteLength: number;
  /** sha256 (hex) over the decoded text and stated title: the content key of the document. */
  hash: string;
  metadata: SourceMetadata;
}

/** A document or a whole file that could not be read. */
export interface ReadFailure {
  uri: string;
  /** 1-based line within the file, when the failure belongs to one line (JSONL) or record start (WARC). */
  line?: number;
  reason: string;
}

export type ReadResult = { ok: true; doc: SourceDoc } | { ok: false; failure: ReadFailure };

export interface ReadOptions {
  /** Largest document body accepted, in bytes. Default 20 MiB. */
  maxBytes?: number;
  /** JSON Lines field names. */
  jsonl?: JsonlFields;
  /** Force a format instead of detecting it from the name and the content. */
  format?: SourceFormat;
  /** Where `-` reads from; defaults to process.stdin. Injected for tests. */
  stdin?: AsyncIterable<Uint8Array>;
}

export interface JsonlFields {
  title: string[];
  text: string[];
  url: string[];
  date: string[];
}
