// What the pipeline hands the store for one document, and how its extraction is stored.
import type { OffsetSegment, RemovedSpan } from '../domain/text.js';
import type { Evidence, ExtractedEvent, HeadquartersStatement } from '../extract/types.js';
import type { BodyFormat, SourceMetadata } from '../read/types.js';

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
  events: DocumentEvent[];
  mentions: StoredMention[];
  headquarters: StoredHeadquarters[];
  supplies: StoredSupply[];
  business: StoredBusiness[];
}

/** What a document's extraction adds to the store: its events, mentions and statements. */
export type DocumentExtraction = Pick<
  NewDocument,
  'events' | 'mentions' | 'headquarters' | 'supplies' | 'business'
>;

/** An extracted event as stored: its evidence holds offsets into the source text too. */
export interface DocumentEvent extends ExtractedEvent {
  evidence: (Evidence & { sourceStart: number; sourceEnd: number })[];
}

/** Where a document says an organization has its headquarters: the organization as the article names it. */
export interface StoredHeadquarters {
  org: string;
  place: string;
  kind: HeadquartersStatement['kind'];
  start: number;
  end: number;
}

/** A supply relation a document states between two companies, as the article names them. */
export interface StoredSupply {
  supplier: string;
  customer: string;
  start: number;
  end: number;
}

/** A business statement as stored: the organization, the words, and the sentence's offsets in the clean text. */
export interface StoredBusiness {
  org: string;
  phrase: string;
  start: number;
  end: number;
}

/** An entity mention as stored: where it stands in the clean text, and the name it resolves to. */
export interface StoredMention {
  label: 'org' | 'person' | 'place' | 'date' | 'money';
  start: number;
  end: number;
  text: string;
  canonical: string | null;
  detail: string | null;
  /** A person's organization as written at the head of their title. */
  org?: string | null;
  /** How an organization was found (suffix, quoted, abbreviation, known, lexicon, model). */
  foundBy?: string | null;
}
