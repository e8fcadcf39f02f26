/** Versioned schema changes, applied in order; PRAGMA user_version records the last one applied. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, sources, near-duplicate clusters, ingest runs and full-text search',
    sql: `
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        args TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        ingested INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE run_errors (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        uri TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        uri TEXT NOT NULL,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        container TEXT,
        encoding TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        metadata TEXT NOT NULL,
        title TEXT,
        published TEXT,
        author TEXT,
        source_name TEXT,
        source_text TEXT NOT NULL,
        clean_text TEXT NOT NULL,
        removed TEXT NOT NULL,
        offsets TEXT NOT NULL,
        cluster_id INTEGER NOT NULL,
        minhash BLOB,
        run_id INTEGER REFERENCES runs(id),
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_cluster ON documents(cluster_id);
      CREATE INDEX documents_published ON documents(published);
      CREATE TABLE document_sources (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        uri TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id),
        seen_at TEXT NOT NULL,
        PRIMARY KEY (document_id, uri)
      );
      CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id)
      );
      CREATE INDEX minhash_bands_lookup ON minhash_bands(band, bucket);
      CREATE VIRTUAL TABLE documents_words USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE documents_trigrams USING fts5(
        title, clean_text, content='documents', content_rowid='id', tokenize='trigram'
      );
    `,
  },
];
