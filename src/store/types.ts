import type { OffsetSegment, RemovedSpan } from '../clean/types.js';
import type { ExtractedEvent } from '../extract/types.js';
import type { BodyFormat, ReadFailure, SourceMetadata } from '../read/types.js';

/** What the pipeline hands the store for one new document. */
export interface NewDocument {
  hash: string;
  uri: string;
  file: string;
  format: BodyFormat;
  container: 'jsonl' | 'warc' | null;
  encoding: string;
  byteLength: number;
  metadata: SourceMetadata;
  sourceText: string;
  title: string | null;
  published: string | null;
  author: string | null;
  sourceName: string | null;
  cleanText: string;
  removed: RemovedSpan[];
  offsets: OffsetSegment[];
  /** Search words of the title and of the clean text, separated by spaces (one string crosses threads cheaply). */
  titleWords: string;
  bodyWords: string;
  /** MinHash signature, or null for a text too short to compare. */
  signature: Uint32Array | null;
  events: ExtractedEvent[];
  mentions: StoredMention[];
}

/** An entity mention as stored: where it stands in the clean text, and the name it resolves to. */
export interface StoredMention {
  label: 'org' | 'person' | 'place' | 'date' | 'money';
  start: number;
  end: number;
  text: string;
  canonical: string | null;
  detail: string | null;
}

/** An event as listed: its document, with the parties, people and evidence. */
export interface StoredEvent extends ExtractedEvent {
  id: number;
  documentId: number;
  documentUri: string;
  documentTitle: string | null;
}

export interface EventQuery {
  type?: string;
  org?: string;
  since?: string;
  until?: string;
  place?: string;
  limit?: number;
  offset?: number;
}

export interface DocumentSummary {
  id: number;
  uri: string;
  title: string | null;
  published: string | null;
  encoding: string;
  format: BodyFormat;
  clusterId: number;
  /** How many documents share the cluster (1 when the article has no reposts). */
  clusterSize: number;
  sources: number;
  chars: number;
  ingestedAt: string;
}

export interface StoredDocument extends DocumentSummary {
  hash: string;
  file: string;
  container: 'jsonl' | 'warc' | null;
  byteLength: number;
  metadata: SourceMetadata;
  author: string | null;
  sourceName: string | null;
  sourceText: string;
  cleanText: string;
  removed: RemovedSpan[];
  offsets: OffsetSegment[];
  sourceUris: string[];
}

export interface SearchQuery {
  text: string;
  /** The query cut into words by the segmenter; every word must match. */
  words: string[];
  limit?: number;
}

export interface SearchHit {
  id: number;
  uri: string;
  title: string | null;
  published: string | null;
  snippet: string;
  /** `exact` when the query stands in the text as written, `words` when its words do. */
  match: 'exact' | 'words';
}

export interface RunCounts {
  ingested: number;
  duplicates: number;
  failed: number;
}

export interface InsertOutcome {
  id: number;
  clusterId: number;
  /** The document of the same cluster it joined, when it is a repost of one already stored. */
  nearDuplicateOf: number | null;
}

export type { ReadFailure };
