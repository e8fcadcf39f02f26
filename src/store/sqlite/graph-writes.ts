import type { ChainLink } from '../../chain/attach.js';
import type { KnowledgeGraph } from '../../domain/graph.js';
import type { SqliteDatabase } from './database.js';
import { writeTies } from './ties.js';

/** Replaces the stored graph with a new resolution, in one transaction. */
export function replaceGraph(
  db: SqliteDatabase,
  graph: KnowledgeGraph,
  documents: number,
  aliasFile: string | null,
): void {
  db.transaction(() => {
    for (const table of [
      'entities',
      'entity_aliases',
      'merged_events',
      'merged_event_reports',
      'merged_event_parties',
      'merged_event_people',
      'chain_links',
      'ties',
    ]) {
      db.db.exec(`DELETE FROM ${table}`);
    }
    const entity = db.sql(`
      INSERT INTO entities (id, kind, name, type, province, city, region_source, region_evidence, org_id, title, mentions, documents,
        degree, betweenness, community)
      VALUES (@id, @kind, @name, @type, @province, @city, @regionSource, @regionEvidence, @orgId, @title, @mentions, @documents,
        @degree, @betweenness, @community)`);
    const alias = db.sql(
      'INSERT INTO entity_aliases (entity_id, alias, normalised, key, source, count) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const link = db.sql(
      'INSERT INTO chain_links (subject, subject_id, node, score, evidence) VALUES (?, ?, ?, ?, ?)',
    );
    const writeLinks = (subject: 'entity' | 'event', id: number, links: readonly ChainLink[]): void => {
      for (const item of links) {
        const evidence = item.evidence.map(({ source, keyword, text }) => ({ source, keyword, text }));
        link.run(subject, id, item.node, item.score, JSON.stringify(evidence));
      }
    };
    for (const org of graph.organizations) {
      const metrics = graph.metrics.get(org.id);
      entity.run({
        id: org.id,
        kind: 'org',
        name: org.name,
        type: org.type,
        province: org.region?.province ?? null,
        city: org.region?.city ?? null,
        regionSource: org.regionSource,
        regionEvidence: org.regionEvidence,
        orgId: null,
        title: null,
        mentions: org.mentions,
        documents: org.documents,
        degree: metrics?.degree ?? 0,
        betweenness: metrics?.betweenness ?? 0,
        community: metrics?.community ?? null,
      });
      for (const form of org.aliases) {
        alias.run(org.id, form.name, form.normalised, form.key, form.source, form.count);
      }
      writeLinks('entity', org.id, graph.orgLinks.get(org.id) ?? []);
    }
    for (const person of graph.people) {
      entity.run({
        id: person.id,
        kind: 'person',
        name: person.name,
        type: null,
        province: null,
        city: null,
        regionSource: null,
        regionEvidence: null,
        orgId: person.orgId,
        title: person.title,
        mentions: person.mentions,
        documents: person.documents,
        degree: 0,
        betweenness: 0,
        community: null,
      });
      alias.run(person.id, person.name, person.normalised, person.normalised, 'written', person.mentions);
    }
    const event = db.sql(
      'INSERT INTO merged_events (id, type, date, location, province, city, domains, sources, severity, subject_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const report = db.sql(
      'INSERT INTO merged_event_reports (merged_event_id, event_id, document_id) VALUES (?, ?, ?)',
    );
    const party = db.sql(
      'INSERT INTO merged_event_parties (merged_event_id, position, entity_id) VALUES (?, ?, ?)',
    );
    const attendee = db.sql(
      'INSERT INTO merged_event_people (merged_event_id, entity_id, name, title, role, org_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const merged of graph.events) {
      event.run(
        merged.id,
        merged.type,
        merged.date,
        merged.location,
        merged.region?.province ?? null,
        merged.region?.city ?? null,
        JSON.stringify(merged.domains),
        JSON.stringify(merged.sources),
        merged.severity,
        merged.subjectId,
      );
      for (const item of merged.reports) report.run(merged.id, item.eventId, item.documentId);
      for (const [position, item] of merged.parties.entries()) party.run(merged.id, position, item.entityId);
      for (const p of merged.people) attendee.run(merged.id, p.entityId, p.name, p.title, p.role, p.orgId);
      writeLinks('event', merged.id, graph.eventLinks.get(merged.id) ?? []);
    }
    writeTies(db, graph.ties);
    db.sql(`
      INSERT INTO graph_builds (built_at, documents, organizations, people, events, reports, alias_file)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      new Date().toISOString(),
      documents,
      graph.organizations.length,
      graph.people.length,
      graph.events.length,
      graph.events.reduce((sum, merged) => sum + merged.reports.length, 0),
      aliasFile,
    );
  });
}
