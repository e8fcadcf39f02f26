import type { ChainLink } from '../../chain/attach.js';
import type { EntityQuery, EntitySummary, GraphBuild, StoredAlias } from '../types.js';
import type { SqliteDatabase } from './database.js';

/** An entity row, its columns named as the summary names them. */
type EntityRow = Omit<EntitySummary, 'segments'>;

const ENTITY_SELECT = `
  SELECT e.id, e.kind, e.name, e.type, e.province, e.city, e.region_source AS regionSource, e.region_evidence AS regionEvidence, e.title,
    e.org_id AS orgId, o.name AS orgName, e.mentions, e.documents, e.degree, e.betweenness, e.community
  FROM entities e LEFT JOIN entities o ON o.id = e.org_id`;

/** The last resolution, or null when the graph was never built. */
export function lastBuild(db: SqliteDatabase): GraphBuild | null {
  const row = db
    .sql(
      'SELECT built_at, documents, organizations, people, events, reports, alias_file FROM graph_builds ORDER BY id DESC LIMIT 1',
    )
    .get() as
    | {
        built_at: string;
        documents: number;
        organizations: number;
        people: number;
        events: number;
        reports: number;
        alias_file: string | null;
      }
    | undefined;
  if (!row) return null;
  const { built_at: builtAt, alias_file: aliasFile, ...counts } = row;
  return { builtAt, aliasFile, ...counts };
}

function summaries(db: SqliteDatabase, rows: readonly EntityRow[]): EntitySummary[] {
  const segments = db.sql(
    "SELECT node, score FROM chain_links WHERE subject = 'entity' AND subject_id = ? ORDER BY score DESC, node",
  );
  return rows.map((row) => ({
    ...row,
    segments: segments.all(row.id) as { node: string; score: number }[],
  }));
}

export function entity(db: SqliteDatabase, id: number): EntitySummary | null {
  const row = db.sql(`${ENTITY_SELECT} WHERE e.id = ?`).get(id) as EntityRow | undefined;
  return row ? (summaries(db, [row])[0] ?? null) : null;
}

/**
 * Entities a name may mean: those with the name as an alias (any script or width), else those with an alias
 * of the same identity (`key`: 宁波市政府 for 宁波市人民政府), else those with an alias containing it.
 * Organizations first, then by how often they are written about.
 */
export function findEntities(
  db: SqliteDatabase,
  { normalised, key, kind }: { normalised: string; key?: string; kind?: 'org' | 'person' },
): EntitySummary[] {
  const order = "ORDER BY e.kind = 'person', e.documents DESC, e.mentions DESC, e.id LIMIT 20";
  const kindFilter = kind ? 'AND e.kind = @kind' : '';
  const lookups: [string, string | undefined][] = [
    ['normalised = @value', normalised],
    ['key = @value', key],
    ['instr(normalised, @value) > 0', normalised],
  ];
  for (const [condition, value] of lookups) {
    if (value === undefined) continue;
    const rows = db
      .sql(`${ENTITY_SELECT}
      WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE ${condition}) ${kindFilter} ${order}`)
      .all({
        value,
        kind: kind ?? null,
      }) as EntityRow[];
    if (rows.length) return summaries(db, rows);
  }
  return [];
}

export function listEntities(db: SqliteDatabase, query: EntityQuery = {}): EntitySummary[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
  if (query.kind) where.push('e.kind = @kind');
  if (query.type) where.push('e.type = @type');
  if (query.province) where.push('e.province = @province');
  if (query.city) where.push('e.city = @city');
  if (query.segmentNodes) {
    where.push(
      "e.id IN (SELECT subject_id FROM chain_links WHERE subject = 'entity' AND node IN (SELECT value FROM json_each(@nodes)))",
    );
    params.nodes = JSON.stringify(query.segmentNodes);
  }
  Object.assign(params, { kind: query.kind, type: query.type, province: query.province, city: query.city });
  const rows = db
    .sql(`${ENTITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.documents DESC, e.mentions DESC, e.id LIMIT @limit OFFSET @offset`)
    .all(params) as EntityRow[];
  return summaries(db, rows);
}

export function aliases(db: SqliteDatabase, entityId: number): StoredAlias[] {
  return db
    .sql(
      'SELECT alias AS name, source, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, alias',
    )
    .all(entityId) as StoredAlias[];
}

/** The chain links of an entity or a merged event, with their keyword evidence. */
export function links(db: SqliteDatabase, subject: 'entity' | 'event', id: number): ChainLink[] {
  const rows = db
    .sql(
      'SELECT node, score, evidence FROM chain_links WHERE subject = ? AND subject_id = ? ORDER BY score DESC, node',
    )
    .all(subject, id) as { node: string; score: number; evidence: string }[];
  return rows.map((row) => ({ node: row.node, score: row.score, evidence: JSON.parse(row.evidence) }));
}

/** People resolved to an organization. */
export function peopleOf(db: SqliteDatabase, orgId: number): EntitySummary[] {
  const rows = db
    .sql(`${ENTITY_SELECT} WHERE e.kind = 'person' AND e.org_id = ? ORDER BY e.documents DESC, e.id`)
    .all(orgId) as EntityRow[];
  return summaries(db, rows);
}
