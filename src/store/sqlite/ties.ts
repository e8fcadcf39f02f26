import { earlier, later } from '../../domain/dates.js';
import type { Tie, TieEvidence, TieType } from '../../domain/graph.js';
import type { NetworkTie, SnapshotTie } from '../../domain/snapshot.js';
import type { Partner, TieSummary } from '../types.js';
import type { SqliteDatabase } from './database.js';

interface TieRow {
  id: number;
  type: TieType;
  from_id: number;
  to_id: number;
  directed: number;
  events: string;
  evidence: string;
  first_date: string | null;
  last_date: string | null;
}

/** Writes a resolution's ties (the caller has emptied the table, in its transaction). */
export function writeTies(db: SqliteDatabase, ties: readonly Tie[]): void {
  const insert = db.sql(`
    INSERT INTO ties (id, type, from_id, to_id, directed, events, evidence, first_date, last_date)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const tie of ties) {
    insert.run(
      tie.id,
      tie.type,
      tie.from,
      tie.to,
      tie.directed ? 1 : 0,
      JSON.stringify(tie.events),
      JSON.stringify({ documents: tie.documents, sentences: tie.evidence }),
      tie.firstDate,
      tie.lastDate,
    );
  }
}

function decoded(row: TieRow): Tie {
  const evidence = JSON.parse(row.evidence) as { documents: number; sentences: TieEvidence[] };
  return {
    id: row.id,
    type: row.type,
    from: row.from_id,
    to: row.to_id,
    directed: row.directed === 1,
    events: JSON.parse(row.events) as number[],
    evidence: evidence.sentences,
    documents: evidence.documents,
    firstDate: row.first_date,
    lastDate: row.last_date,
  };
}

const TIE_COLUMNS = 'id, type, from_id, to_id, directed, events, evidence, first_date, last_date';

/** Every tie, as the network is built from them. */
export function networkTies(db: SqliteDatabase): NetworkTie[] {
  return (db.sql(`SELECT ${TIE_COLUMNS} FROM ties ORDER BY id`).all() as TieRow[]).map((row) => {
    const { evidence: _evidence, documents, ...tie } = decoded(row);
    return { ...tie, sources: documents };
  });
}

/** Every tie with its first sentence, as the analysis reads them. */
export function snapshotTies(db: SqliteDatabase): SnapshotTie[] {
  return (db.sql(`SELECT ${TIE_COLUMNS} FROM ties ORDER BY id`).all() as TieRow[]).map((row) => {
    const { evidence, documents: _documents, firstDate: _first, lastDate: _last, ...tie } = decoded(row);
    return { ...tie, evidence: evidence[0]?.text ?? '' };
  });
}

/** The ties of an organization (either end), with the names of both ends, by type and latest first. */
export function tiesOf(db: SqliteDatabase, entityId: number): TieSummary[] {
  const rows = db
    .sql(`
    SELECT ${TIE_COLUMNS.split(', ')
      .map((column) => `t.${column}`)
      .join(', ')}, a.name AS from_name, b.name AS to_name
    FROM ties t JOIN entities a ON a.id = t.from_id JOIN entities b ON b.id = t.to_id
    WHERE t.from_id = @id OR t.to_id = @id ORDER BY t.type, t.last_date DESC, t.id`)
    .all({ id: entityId }) as (TieRow & { from_name: string; to_name: string })[];
  return rows.map((row) => ({ ...decoded(row), fromName: row.from_name, toName: row.to_name }));
}

/** The organizations tied to one, each with the types of its ties, their events and dates, most events first. */
export function partnersOf(db: SqliteDatabase, entityId: number): Partner[] {
  const byOther = new Map<number, Partner & { eventIds: Set<number> }>();
  for (const tie of tiesOf(db, entityId)) {
    const [other, name] = tie.from === entityId ? [tie.to, tie.toName] : [tie.from, tie.fromName];
    const partner = byOther.get(other) ?? {
      id: other,
      name,
      events: 0,
      types: [],
      firstDate: null,
      lastDate: null,
      eventIds: new Set<number>(),
    };
    byOther.set(other, partner);
    for (const event of tie.events) partner.eventIds.add(event);
    partner.events = partner.eventIds.size;
    if (!partner.types.includes(tie.type)) partner.types.push(tie.type);
    partner.firstDate = earlier(partner.firstDate, tie.firstDate);
    partner.lastDate = later(partner.lastDate, tie.lastDate);
  }
  return [...byOther.values()]
    .map(({ eventIds: _events, ...partner }) => partner)
    .sort(
      (a, b) =>
        b.events - a.events ||
        (b.lastDate ?? '').localeCompare(a.lastDate ?? '') ||
        a.name.localeCompare(b.name),
    );
}
