import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { toSourceRange } from '../clean/tracked.js';
import type { OffsetSegment, RemovedKind, RemovedSpan } from '../clean/types.js';
import { bandKeys, SAME_ARTICLE, similarity } from '../cluster/minhash.js';
import { GraphStore } from './graph.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { Statements } from './statements.js';
import type {
  DocumentSummary,
  EventQuery,
  InsertOutcome,
  NewDocument,
  ReadFailure,
  RunCounts,
  SearchHit,
  SearchQuery,
  StoredDocument,
  StoredEvent,
} from './types.js';

export const DEFAULT_DB = 'liantu.db';

/** The schema from which stored extractions hold everything today's extraction writes (risk events). */
const EXTRACTION_SCHEMA = 4;

/** The database path: an explicit option, else LIANTU_DB, else ./liantu.db. */
export function resolveDbPath(explicit?: string): string {
  return explicit || process.env.LIANTU_DB || DEFAULT_DB;
}

interface DocumentRow {
  id: number;
  hash: string;
  uri: string;
  file: string;
  format: StoredDocument['format'];
  container: StoredDocument['container'];
  encoding: string;
  byte_length: number;
  metadata: string;
  title: string | null;
  published: string | null;
  author: string | null;
  source_name: string | null;
  source_text: string;
  clean_text: string;
  removed: string;
  offsets: string;
  cluster_id: number;
  ingested_at: string;
}

interface SummaryRow {
  id: number;
  uri: string;
  title: string | null;
  published: string | null;
  encoding: string;
  format: StoredDocument['format'];
  cluster_id: number;
  cluster_size: number;
  sources: number;
  chars: number;
  ingested_at: string;
}

const now = (): string => new Date().toISOString();

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    uri: row.uri,
    title: row.title,
    published: row.published,
    encoding: row.encoding,
    format: row.format,
    clusterId: row.cluster_id,
    clusterSize: row.cluster_size,
    sources: row.sources,
    chars: row.chars,
    ingestedAt: row.ingested_at,
  };
}

/** Removed spans are stored without their text, which the stored source text already holds. */
function encodeRemoved(spans: readonly RemovedSpan[]): string {
  return JSON.stringify(spans.map((span) => [span.kind, span.start, span.end]));
}

function decodeRemoved(stored: string, sourceText: string): RemovedSpan[] {
  return (JSON.parse(stored) as [RemovedKind, number, number][]).map(([kind, start, end]) => ({
    kind,
    start,
    end,
    text: sourceText.slice(start, end),
  }));
}

function encodeOffsets(segments: readonly OffsetSegment[]): string {
  return JSON.stringify(segments.map((s) => [s.cleanStart, s.sourceStart, s.length, s.sourceLength]));
}

function decodeOffsets(stored: string): OffsetSegment[] {
  return (JSON.parse(stored) as [number, number, number, number][]).map(
    ([cleanStart, sourceStart, length, sourceLength]) => ({
      cleanStart,
      sourceStart,
      length,
      sourceLength,
    }),
  );
}

/** A phrase for an FTS5 MATCH: the text in double quotes, inner quotes doubled. */
const phrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function snippetAround(text: string, needles: readonly string[], width = 36): string {
  const lower = text.toLowerCase();
  let at = -1;
  let length = 0;
  for (const needle of needles) {
    at = lower.indexOf(needle.toLowerCase());
    if (at >= 0) {
      length = needle.length;
      break;
    }
  }
  if (at < 0) return text.slice(0, width * 2).replace(/\n/g, ' ');
  const from = Math.max(0, at - width);
  const to = Math.min(text.length, at + length + width);
  const body = `${text.slice(from, at)}【${text.slice(at, at + length)}】${text.slice(at + length, to)}`;
  return `${from > 0 ? '…' : ''}${body.replace(/\n/g, ' ')}${to < text.length ? '…' : ''}`;
}

/** The embedded SQLite store. All SQL of the project lives in this module. */
export class Store {
  private readonly statements: Statements;
  private pendingSearch: { id: number; titleWords: string; bodyWords: string }[] = [];
  private graphTables: GraphStore | null = null;

  private constructor(readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  /** A prepared statement, compiled once per store. */
  private sql(source: string): Database.Statement {
    return this.statements.get(source);
  }

  static open(path: string, migrations: readonly Migration[] = MIGRATIONS): Store {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return Store.connect(path, migrations);
  }

  /** Opens a store that must exist already, for commands that only read: a mistyped path is an error. */
  static openExisting(path: string): Store {
    if (path !== ':memory:' && !existsSync(path)) {
      throw new Error(
        `no store at ${path}: ingest something first (liantu ingest PATH) or name one with --db`,
      );
    }
    return Store.connect(path, MIGRATIONS);
  }

  private static connect(path: string, migrations: readonly Migration[]): Store {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const store = new Store(db);
    store.migrate(migrations);
    return store;
  }

  /** The knowledge graph's tables: resolved entities, merged events, chain links. */
  get graph(): GraphStore {
    this.graphTables ??= new GraphStore(this.db);
    return this.graphTables;
  }

  /** Where the database lives (`:memory:` for a store in memory). */
  get path(): string {
    return this.db.name;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(migrations: readonly Migration[]): void {
    const current = this.schemaVersion;
    const newest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
    if (current > newest) {
      throw new Error(`database schema version ${current} is newer than this liantu understands (${newest})`);
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.db.pragma(`user_version = ${migration.version}`);
      })();
    }
    if (current > 0 && current < EXTRACTION_SCHEMA && newest >= EXTRACTION_SCHEMA) {
      this.staleExtraction = (this.sql('SELECT count(*) AS n FROM documents').get() as { n: number }).n > 0;
    }
  }

  /** Documents stored before the current extraction (an upgraded store): `liantu reprocess` re-extracts them. */
  staleExtraction = false;

  /** The ids of all stored documents, in order. */
  documentIds(): number[] {
    return (this.sql('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((row) => row.id);
  }

  /** A stored document's clean text, for extracting it again. */
  extractionInput(
    id: number,
  ): { uri: string; title: string | null; published: string | null; cleanText: string } | null {
    const row = this.sql('SELECT uri, title, published, clean_text FROM documents WHERE id = ?').get(id) as
      | { uri: string; title: string | null; published: string | null; clean_text: string }
      | undefined;
    return row
      ? { uri: row.uri, title: row.title, published: row.published, cleanText: row.clean_text }
      : null;
  }

  /** Replaces a document's events and mentions with a new extraction of its clean text. */
  replaceExtraction(documentId: number, extraction: Pick<NewDocument, 'events' | 'mentions'>): void {
    const offsets = this.sql('SELECT offsets FROM documents WHERE id = ?').get(documentId) as
      | { offsets: string }
      | undefined;
    if (!offsets) throw new Error(`no document #${documentId}`);
    this.db.transaction(() => {
      const events = 'SELECT id FROM events WHERE document_id = @id';
      for (const table of ['event_parties', 'event_people', 'evidence']) {
        this.sql(`DELETE FROM ${table} WHERE event_id IN (${events})`).run({ id: documentId });
      }
      this.sql('DELETE FROM events WHERE document_id = ?').run(documentId);
      this.sql('DELETE FROM mentions WHERE document_id = ?').run(documentId);
      this.writeExtraction(documentId, { ...extraction, offsets: decodeOffsets(offsets.offsets) });
    })();
  }

  close(): void {
    this.commitBatch();
    this.db.close();
  }

  /**
   * Opens a batch: the writes that follow share one commit. Each document is still written atomically (a savepoint
   * of its own); its search-index rows are written together at commitBatch, outside the savepoints, because FTS5
   * flushes its buffer at every savepoint and indexing one document at a time is four times slower.
   */
  beginBatch(): void {
    if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
  }

  commitBatch(): void {
    if (!this.db.inTransaction) return;
    this.indexPendingSearch();
    this.db.exec('COMMIT');
  }

  /** Adds the documents stored since the last call to both full-text indexes. */
  private indexPendingSearch(): void {
    if (this.pendingSearch.length === 0) return;
    const words = this.sql('INSERT INTO documents_words (rowid, title, body) VALUES (?, ?, ?)');
    for (const pending of this.pendingSearch) words.run(pending.id, pending.titleWords, pending.bodyWords);
    const ids = JSON.stringify(this.pendingSearch.map((pending) => pending.id));
    this.sql(
      'INSERT INTO documents_trigrams (rowid, title, clean_text) SELECT id, title, clean_text FROM documents WHERE id IN (SELECT value FROM json_each(?))',
    ).run(ids);
    this.pendingSearch = [];
  }

  startRun(command: string, args: readonly string[]): number {
    const result = this.sql('INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?)').run(
      command,
      JSON.stringify(args),
      now(),
    );
    return Number(result.lastInsertRowid);
  }

  finishRun(runId: number, counts: RunCounts): void {
    this.sql('UPDATE runs SET finished_at = ?, ingested = ?, duplicates = ?, failed = ? WHERE id = ?').run(
      now(),
      counts.ingested,
      counts.duplicates,
      counts.failed,
      runId,
    );
  }

  recordFailure(runId: number, failure: ReadFailure): void {
    this.sql('INSERT INTO run_errors (run_id, uri, line, reason) VALUES (?, ?, ?, ?)').run(
      runId,
      failure.uri,
      failure.line ?? null,
      failure.reason,
    );
  }

  runErrors(runId: number): ReadFailure[] {
    const rows = this.sql('SELECT uri, line, reason FROM run_errors WHERE run_id = ? ORDER BY id').all(
      runId,
    ) as { uri: string; line: number | null; reason: string }[];
    return rows.map((row) => ({ uri: row.uri, reason: row.reason, ...(row.line ? { line: row.line } : {}) }));
  }

  /** The id of the document with this content hash, if stored. */
  findByHash(hash: string): number | null {
    const row = this.sql('SELECT id FROM documents WHERE hash = ?').get(hash) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Records that `uri` also carries document `documentId`; false when that was known already. */
  addSource(documentId: number, uri: string, runId: number | null): boolean {
    const result = this.sql(
      'INSERT OR IGNORE INTO document_sources (document_id, uri, run_id, seen_at) VALUES (?, ?, ?, ?)',
    ).run(documentId, uri, runId, now());
    return result.changes > 0;
  }

  /** Stores one new document with its sources, search index and cluster, all in one transaction. */
  insertDocument(doc: NewDocument, runId: number | null): InsertOutcome {
    const searchRow = (id: number) => ({ id, titleWords: doc.titleWords, bodyWords: doc.bodyWords });
    if (this.db.inTransaction) {
      const outcome = this.db.transaction(() => this.writeDocument(doc, runId))();
      this.pendingSearch.push(searchRow(outcome.id));
      return outcome;
    }
    return this.db.transaction((): InsertOutcome => {
      const outcome = this.writeDocument(doc, runId);
      this.pendingSearch.push(searchRow(outcome.id));
      this.indexPendingSearch();
      return outcome;
    })();
  }

  /** The rows of one document, its source and its near-duplicate cluster; the caller holds the transaction. */
  private writeDocument(doc: NewDocument, runId: number | null): InsertOutcome {
    const nearest = doc.signature ? this.nearestByMinHash(doc.signature) : null;
    const insert = this.sql(`
      INSERT INTO documents (hash, uri, file, format, container, encoding, byte_length, metadata, title, published,
        author, source_name, source_text, clean_text, removed, offsets, cluster_id, minhash, run_id, ingested_at)
      VALUES (@hash, @uri, @file, @format, @container, @encoding, @byteLength, @metadata, @title, @published,
        @author, @sourceName, @sourceText, @cleanText, @removed, @offsets, 0, @minhash, @runId, @ingestedAt)`);
    const id = Number(
      insert.run({
        hash: doc.hash,
        uri: doc.uri,
        file: doc.file,
        format: doc.format,
        container: doc.container,
        encoding: doc.encoding,
        byteLength: doc.byteLength,
        metadata: JSON.stringify(doc.metadata),
        title: doc.title,
        published: doc.published,
        author: doc.author,
        sourceName: doc.sourceName,
        sourceText: doc.sourceText,
        cleanText: doc.cleanText,
        removed: encodeRemoved(doc.removed),
        offsets: encodeOffsets(doc.offsets),
        minhash: doc.signature
          ? Buffer.from(doc.signature.buffer, doc.signature.byteOffset, doc.signature.byteLength)
          : null,
        runId,
        ingestedAt: now(),
      }).lastInsertRowid,
    );
    const clusterId = nearest?.clusterId ?? id;
    this.sql('UPDATE documents SET cluster_id = ? WHERE id = ?').run(clusterId, id);
    this.addSource(id, doc.uri, runId);
    this.writeExtraction(id, doc);
    // Only the first report of an article is indexed for lookups: reposts are compared with it, which keeps
    // the candidates per band few even when one story is reposted thousands of times.
    if (doc.signature && !nearest) {
      const band = this.sql('INSERT INTO minhash_bands (band, bucket, document_id) VALUES (?, ?, ?)');
      for (const [index, bucket] of bandKeys(doc.signature).entries()) band.run(index, bucket, id);
    }
    return { id, clusterId, nearDuplicateOf: nearest?.documentId ?? null };
  }

  /** The events and mentions of a new document; evidence keeps both clean-text and source offsets. */
  private writeExtraction(
    documentId: number,
    doc: Pick<NewDocument, 'events' | 'mentions' | 'offsets'>,
  ): void {
    const event = this.sql(
      'INSERT INTO events (document_id, ordinal, type, date, location, domains, severity, subject, supplier, customer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const party = this.sql('INSERT INTO event_parties (event_id, position, name) VALUES (?, ?, ?)');
    const person = this.sql(
      'INSERT INTO event_people (event_id, name, title, org, role) VALUES (?, ?, ?, ?, ?)',
    );
    const evidence = this.sql(
      'INSERT INTO evidence (event_id, clean_start, clean_end, source_start, source_end, text) VALUES (?, ?, ?, ?, ?, ?)',
    );
    doc.events.forEach((extracted, ordinal) => {
      const eventId = Number(
        event.run(
          documentId,
          ordinal,
          extracted.type,
          extracted.date,
          extracted.location,
          JSON.stringify(extracted.domains),
          extracted.severity ?? null,
          extracted.subject ?? null,
          extracted.supplier ?? null,
          extracted.customer ?? null,
        ).lastInsertRowid,
      );
      for (const [position, name] of extracted.parties.entries()) party.run(eventId, position, name);
      for (const p of extracted.people) person.run(eventId, p.name, p.title, p.org, p.role);
      for (const e of extracted.evidence) {
        const [sourceStart, sourceEnd] = toSourceRange(doc.offsets, e.start, e.end);
        evidence.run(eventId, e.start, e.end, sourceStart, sourceEnd, e.text);
      }
    });
    const mention = this.sql(
      'INSERT INTO mentions (document_id, label, clean_start, clean_end, text, canonical, detail, org, found_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const m of doc.mentions) {
      mention.run(
        documentId,
        m.label,
        m.start,
        m.end,
        m.text,
        m.canonical,
        m.detail,
        m.org ?? null,
        m.foundBy ?? null,
      );
    }
  }

  /** Stored events, newest first, filtered by type, party (any form of its name), date range and place. */
  listEvents(query: EventQuery = {}): StoredEvent[] {
    const conditions: Record<'type' | 'since' | 'until' | 'place' | 'org', string> = {
      type: 'e.type = @type',
      since: 'e.date >= @since',
      until: "e.date <= @until || '~'",
      place: "e.location LIKE '%' || @place || '%'",
      org: `e.id IN (SELECT p.event_id FROM event_parties p WHERE p.name LIKE '%' || @org || '%'
        UNION SELECT p.event_id FROM event_parties p JOIN mentions m ON m.canonical = p.name
          WHERE m.label = 'org' AND m.text = @org)`,
    };
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    for (const [filter, condition] of Object.entries(conditions) as [keyof typeof conditions, string][]) {
      if (!query[filter]) continue;
      where.push(condition);
      params[filter] = query[filter];
    }
    const rows = this.sql(`
      SELECT e.id, e.document_id, e.type, e.date, e.location, e.domains, d.uri, d.title
      FROM events e JOIN documents d ON d.id = e.document_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY e.date IS NULL, e.date DESC, e.id DESC LIMIT @limit OFFSET @offset`).all(params) as {
      id: number;
      document_id: number;
      type: StoredEvent['type'];
      date: string | null;
      location: string | null;
      domains: string;
      uri: string;
      title: string | null;
    }[];
    const parties = this.sql('SELECT name FROM event_parties WHERE event_id = ? ORDER BY position');
    const people = this.sql('SELECT name, title, org, role FROM event_people WHERE event_id = ?');
    const evidence = this.sql(
      'SELECT clean_start AS start, clean_end AS end, text FROM evidence WHERE event_id = ? ORDER BY clean_start',
    );
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      documentUri: row.uri,
      documentTitle: row.title,
      type: row.type,
      date: row.date,
      location: row.location,
      domains: JSON.parse(row.domains) as string[],
      parties: (parties.all(row.id) as { name: string }[]).map((party) => party.name),
      people: people.all(row.id) as StoredEvent['people'],
      evidence: evidence.all(row.id) as StoredEvent['evidence'],
    }));
  }

  countEvents(): number {
    return (this.sql('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  /** The most similar stored document sharing an LSH band, if it is similar enough to be the same article. */
  private nearestByMinHash(sig: Uint32Array): { documentId: number; clusterId: number } | null {
    const lookup = this.sql('SELECT document_id FROM minhash_bands WHERE band = ? AND bucket = ?');
    const candidates = new Set<number>();
    bandKeys(sig).forEach((bucket, band) => {
      for (const row of lookup.all(band, bucket) as { document_id: number }[])
        candidates.add(row.document_id);
    });
    let best: { documentId: number; clusterId: number; score: number } | null = null;
    const fetch = this.sql('SELECT minhash, cluster_id FROM documents WHERE id = ?');
    for (const candidate of candidates) {
      const row = fetch.get(candidate) as { minhash: Buffer | null; cluster_id: number } | undefined;
      if (!row?.minhash) continue;
      const other = new Uint32Array(
        row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength),
      );
      const score = similarity(sig, other);
      if (score >= SAME_ARTICLE && (!best || score > best.score))
        best = { documentId: candidate, clusterId: row.cluster_id, score };
    }
    return best ? { documentId: best.documentId, clusterId: best.clusterId } : null;
  }

  countDocuments(): number {
    return (this.sql('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  countClusters(): number {
    return (this.sql('SELECT count(DISTINCT cluster_id) AS n FROM documents').get() as { n: number }).n;
  }

  private summarySelect(where: string): string {
    return `
      SELECT d.id, d.uri, d.title, d.published, d.encoding, d.format, d.cluster_id, d.ingested_at,
        length(d.clean_text) AS chars,
        (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id) AS cluster_size,
        (SELECT count(*) FROM document_sources s WHERE s.document_id = d.id) AS sources
      FROM documents d ${where}`;
  }

  listDocuments(options: { limit?: number; offset?: number; clusterId?: number } = {}): DocumentSummary[] {
    const where = options.clusterId === undefined ? '' : 'WHERE d.cluster_id = @clusterId';
    const rows = this.sql(`${this.summarySelect(where)} ORDER BY d.id LIMIT @limit OFFSET @offset`).all({
      limit: options.limit ?? 50,
      offset: options.offset ?? 0,
      clusterId: options.clusterId ?? null,
    }) as SummaryRow[];
    return rows.map(toSummary);
  }

  getDocument(id: number): StoredDocument | null {
    const row = this.sql('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    if (!row) return null;
    const summary = this.sql(`${this.summarySelect('WHERE d.id = ?')}`).get(id) as SummaryRow;
    const sources = this.sql(
      'SELECT uri FROM document_sources WHERE document_id = ? ORDER BY seen_at, uri',
    ).all(id) as { uri: string }[];
    return {
      ...toSummary(summary),
      hash: row.hash,
      file: row.file,
      container: row.container,
      byteLength: row.byte_length,
      metadata: JSON.parse(row.metadata),
      author: row.author,
      sourceName: row.source_name,
      sourceText: row.source_text,
      cleanText: row.clean_text,
      removed: decodeRemoved(row.removed, row.source_text),
      offsets: decodeOffsets(row.offsets),
      sourceUris: sources.map((source) => source.uri),
    };
  }

  /**
   * Documents where the text stands as written. Three or more characters go through the trigram index; one or two
   * cannot, and the word index finds them only where the segmenter cut them as a word (电驱 inside 电驱动 is cut
   * 电/驱动), so they are scanned for.
   */
  private exactMatches(text: string, limit: number): number[] {
    if (text.length >= 3) {
      const rows = this.sql(
        'SELECT rowid AS id FROM documents_trigrams WHERE documents_trigrams MATCH ? ORDER BY rank LIMIT ?',
      ).all(phrase(text), limit) as { id: number }[];
      return rows.map((row) => row.id);
    }
    const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
    const rows = this.sql(
      "SELECT id FROM documents WHERE clean_text LIKE @pattern ESCAPE '\\' OR title LIKE @pattern ESCAPE '\\' ORDER BY id DESC LIMIT @limit",
    ).all({ pattern, limit }) as { id: number }[];
    return rows.map((row) => row.id);
  }

  /**
   * Full-text search: documents where the query stands as written rank first, then documents that hold all its
   * words (jieba's cut of the query, matched in the segmented index).
   */
  search(query: SearchQuery): SearchHit[] {
    const limit = query.limit ?? 20;
    const text = query.text.trim();
    const hits = new Map<number, 'exact' | 'words'>();
    for (const id of text ? this.exactMatches(text, limit) : []) hits.set(id, 'exact');
    if (query.words.length > 0 && hits.size < limit) {
      const rows = this.sql(
        'SELECT rowid AS id FROM documents_words WHERE documents_words MATCH ? ORDER BY rank LIMIT ?',
      ).all(query.words.map(phrase).join(' AND '), limit) as { id: number }[];
      for (const row of rows) if (!hits.has(row.id)) hits.set(row.id, 'words');
    }
    const fetch = this.sql('SELECT id, uri, title, published, clean_text FROM documents WHERE id = ?');
    return [...hits.entries()].slice(0, limit).map(([id, match]) => {
      const row = fetch.get(id) as {
        id: number;
        uri: string;
        title: string | null;
        published: string | null;
        clean_text: string;
      };
      return {
        id,
        uri: row.uri,
        title: row.title,
        published: row.published,
        snippet: snippetAround(row.clean_text, [text, ...query.words]),
        match,
      };
    });
  }
}
