import type { NetworkNode, NetworkTie } from '../../domain/snapshot.js';
import type { Role } from '../../extract/types.js';
import type { MergedEventQuery, MergedEventSummary } from '../types.js';
import { groupBy, type SqliteDatabase } from './database.js';
import { networkTies } from './ties.js';

/** The WHERE clause and parameters of a merged-event query. */
function eventFilter(query: MergedEventQuery): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  if (query.type) where.push('m.type = @type');
  if (query.since) where.push('m.date >= @since');
  if (query.until) where.push("m.date <= @until || '~'");
  if (query.place)
    where.push("(m.location LIKE '%' || @place || '%' OR m.province = @place OR m.city = @place)");
  if (query.entityId !== undefined) {
    where.push(`(m.id IN (SELECT merged_event_id FROM merged_event_parties WHERE entity_id = @entityId)
      OR m.id IN (SELECT merged_event_id FROM merged_event_people WHERE entity_id = @entityId))`);
  }
  if (query.entityIds) {
    where.push(`m.id IN (SELECT merged_event_id FROM merged_event_parties
      WHERE entity_id IN (SELECT value FROM json_each(@entityIds)))`);
  }
  if (query.ids) where.push('m.id IN (SELECT value FROM json_each(@ids))');
  return {
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params: {
      type: query.type,
      since: query.since,
      until: query.until,
      place: query.place,
      entityId: query.entityId,
      entityIds: query.entityIds ? JSON.stringify(query.entityIds) : undefined,
      ids: query.ids ? JSON.stringify(query.ids) : undefined,
    },
  };
}

/** How many merged events a query matches (for pagination). */
export function countMergedEvents(db: SqliteDatabase, query: MergedEventQuery = {}): number {
  const { where, params } = eventFilter(query);
  return (db.sql(`SELECT count(*) AS n FROM merged_events m ${where}`).get(params) as { n: number }).n;
}

/** Merged events, newest first, with their parties, people, reports and evidence. */
export function mergedEvents(db: SqliteDatabase, query: MergedEventQuery = {}): MergedEventSummary[] {
  const { where, params } = eventFilter(query);
  const rows = db
    .sql(`
    SELECT m.id, m.type, m.date, m.location, m.province, m.city, m.domains, m.sources, m.severity
    FROM merged_events m ${where}
    ORDER BY m.date IS NULL, m.date DESC, m.id LIMIT @limit OFFSET @offset`)
    .all({
      ...params,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    }) as (Pick<
    MergedEventSummary,
    'id' | 'type' | 'date' | 'location' | 'province' | 'city' | 'severity'
  > & {
    domains: string;
    sources: string;
  })[];
  const parties = db.sql(`
    SELECT e.id, e.name FROM merged_event_parties p JOIN entities e ON e.id = p.entity_id
    WHERE p.merged_event_id = ? ORDER BY p.position`);
  const people = db.sql(`
    SELECT entity_id AS id, name, title, role, org_id AS orgId FROM merged_event_people WHERE merged_event_id = ?`);
  const reports = db.sql(`
    SELECT r.event_id AS eventId, r.document_id AS documentId, d.title, d.uri
    FROM merged_event_reports r JOIN documents d ON d.id = r.document_id WHERE r.merged_event_id = ? ORDER BY r.document_id`);
  const evidence = db.sql(`
    SELECT r.document_id AS documentId, v.clean_start AS start, v.clean_end AS end, v.text
    FROM merged_event_reports r JOIN evidence v ON v.event_id = r.event_id
    WHERE r.merged_event_id = ? ORDER BY r.document_id, v.clean_start`);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    date: row.date,
    location: row.location,
    province: row.province,
    city: row.city,
    domains: JSON.parse(row.domains) as string[],
    sources: JSON.parse(row.sources) as string[],
    severity: row.severity,
    parties: parties.all(row.id) as { id: number; name: string }[],
    people: (people.all(row.id) as MergedEventSummary['people']).map((person) => ({
      ...person,
      role: person.role as Role,
    })),
    reports: reports.all(row.id) as MergedEventSummary['reports'],
    evidence: evidence.all(row.id) as MergedEventSummary['evidence'],
  }));
}

/** Totals for an overview: entities by kind, merged events, alerts. */
export function graphCounts(db: SqliteDatabase): {
  organizations: number;
  people: number;
  events: number;
  alerts: number;
} {
  const row = db
    .sql(`
    SELECT (SELECT count(*) FROM entities WHERE kind = 'org') AS organizations,
      (SELECT count(*) FROM entities WHERE kind = 'person') AS people,
      (SELECT count(*) FROM merged_events) AS events,
      (SELECT count(*) FROM alerts) AS alerts`)
    .get() as {
    organizations: number;
    people: number;
    events: number;
    alerts: number;
  };
  return row;
}

/** Merged events per month and type, oldest month first. */
export function eventsByMonth(db: SqliteDatabase): { month: string; type: string; events: number }[] {
  return db
    .sql(`
    SELECT substr(date, 1, 7) AS month, type, count(*) AS events FROM merged_events
    WHERE date IS NOT NULL GROUP BY month, type ORDER BY month, type`)
    .all() as {
    month: string;
    type: string;
    events: number;
  }[];
}

/** How many merged events an entity is a party to or attends. */
export function countEventsOf(db: SqliteDatabase, entityId: number): number {
  return (
    db
      .sql(`
    SELECT count(*) AS n FROM merged_events m
    WHERE m.id IN (SELECT merged_event_id FROM merged_event_parties WHERE entity_id = @entityId)
      OR m.id IN (SELECT merged_event_id FROM merged_event_people WHERE entity_id = @entityId)`)
      .get({
        entityId,
      }) as {
      n: number;
    }
  ).n;
}

/** The organizations and ties the network is built from. */
export function network(db: SqliteDatabase): { nodes: NetworkNode[]; ties: NetworkTie[] } {
  const entities = db
    .sql("SELECT id, name, type, province, city FROM entities WHERE kind = 'org' ORDER BY id")
    .all() as Omit<NetworkNode, 'segments'>[];
  const segments = groupBy(
    db
      .sql(
        "SELECT subject_id, node FROM chain_links WHERE subject = 'entity' ORDER BY subject_id, score DESC, node",
      )
      .all() as { subject_id: number; node: string }[],
    (row) => row.subject_id,
  );
  return {
    nodes: entities.map((entity) => ({
      ...entity,
      segments: (segments.get(entity.id) ?? []).map((row) => row.node),
    })),
    ties: networkTies(db),
  };
}
