import type { ClusterPlacement, DocumentExtraction, InsertOutcome, NewDocument } from '../types.js';
import { encodeOffsets, encodeRemoved, encodeSignature } from './codec.js';
import { now, type SqliteDatabase } from './database.js';

/** Records that `uri` also carries document `documentId`; false when that was known already. */
export function addSource(
  db: SqliteDatabase,
  documentId: number,
  uri: string,
  runId: number | null,
): boolean {
  const result = db
    .sql('INSERT OR IGNORE INTO document_sources (document_id, uri, run_id, seen_at) VALUES (?, ?, ?, ?)')
    .run(documentId, uri, runId, now());
  return result.changes > 0;
}

/** The rows of one document, its source, its cluster and its extraction; the caller holds the transaction. */
export function writeDocument(
  db: SqliteDatabase,
  doc: NewDocument,
  placement: ClusterPlacement,
  runId: number | null,
): InsertOutcome {
  const insert = db.sql(`
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
      minhash: doc.signature ? encodeSignature(doc.signature) : null,
      runId,
      ingestedAt: now(),
    }).lastInsertRowid,
  );
  const clusterId = placement.clusterId ?? id;
  db.sql('UPDATE documents SET cluster_id = ? WHERE id = ?').run(clusterId, id);
  addSource(db, id, doc.uri, runId);
  writeExtraction(db, id, doc);
  const band = db.sql('INSERT INTO minhash_bands (band, bucket, document_id) VALUES (?, ?, ?)');
  for (const [index, bucket] of placement.bands.entries()) band.run(index, bucket, id);
  return { id, clusterId, nearDuplicateOf: placement.nearDuplicateOf };
}

/** The events, mentions and statements of a document; evidence keeps clean and source offsets. */
export function writeExtraction(
  db: SqliteDatabase,
  documentId: number,
  extraction: DocumentExtraction,
): void {
  const event = db.sql(
    'INSERT INTO events (document_id, ordinal, type, date, location, domains, severity, subject, supplier, customer, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const party = db.sql('INSERT INTO event_parties (event_id, position, name) VALUES (?, ?, ?)');
  const person = db.sql('INSERT INTO event_people (event_id, name, title, org, role) VALUES (?, ?, ?, ?, ?)');
  const evidence = db.sql(
    'INSERT INTO evidence (event_id, clean_start, clean_end, source_start, source_end, text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  extraction.events.forEach((extracted, ordinal) => {
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
        extracted.target ?? null,
      ).lastInsertRowid,
    );
    for (const [position, name] of extracted.parties.entries()) party.run(eventId, position, name);
    for (const p of extracted.people) person.run(eventId, p.name, p.title, p.org, p.role);
    for (const e of extracted.evidence)
      evidence.run(eventId, e.start, e.end, e.sourceStart, e.sourceEnd, e.text);
  });
  const mention = db.sql(
    'INSERT INTO mentions (document_id, label, clean_start, clean_end, text, canonical, detail, org, found_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const m of extraction.mentions) {
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
  const headquarters = db.sql(
    'INSERT INTO headquarters (document_id, org, place, kind, clean_start, clean_end) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const h of extraction.headquarters)
    headquarters.run(documentId, h.org, h.place, h.kind, h.start, h.end);
  const supply = db.sql(
    'INSERT INTO supply_statements (document_id, supplier, customer, clean_start, clean_end) VALUES (?, ?, ?, ?, ?)',
  );
  for (const s of extraction.supplies) supply.run(documentId, s.supplier, s.customer, s.start, s.end);
  const business = db.sql(
    'INSERT INTO business_statements (document_id, org, phrase, clean_start, clean_end) VALUES (?, ?, ?, ?, ?)',
  );
  for (const b of extraction.business) business.run(documentId, b.org, b.phrase, b.start, b.end);
}

/** Replaces a document's extraction with a new one of its clean text, in one transaction. */
export function replaceExtraction(
  db: SqliteDatabase,
  documentId: number,
  extraction: DocumentExtraction,
): void {
  if (!db.sql('SELECT 1 FROM documents WHERE id = ?').get(documentId))
    throw new Error(`no document #${documentId}`);
  db.transaction(() => {
    const events = 'SELECT id FROM events WHERE document_id = @id';
    for (const table of ['event_parties', 'event_people', 'evidence']) {
      db.sql(`DELETE FROM ${table} WHERE event_id IN (${events})`).run({ id: documentId });
    }
    for (const table of ['events', 'mentions', 'headquarters', 'supply_statements', 'business_statements'])
      db.sql(`DELETE FROM ${table} WHERE document_id = ?`).run(documentId);
    writeExtraction(db, documentId, extraction);
  });
}
