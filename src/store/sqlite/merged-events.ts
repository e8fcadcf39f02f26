import type { NetworkEvent, NetworkNode } from '../../domain/snapshot.js';
import { isRiskType, type Role } from '../../extract/types.js';
import type { MergedEventQuery, MergedEventSummary, Partner } from '../types.js';
import { groupBy, type SqliteDatabase } from './database.js';
import { grouped } from './facts.js';

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

/** The organizations an entity shares events with: how often, in which kinds of event, first and last date. */
export function partners(db: SqliteDatabase, entityId: number): Partner[] {
  const rows = db
    .sql(`
    SELECT other.entity_id AS id, e.name, count(DISTINCT m.id) AS events, group_concat(DISTINCT m.type) AS types,
      min(m.date) AS firstDate, max(m.date) AS lastDate
    FROM merged_event_parties own
    JOIN merged_event_parties other ON other.merged_event_id = own.merged_event_id AND other.entity_id != own.entity_id
    JOIN merged_events m ON m.id = own.merged_event_id
    JOIN entities e ON e.id = other.entity_id
    WHERE own.entity_id = ? AND m.severity IS NULL
    GROUP BY other.entity_id ORDER BY events DESC, lastDate DESC, e.name`)
    .all(entityId) as (Omit<Partner, 'types'> & {
    types: string;
  })[];
  return rows.map((row) => ({ ...row, types: row.types.split(',') }));
}

/** The organizations and events the cooperation network is built from. */
export function network(db: SqliteDatabase): { nodes: NetworkNode[]; events: NetworkEvent[] } {
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
  const parties = grouped(
    db,
    'SELECT merged_event_id, entity_id FROM merged_event_parties ORDER BY merged_event_id, position',
    (row: { merged_event_id: number; entity_id: number }) => row.merged_event_id,
  );
  const events = (
    db.sql('SELECT id, type, date, sources FROM merged_events ORDER BY id').all() as {
      id: number;
      type: string;
      date: string | null;
      sources: string;
    }[]
  )
    // Risk events name those hit by a risk: no cooperation between them.
    .filter((row) => (parties.get(row.id)?.length ?? 0) > 1 && !isRiskType(row.type))
    .map((row) => ({
      id: row.id,
      type: row.type,
      date: row.date,
      sources: (JSON.parse(row.sources) as string[]).length,
      partyIds: (parties.get(row.id) ?? []).map((party) => party.entity_id),
    }));
  return {
    nodes: entities.map((entity) => ({
      ...entity,
      segments: (segments.get(entity.id) ?? []).map((row) => row.node),
    })),
    events,
  };
}
