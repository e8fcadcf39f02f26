import type { ChainSnapshot } from '../../domain/snapshot.js';
import type { Severity } from '../../extract/types.js';
import { groupBy, type SqliteDatabase } from './database.js';
import { grouped } from './facts.js';
import { snapshotTies } from './ties.js';

/** The knowledge graph as the analysis reads it: organizations with their chain links, merged events with theirs. */
export function snapshot(db: SqliteDatabase): ChainSnapshot {
  const links = grouped(
    db,
    'SELECT subject, subject_id, node, score, evidence FROM chain_links ORDER BY score DESC, node',
    (row: {
      subject: 'entity' | 'event';
      subject_id: number;
      node: string;
      score: number;
      evidence: string;
    }) => `${row.subject}:${row.subject_id}`,
  );
  const organizations = (
    db.sql("SELECT id, name, type, province, city FROM entities WHERE kind = 'org' ORDER BY id").all() as {
      id: number;
      name: string;
      type: string | null;
      province: string | null;
      city: string | null;
    }[]
  ).map((org) => ({
    ...org,
    links: (links.get(`entity:${org.id}`) ?? []).map((link) => ({
      node: link.node,
      score: link.score,
      keywords: [...new Set((JSON.parse(link.evidence) as { keyword: string }[]).map((hit) => hit.keyword))],
    })),
  }));
  const parties = grouped(
    db,
    'SELECT merged_event_id, entity_id FROM merged_event_parties ORDER BY merged_event_id, position',
    (row: { merged_event_id: number; entity_id: number }) => row.merged_event_id,
  );
  const reports = grouped(
    db,
    'SELECT merged_event_id, event_id FROM merged_event_reports ORDER BY merged_event_id, event_id',
    (row: { merged_event_id: number; event_id: number }) => row.merged_event_id,
  );
  const firstEvidence = new Map(
    (
      db
        .sql(`
        SELECT r.merged_event_id AS id, min(v.rowid) AS first, v.text FROM merged_event_reports r
        JOIN evidence v ON v.event_id = r.event_id GROUP BY r.merged_event_id`)
        .all() as {
        id: number;
        text: string;
      }[]
    ).map((row) => [row.id, row.text]),
  );
  const events = (
    db
      .sql(
        'SELECT id, type, date, province, city, sources, severity, subject_id FROM merged_events ORDER BY id',
      )
      .all() as {
      id: number;
      type: string;
      date: string | null;
      province: string | null;
      city: string | null;
      sources: string;
      severity: Severity | null;
      subject_id: number | null;
    }[]
  ).map((row) => ({
    id: row.id,
    type: row.type,
    date: row.date,
    province: row.province,
    city: row.city,
    partyIds: (parties.get(row.id) ?? []).map((party) => party.entity_id),
    subjectId: row.subject_id,
    severity: row.severity,
    sources: (JSON.parse(row.sources) as string[]).length,
    evidence: firstEvidence.get(row.id) ?? '',
    nodes: (links.get(`event:${row.id}`) ?? []).map((link) => link.node),
    reportIds: (reports.get(row.id) ?? []).map((report) => report.event_id),
  }));
  return { organizations, events, ties: snapshotTies(db) };
}

/** Per chain node, the organizations and merged events attached to it, optionally only those of a region. */
export function chainAttachments(
  db: SqliteDatabase,
  region: { province: string; city: string | null } | null,
): {
  entities: Map<string, number[]>;
  events: Map<string, number[]>;
} {
  const inRegion = region
    ? region.city
      ? 'AND x.province = @province AND x.city = @city'
      : 'AND x.province = @province'
    : '';
  const params = { province: region?.province ?? null, city: region?.city ?? null };
  const entityRows = db
    .sql(`
    SELECT l.node, l.subject_id AS id FROM chain_links l JOIN entities x ON x.id = l.subject_id
    WHERE l.subject = 'entity' ${inRegion}`)
    .all(params) as { node: string; id: number }[];
  const eventRows = db
    .sql(`
    SELECT l.node, l.subject_id AS id FROM chain_links l JOIN merged_events x ON x.id = l.subject_id
    WHERE l.subject = 'event' ${inRegion}`)
    .all(params) as { node: string; id: number }[];
  const collect = (rows: { node: string; id: number }[]) =>
    new Map(
      [...groupBy(rows, (row) => row.node)].map(([node, items]) => [node, items.map((item) => item.id)]),
    );
  return { entities: collect(entityRows), events: collect(eventRows) };
}
