import type { DocumentFacts } from '../../domain/graph.js';
import type {
  ClusterCandidate,
  ClusterPlacement,
  DocumentExtraction,
  DocumentStore,
  DocumentSummary,
  EventQuery,
  ExtractionInput,
  InsertOutcome,
  NewDocument,
  SearchHit,
  SearchQuery,
  StoredDocument,
  StoredEvent,
} from '../types.js';
import type { SqliteDatabase } from './database.js';
import * as reads from './document-reads.js';
import { addSource, replaceExtraction, writeDocument } from './document-writes.js';
import { corpusFacts } from './facts.js';

/** The documents of a SQLite store. */
export class SqliteDocuments implements DocumentStore {
  /** Search rows of documents stored in the open batch, indexed together at its commit. */
  private pendingSearch: { id: number; titleWords: string; bodyWords: string }[] = [];

  constructor(private readonly db: SqliteDatabase) {}

  async findByHash(hash: string): Promise<number | null> {
    return reads.findByHash(this.db, hash);
  }

  async addSource(documentId: number, uri: string, runId: number | null): Promise<boolean> {
    return addSource(this.db, documentId, uri, runId);
  }

  async clusterCandidates(bands: readonly number[]): Promise<ClusterCandidate[]> {
    return reads.clusterCandidates(this.db, bands);
  }

  async insert(doc: NewDocument, placement: ClusterPlacement, runId: number | null): Promise<InsertOutcome> {
    const searchRow = (id: number) => ({ id, titleWords: doc.titleWords, bodyWords: doc.bodyWords });
    const batched = this.db.db.inTransaction;
    return this.db.transaction(() => {
      const outcome = writeDocument(this.db, doc, placement, runId);
      this.pendingSearch.push(searchRow(outcome.id));
      if (!batched) this.indexPendingSearch();
      return outcome;
    });
  }

  /**
   * Opens a batch: the writes that follow share one commit. Each document is still written atomically (a savepoint
   * of its own); its search-index rows are written together at commitBatch, outside the savepoints, because FTS5
   * flushes its buffer at every savepoint and indexing one document at a time is four times slower.
   */
  async beginBatch(): Promise<void> {
    if (!this.db.db.inTransaction) this.db.db.exec('BEGIN IMMEDIATE');
  }

  async commitBatch(): Promise<void> {
    this.commitNow();
  }

  /** The batch committed at once (on close, too). */
  commitNow(): void {
    if (!this.db.db.inTransaction) return;
    this.indexPendingSearch();
    this.db.db.exec('COMMIT');
  }

  /** Adds the documents stored since the last call to both full-text indexes. */
  private indexPendingSearch(): void {
    if (this.pendingSearch.length === 0) return;
    const words = this.db.sql('INSERT INTO documents_words (rowid, title, body) VALUES (?, ?, ?)');
    for (const pending of this.pendingSearch) words.run(pending.id, pending.titleWords, pending.bodyWords);
    const ids = JSON.stringify(this.pendingSearch.map((pending) => pending.id));
    this.db
      .sql(
        'INSERT INTO documents_trigrams (rowid, title, clean_text) SELECT id, title, clean_text FROM documents WHERE id IN (SELECT value FROM json_each(?))',
      )
      .run(ids);
    this.pendingSearch = [];
  }

  async ids(): Promise<number[]> {
    return reads.documentIds(this.db);
  }

  async extractionInput(id: number): Promise<ExtractionInput | null> {
    return reads.extractionInput(this.db, id);
  }

  async replaceExtraction(id: number, extraction: DocumentExtraction): Promise<void> {
    replaceExtraction(this.db, id, extraction);
  }

  async list(options?: { limit?: number; offset?: number; clusterId?: number }): Promise<DocumentSummary[]> {
    return reads.listDocuments(this.db, options);
  }

  async get(id: number): Promise<StoredDocument | null> {
    return reads.getDocument(this.db, id);
  }

  async count(): Promise<number> {
    return reads.countDocuments(this.db);
  }

  async countClusters(): Promise<number> {
    return reads.countClusters(this.db);
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return reads.searchDocuments(this.db, query);
  }

  async events(query?: EventQuery): Promise<StoredEvent[]> {
    return reads.listEvents(this.db, query);
  }

  async countEvents(): Promise<number> {
    return reads.countEvents(this.db);
  }

  async facts(): Promise<DocumentFacts[]> {
    return corpusFacts(this.db);
  }
}
