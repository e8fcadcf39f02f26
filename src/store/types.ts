import type { ChainLink } from '../chain/attach.js';
import type { Alert, RaisedAlert } from '../domain/alerts.js';
import type { DocumentFacts, KnowledgeGraph, Tie } from '../domain/graph.js';
import type { ChainSnapshot, NetworkNode, NetworkTie } from '../domain/snapshot.js';
import type { OffsetSegment, RemovedSpan } from '../domain/text.js';
import type { ExtractedEvent } from '../extract/types.js';
import type { BodyFormat, ReadFailure, SourceMetadata } from '../read/types.js';
import type { DocumentExtraction, NewDocument } from './document-types.js';

export type {
  DocumentEvent,
  DocumentExtraction,
  NewDocument,
  StoredBusiness,
  StoredHeadquarters,
  StoredMention,
  StoredSupply,
} from './document-types.js';

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
  /** The sentence that says where it is. */
  regionEvidence: string | null;
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

/** A tie with the names of its two ends. */
export interface TieSummary extends Tie {
  fromName: string;
  toName: string;
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

/** Where a new document goes: the cluster of an article already stored, or a cluster of its own. */
export interface ClusterPlacement {
  /** The cluster it joins; null: its own (it starts one). */
  clusterId: number | null;
  nearDuplicateOf: number | null;
  /** The LSH band keys to index it under (first reports of an article only), or none. */
  bands: number[];
}

/** A stored document whose signature shares an LSH band with a new one. */
export interface ClusterCandidate {
  documentId: number;
  clusterId: number;
  signature: Uint32Array;
}

/** The alerts to write after covering: new ones, and new reports of events an earlier alert already covers. */
export interface AlertChanges {
  insert: RaisedAlert[];
  cover: { alertId: number; rule: string; eventIds: number[] }[];
}

/** Which stored alert of a rule covers a report already. */
export interface AlertCoverage {
  rule: string;
  eventId: number;
  alertId: number;
}

/** The documents: their text, sources, clusters, search index and per-document facts. */
export interface DocumentStore {
  findByHash(hash: string): Promise<number | null>;
  /** Records that `uri` also carries a document; false when that was known already. */
  addSource(documentId: number, uri: string, runId: number | null): Promise<boolean>;
  /** Stored documents sharing an LSH band with the keys given: the candidates a new document may repost. */
  clusterCandidates(bands: readonly number[]): Promise<ClusterCandidate[]>;
  /** Stores a new document with its sources, extraction, search words and cluster, atomically. */
  insert(doc: NewDocument, placement: ClusterPlacement, runId: number | null): Promise<InsertOutcome>;
  /** Opens a batch of writes sharing one commit (a crash loses at most the batch); commit closes it. */
  beginBatch(): Promise<void>;
  commitBatch(): Promise<void>;
  ids(): Promise<number[]>;
  /** A stored document's clean text and offsets, to extract it again. */
  extractionInput(id: number): Promise<ExtractionInput | null>;
  replaceExtraction(id: number, extraction: DocumentExtraction): Promise<void>;
  list(options?: { limit?: number; offset?: number; clusterId?: number }): Promise<DocumentSummary[]>;
  get(id: number): Promise<StoredDocument | null>;
  count(): Promise<number>;
  countClusters(): Promise<number>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Extracted events as reported, one per document that reports them. */
  events(query?: EventQuery): Promise<StoredEvent[]>;
  countEvents(): Promise<number>;
  /** Everything resolution reads of the stored documents. */
  facts(): Promise<DocumentFacts[]>;
}

/** The knowledge graph: resolved entities, merged events, chain links; written whole by each resolution. */
export interface GraphStore {
  replace(graph: KnowledgeGraph, documents: number, aliasFile: string | null): Promise<void>;
  lastBuild(): Promise<GraphBuild | null>;
  entity(id: number): Promise<EntitySummary | null>;
  /** Entities a name may mean: by its normalised form, else its identity key, else a part of an alias. */
  findEntities(query: {
    normalised: string;
    key?: string;
    kind?: 'org' | 'person';
  }): Promise<EntitySummary[]>;
  listEntities(query?: EntityQuery): Promise<EntitySummary[]>;
  aliases(entityId: number): Promise<StoredAlias[]>;
  links(subject: 'entity' | 'event', id: number): Promise<ChainLink[]>;
  peopleOf(orgId: number): Promise<EntitySummary[]>;
  countMergedEvents(query?: MergedEventQuery): Promise<number>;
  mergedEvents(query?: MergedEventQuery): Promise<MergedEventSummary[]>;
  counts(): Promise<{ organizations: number; people: number; events: number; alerts: number }>;
  eventsByMonth(): Promise<{ month: string; type: string; events: number }[]>;
  countEventsOf(entityId: number): Promise<number>;
  partners(entityId: number): Promise<Partner[]>;
  network(): Promise<{ nodes: NetworkNode[]; ties: NetworkTie[] }>;
  /** The typed ties of an organization, either end. */
  ties(entityId: number): Promise<TieSummary[]>;
  snapshot(): Promise<ChainSnapshot>;
  chainAttachments(
    region: { province: string; city: string | null } | null,
  ): Promise<{ entities: Map<string, number[]>; events: Map<string, number[]> }>;
}

/** Alerts raised, the reports they cover, and what users watch. */
export interface AlertStore {
  /** The stored alerts of these rules that cover any of these reports. */
  coverage(rules: readonly string[], eventIds: readonly number[]): Promise<AlertCoverage[]>;
  /** The spike windows of these rules already alerted on (`rule key` pairs). */
  spikeKeys(rules: readonly string[]): Promise<{ rule: string; key: string }[]>;
  /** Writes covered reports and new alerts in one transaction; returns the alerts raised. */
  apply(changes: AlertChanges, runId: number | null): Promise<Alert[]>;
  list(query?: {
    since?: string;
    rule?: string;
    severities?: readonly string[];
    limit?: number;
  }): Promise<Alert[]>;
  addWatch(watch: Omit<Watch, 'id' | 'createdAt'>): Promise<Watch>;
  listWatches(): Promise<Watch[]>;
  removeWatch(id: number): Promise<boolean>;
}

/** Runs of commands and the files they could not read. */
export interface RunStore {
  start(command: string, args: readonly string[]): Promise<number>;
  finish(runId: number, counts: RunCounts): Promise<void>;
  recordFailure(runId: number, failure: ReadFailure): Promise<void>;
  errors(runId: number): Promise<ReadFailure[]>;
}

/** The store, split by aggregate; SQLite is the embedded backend (src/store/sqlite). */
export interface StoreApi {
  /** Where it lives: a file path, `:memory:`, or a database address. */
  readonly location: string;
  /** Documents stored before the current extraction (an upgraded store): `liantu reprocess` re-extracts them. */
  readonly staleExtraction: boolean;
  readonly documents: DocumentStore;
  readonly graph: GraphStore;
  readonly alerts: AlertStore;
  readonly runs: RunStore;
  close(): Promise<void>;
}

/** A stored document's clean text, for extracting it again. */
export interface ExtractionInput {
  uri: string;
  title: string | null;
  published: string | null;
  cleanText: string;
  offsets: OffsetSegment[];
}
