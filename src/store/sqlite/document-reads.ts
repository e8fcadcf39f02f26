import type {
  ClusterCandidate,
  DocumentSummary,
  EventQuery,
  ExtractionInput,
  SearchHit,
  SearchQuery,
  StoredDocument,
  StoredEvent,
} from '../types.js';
import { decodeOffsets, decodeRemoved, decodeSignature } from './codec.js';
import type { SqliteDatabase } from './database.js';

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

const summarySelect = (where: string): string => `
  SELECT d.id, d.uri, d.title, d.published, d.encoding, d.format, d.cluster_id, d.ingested_at,
    length(d.clean_text) AS chars,
    (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id) AS cluster_size,
    (SELECT count(*) FROM document_sources s WHERE s.document_id = d.id) AS sources
  FROM documents d ${where}`;

export function findByHash(db: SqliteDatabase, hash: string): number | null {
  const row = db.sql('SELECT id FROM documents WHERE hash = ?').get(hash) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The first reports of articles that share an LSH band with the keys given, with their signatures. */
export function clusterCandidates(db: SqliteDatabase, bands: readonly number[]): ClusterCandidate[] {
  const lookup = db.sql('SELECT document_id FROM minhash_bands WHERE band = ? AND bucket = ?');
  const ids = new Set<number>();
  bands.forEach((bucket, band) => {
    for (const row of lookup.all(band, bucket) as { document_id: number }[]) ids.add(row.document_id);
  });
  const fetch = db.sql('SELECT minhash, cluster_id FROM documents WHERE id = ?');
  const candidates: ClusterCandidate[] = [];
  for (const documentId of ids) {
    const row = fetch.get(documentId) as { minhash: Buffer | null; cluster_id: number } | undefined;
    if (row?.minhash)
      candidates.push({ documentId, clusterId: row.cluster_id, signature: decodeSignature(row.minhash) });
  }
  return candidates;
}

export function documentIds(db: SqliteDatabase): number[] {
  return (db.sql('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((row) => row.id);
}

export function extractionInput(db: SqliteDatabase, id: number): ExtractionInput | null {
  const row = db
    .sql('SELECT uri, title, published, clean_text, offsets FROM documents WHERE id = ?')
    .get(id) as
    | { uri: string; title: string | null; published: string | null; clean_text: string; offsets: string }
    | undefined;
  return row
    ? {
        uri: row.uri,
        title: row.title,
        published: row.published,
        cleanText: row.clean_text,
        offsets: decodeOffsets(row.offsets),
      }
    : null;
}

export function listDocuments(
  db: SqliteDatabase,
  options: { limit?: number; offset?: number; clusterId?: number } = {},
): DocumentSummary[] {
  const where = options.clusterId === undefined ? '' : 'WHERE d.cluster_id = @clusterId';
  const rows = db.sql(`${summarySelect(where)} ORDER BY d.id LIMIT @limit OFFSET @offset`).all({
    limit: options.limit ?? 50,
    offset: options.offset ?? 0,
    clusterId: options.clusterId ?? null,
  }) as SummaryRow[];
  return rows.map(toSummary);
}

export function getDocument(db: SqliteDatabase, id: number): StoredDocument | null {
  const row = db.sql('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) return null;
  const summary = db.sql(summarySelect('WHERE d.id = ?')).get(id) as SummaryRow;
  const sources = db
    .sql('SELECT uri FROM document_sources WHERE document_id = ? ORDER BY seen_at, uri')
    .all(id) as {
    uri: string;
  }[];
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

export const countDocuments = (db: SqliteDatabase): number =>
  (db.sql('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

export const countClusters = (db: SqliteDatabase): number =>
  (db.sql('SELECT count(DISTINCT cluster_id) AS n FROM documents').get() as { n: number }).n;

export const countEvents = (db: SqliteDatabase): number =>
  (db.sql('SELECT count(*) AS n FROM events').get() as { n: number }).n;

/**
 * Documents where the text stands as written. Three or more characters go through the trigram index; one or two
 * cannot, and the word index finds them only where the segmenter cut them as a word (电驱 inside 电驱动 is cut
 * 电/驱动), so they are scanned for.
 */
function exactMatches(db: SqliteDatabase, text: string, limit: number): number[] {
  if (text.length >= 3) {
    const rows = db
      .sql(
        'SELECT rowid AS id FROM documents_trigrams WHERE documents_trigrams MATCH ? ORDER BY rank LIMIT ?',
      )
      .all(phrase(text), limit) as { id: number }[];
    return rows.map((row) => row.id);
  }
  const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = db
    .sql(
      "SELECT id FROM documents WHERE clean_text LIKE @pattern ESCAPE '\\' OR title LIKE @pattern ESCAPE '\\' ORDER BY id DESC LIMIT @limit",
    )
    .all({ pattern, limit }) as { id: number }[];
  return rows.map((row) => row.id);
}

/**
 * Full-text search: documents where the query stands as written rank first, then documents that hold all its
 * words (jieba's cut of the query, matched in the segmented index).
 */
export function searchDocuments(db: SqliteDatabase, query: SearchQuery): SearchHit[] {
  const limit = query.limit ?? 20;
  const text = query.text.trim();
  const hits = new Map<number, 'exact' | 'words'>();
  for (const id of text ? exactMatches(db, text, limit) : []) hits.set(id, 'exact');
  if (query.words.length > 0 && hits.size < limit) {
    const rows = db
      .sql('SELECT rowid AS id FROM documents_words WHERE documents_words MATCH ? ORDER BY rank LIMIT ?')
      .all(query.words.map(phrase).join(' AND '), limit) as { id: number }[];
    for (const row of rows) if (!hits.has(row.id)) hits.set(row.id, 'words');
  }
  const fetch = db.sql('SELECT id, uri, title, published, clean_text FROM documents WHERE id = ?');
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

/** Stored events, newest first, filtered by type, party (any form of its name), date range and place. */
export function listEvents(db: SqliteDatabase, query: EventQuery = {}): StoredEvent[] {
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
  const rows = db
    .sql(`
    SELECT e.id, e.document_id, e.type, e.date, e.location, e.domains, d.uri, d.title
    FROM events e JOIN documents d ON d.id = e.document_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date IS NULL, e.date DESC, e.id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as {
    id: number;
    document_id: number;
    type: StoredEvent['type'];
    date: string | null;
    location: string | null;
    domains: string;
    uri: string;
    title: string | null;
  }[];
  const parties = db.sql('SELECT name FROM event_parties WHERE event_id = ? ORDER BY position');
  const people = db.sql('SELECT name, title, org, role FROM event_people WHERE event_id = ?');
  const evidence = db.sql(
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
