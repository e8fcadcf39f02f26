import type { OrgType } from '../../annotate/types.js';
import type { DocumentFacts, EventFact } from '../../domain/graph.js';
import type { EventPerson, ExtractedEvent, Severity } from '../../extract/types.js';
import { groupBy, type SqliteDatabase } from './database.js';

/** The rows of a query, grouped by a key of each row. */
export function grouped<Row, K>(db: SqliteDatabase, source: string, key: (row: Row) => K): Map<K, Row[]> {
  return groupBy(db.sql(source).all() as Row[], key);
}

/** Everything the resolver reads of the stored documents: their mentions, events, headquarters and sources. */
export function corpusFacts(db: SqliteDatabase): DocumentFacts[] {
  const documents = db.sql('SELECT id, cluster_id, published FROM documents ORDER BY id').all() as {
    id: number;
    cluster_id: number;
    published: string | null;
  }[];
  const uris = grouped(
    db,
    'SELECT document_id, uri FROM document_sources ORDER BY document_id, seen_at, uri',
    (row: { document_id: number; uri: string }) => row.document_id,
  );
  const mentions = grouped(
    db,
    `SELECT document_id, label, text, canonical, detail, org, found_by FROM mentions
       WHERE label IN ('org', 'person', 'headquarters') ORDER BY document_id, clean_start`,
    (row: {
      document_id: number;
      label: 'org' | 'person' | 'headquarters';
      text: string;
      canonical: string | null;
      detail: string | null;
      org: string | null;
      found_by: string | null;
    }) => row.document_id,
  );
  const headquarters = grouped(
    db,
    `SELECT h.document_id, h.org, h.place, h.kind, substr(d.clean_text, h.clean_start + 1, h.clean_end - h.clean_start) AS text
     FROM headquarters h JOIN documents d ON d.id = h.document_id ORDER BY h.document_id, h.clean_start`,
    (row: {
      document_id: number;
      org: string;
      place: string;
      kind: DocumentFacts['headquarters'][number]['kind'];
      text: string;
    }) => row.document_id,
  );
  const supplies = grouped(
    db,
    `SELECT s.document_id, s.supplier, s.customer, s.clean_start AS start, s.clean_end AS end,
       substr(d.clean_text, s.clean_start + 1, s.clean_end - s.clean_start) AS text
     FROM supply_statements s JOIN documents d ON d.id = s.document_id ORDER BY s.document_id, s.clean_start`,
    (row: {
      document_id: number;
      supplier: string;
      customer: string;
      start: number;
      end: number;
      text: string;
    }) => row.document_id,
  );
  const business = grouped(
    db,
    `SELECT b.document_id, b.org, b.phrase, substr(d.clean_text, b.clean_start + 1, b.clean_end - b.clean_start) AS text
     FROM business_statements b JOIN documents d ON d.id = b.document_id ORDER BY b.document_id, b.clean_start`,
    (row: { document_id: number; org: string; phrase: string; text: string }) => row.document_id,
  );
  const events = grouped(
    db,
    'SELECT id, document_id, type, date, location, domains, severity, subject, supplier, customer, target FROM events ORDER BY document_id, ordinal',
    (row: {
      id: number;
      document_id: number;
      type: ExtractedEvent['type'];
      date: string | null;
      location: string | null;
      domains: string;
      severity: Severity | null;
      subject: string | null;
      supplier: string | null;
      customer: string | null;
      target: string | null;
    }) => row.document_id,
  );
  const parties = grouped(
    db,
    'SELECT event_id, name FROM event_parties ORDER BY event_id, position',
    (row: { event_id: number; name: string }) => row.event_id,
  );
  const people = groupBy(
    db
      .sql('SELECT event_id, name, title, org, role FROM event_people ORDER BY rowid')
      .all() as (EventPerson & {
      event_id: number;
    })[],
    (row) => row.event_id,
  );
  const evidence = grouped(
    db,
    'SELECT event_id, clean_start AS start, clean_end AS end, text FROM evidence ORDER BY event_id, start',
    (row: { event_id: number; start: number; end: number; text: string }) => row.event_id,
  );
  return documents.map((doc) => {
    const own = mentions.get(doc.id) ?? [];
    return {
      id: doc.id,
      clusterId: doc.cluster_id,
      published: doc.published,
      uris: (uris.get(doc.id) ?? []).map((row) => row.uri),
      orgs: own
        .filter((row) => row.label === 'org')
        .map((row) => ({
          text: row.text,
          canonical: row.canonical ?? row.text,
          type: (row.detail ?? 'other') as OrgType,
          foundBy: row.found_by as DocumentFacts['orgs'][number]['foundBy'],
        })),
      people: own
        .filter((row) => row.label === 'person')
        .map((row) => ({ name: row.text, title: row.detail, org: row.org })),
      headquarters: (headquarters.get(doc.id) ?? []).map(({ org, place, kind, text }) => ({
        org,
        place,
        kind,
        evidence: text,
      })),
      supplies: (supplies.get(doc.id) ?? []).map(({ supplier, customer, start, end, text }) => ({
        supplier,
        customer,
        evidence: { start, end, text },
      })),
      business: (business.get(doc.id) ?? []).map(({ org, phrase, text }) => ({
        org,
        phrase,
        evidence: text,
      })),
      events: (events.get(doc.id) ?? []).map(
        (row): EventFact => ({
          id: row.id,
          type: row.type,
          date: row.date,
          location: row.location,
          domains: JSON.parse(row.domains) as string[],
          parties: (parties.get(row.id) ?? []).map((party) => party.name),
          people: (people.get(row.id) ?? []).map(({ name, title, org, role }) => ({
            name,
            title,
            org,
            role,
          })),
          evidence: (evidence.get(row.id) ?? []).map(({ start, end, text }) => ({ start, end, text })),
          ...(row.severity ? { severity: row.severity, subject: row.subject } : {}),
          ...(row.type === 'supply_agreement' ? { supplier: row.supplier, customer: row.customer } : {}),
          ...(row.type === 'investment' ? { target: row.target } : {}),
        }),
      ),
    };
  });
}
