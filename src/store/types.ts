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
  /** `headquarters`: a statement of where an organization (text) has its headquarters (canonical: the place). */
  label: 'org' | 'person' | 'place' | 'date' | 'money' | 'headquarters';
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

/** A resolved organization or person as listed. */
export interface EntitySummary {
  id: number;
  kind: 'org' | 'person';
  name: string;
  /** Organization type; null for people. */
  type: string | null;
  province: string | null;
  city: string | null;
  regionSource: string | null;
  /** A person's fullest title and their organization. */
  title: string | null;
  orgId: number | null;
  orgName: string | null;
  mentions: number;
  documents: number;
  degree: number;
  betweenness: number;
  community: number | null;
  /** Chain nodes it is attached to, strongest first. */
  segments: { node: string; score: number }[];
}

export interface EntityQuery {
  kind?: 'org' | 'person';
  type?: string;
  province?: string;
  city?: string | null;
  /** Chain node id: entities attached to it or to a node below it. */
  segmentNodes?: string[];
  limit?: number;
  offset?: number;
}

export interface StoredAlias {
  name: string;
  source: string;
  count: number;
}

/** A merged event as listed: its parties resolved, with how many reports and sources it has. */
export interface MergedEventSummary {
  id: number;
  type: string;
  date: string | null;
  location: string | null;
  province: string | null;
  city: string | null;
  domains: string[];
  parties: { id: number; name: string }[];
  people: { id: number; name: string; title: string | null; role: string; orgId: number | null }[];
  sources: string[];
  reports: { eventId: number; documentId: number; title: string | null; uri: string }[];
  /** Evidence sentences of every report, with their documents. */
  evidence: { documentId: number; start: number; end: number; text: string }[];
  /** Risk events: how serious. */
  severity: 'low' | 'medium' | 'high' | null;
}

export interface MergedEventQuery {
  /** Only these merged events. */
  ids?: number[];
  /** Only events with one of these organizations as a party. */
  entityIds?: number[];
  type?: string;
  entityId?: number;
  since?: string;
  until?: string;
  place?: string;
  limit?: number;
  offset?: number;
}

export interface Partner {
  id: number;
  name: string;
  events: number;
  types: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface GraphBuild {
  builtAt: string;
  /** The alias file the graph was built with, when not the project's own. */
  aliasFile: string | null;
  documents: number;
  organizations: number;
  people: number;
  events: number;
  reports: number;
}

/** Something a user watches: alerts on any risk event touching it at or above a severity. */
export interface Watch {
  id: number;
  kind: 'entity' | 'segment' | 'region';
  value: string;
  minSeverity: 'low' | 'medium' | 'high';
  note: string | null;
  createdAt: string;
}
