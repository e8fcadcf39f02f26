import type Database from 'better-sqlite3';
import type { RaisedAlert } from '../analyze/alerts.js';
import type { NetworkEvent, NetworkNode } from '../analyze/network.js';
import type { ChainSnapshot } from '../analyze/snapshot.js';
import type { Alert } from '../analyze/types.js';
import type { OrgType } from '../annotate/types.js';
import type { ChainLink } from '../chain/attach.js';
import {
  type EventPerson,
  type ExtractedEvent,
  isRiskType,
  type Role,
  type Severity,
} from '../extract/types.js';
import { normaliseName } from '../resolve/names.js';
import type { DocumentFacts, EventFact, KnowledgeGraph } from '../resolve/types.js';
import { Statements } from './statements.js';
import type {
  EntityQuery,
  EntitySummary,
  GraphBuild,
  MergedEventQuery,
  MergedEventSummary,
  Partner,
  StoredAlias,
  Watch,
} from './types.js';

/** An entity row, its columns named as the summary names them. */
type EntityRow = Omit<EntitySummary, 'segments'>;

const ENTITY_SELECT = `
  SELECT e.id, e.kind, e.name, e.type, e.province, e.city, e.region_source AS regionSource, e.title,
    e.org_id AS orgId, o.name AS orgName, e.mentions, e.documents, e.degree, e.betweenness, e.community
  FROM entities e LEFT JOIN entities o ON o.id = e.org_id`;

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const at = key(row);
    const group = groups.get(at);
    if (group) group.push(row);
    else groups.set(at, [row]);
  }
  return groups;
}

/** The knowledge graph's tables: written whole after each resolution, read by the queries and exports. */
export class GraphStore {
  private readonly statements: Statements;

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  private sql(source: string): Database.Statement {
    return this.statements.get(source);
  }

  /** The rows of a query, grouped by a key of each row. */
  private grouped<Row, K>(source: string, key: (row: Row) => K): Map<K, Row[]> {
    return groupBy(this.sql(source).all() as Row[], key);
  }

  /** Everything the resolver reads of the stored documents: their mentions, events and sources. */
  corpusFacts(): DocumentFacts[] {
    const documents = this.sql('SELECT id, cluster_id, published FROM documents ORDER BY id').all() as {
      id: number;
      cluster_id: number;
      published: string | null;
    }[];
    const uris = this.grouped(
      'SELECT document_id, uri FROM document_sources ORDER BY document_id, seen_at, uri',
      (row: { document_id: number; uri: string }) => row.document_id,
    );
    const mentions = this.grouped(
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
    const events = this.grouped(
      'SELECT id, document_id, type, date, location, domains, severity, subject, supplier, customer FROM events ORDER BY document_id, ordinal',
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
      }) => row.document_id,
    );
    const parties = this.grouped(
      'SELECT event_id, name FROM event_parties ORDER BY event_id, position',
      (row: { event_id: number; name: string }) => row.event_id,
    );
    const people = groupBy(
      this.sql(
        'SELECT event_id, name, title, org, role FROM event_people ORDER BY rowid',
      ).all() as (EventPerson & {
        event_id: number;
      })[],
      (row) => row.event_id,
    );
    const evidence = this.grouped(
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
        headquarters: own
          .filter((row) => row.label === 'headquarters' && row.canonical)
          .map((row) => ({ org: row.text, place: row.canonical as string })),
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
          }),
        ),
      };
    });
  }

  /** Replaces the stored graph with a new resolution, in one transaction. */
  replace(graph: KnowledgeGraph, documents: number, aliasFile: string | null = null): void {
    this.db.transaction(() => {
      for (const table of [
        'entities',
        'entity_aliases',
        'merged_events',
        'merged_event_reports',
        'merged_event_parties',
        'merged_event_people',
        'chain_links',
      ]) {
        this.db.exec(`DELETE FROM ${table}`);
      }
      const entity = this.sql(`
        INSERT INTO entities (id, kind, name, type, province, city, region_source, org_id, title, mentions, documents,
          degree, betweenness, community)
        VALUES (@id, @kind, @name, @type, @province, @city, @regionSource, @orgId, @title, @mentions, @documents,
          @degree, @betweenness, @community)`);
      const alias = this.sql(
        'INSERT INTO entity_aliases (entity_id, alias, normalised, key, source, count) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const link = this.sql(
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
          orgId: null,
          title: null,
          mentions: org.mentions,
          documents: org.documents,
          degree: metrics?.degree ?? 0,
          betweenness: metrics?.betweenness ?? 0,
          community: metrics?.community ?? null,
        });
        for (const form of org.aliases) {
          alias.run(org.id, form.name, normaliseName(form.name), form.key, form.source, form.count);
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
          orgId: person.orgId,
          title: person.title,
          mentions: person.mentions,
          documents: person.documents,
          degree: 0,
          betweenness: 0,
          community: null,
        });
        const personKey = normaliseName(person.name);
        alias.run(person.id, person.name, personKey, personKey, 'written', person.mentions);
      }
      const event = this.sql(
        'INSERT INTO merged_events (id, type, date, location, province, city, domains, sources, severity, subject_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const report = this.sql(
        'INSERT INTO merged_event_reports (merged_event_id, event_id, document_id) VALUES (?, ?, ?)',
      );
      const party = this.sql(
        'INSERT INTO merged_event_parties (merged_event_id, position, entity_id) VALUES (?, ?, ?)',
      );
      const attendee = this.sql(
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
        for (const [position, item] of merged.parties.entries())
          party.run(merged.id, position, item.entityId);
        for (const p of merged.people) attendee.run(merged.id, p.entityId, p.name, p.title, p.role, p.orgId);
        writeLinks('event', merged.id, graph.eventLinks.get(merged.id) ?? []);
      }
      this.sql(`
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
    })();
  }

  /** The last resolution, or null when the graph was never built. */
  lastBuild(): GraphBuild | null {
    const row = this.sql(
      'SELECT built_at, documents, organizations, people, events, reports, alias_file FROM graph_builds ORDER BY id DESC LIMIT 1',
    ).get() as
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

  private summaries(rows: readonly EntityRow[]): EntitySummary[] {
    const segments = this.sql(
      "SELECT node, score FROM chain_links WHERE subject = 'entity' AND subject_id = ? ORDER BY score DESC, node",
    );
    return rows.map((row) => ({
      ...row,
      segments: segments.all(row.id) as { node: string; score: number }[],
    }));
  }

  entity(id: number): EntitySummary | null {
    const row = this.sql(`${ENTITY_SELECT} WHERE e.id = ?`).get(id) as EntityRow | undefined;
    return row ? (this.summaries([row])[0] ?? null) : null;
  }

  /**
   * Entities a name may mean: those with the name as an alias (any script or width), else those with an alias
   * of the same identity (`key`: 宁波市政府 for 宁波市人民政府), else those with an alias containing it.
   * Organizations first, then by how often they are written about.
   */
  findEntities(name: string, kind?: 'org' | 'person', key?: string): EntitySummary[] {
    const normalised = normaliseName(name);
    const order = "ORDER BY e.kind = 'person', e.documents DESC, e.mentions DESC, e.id LIMIT 20";
    const kindFilter = kind ? 'AND e.kind = @kind' : '';
    const lookups: [string, string | undefined][] = [
      ['normalised = @value', normalised],
      ['key = @value', key],
      ['instr(normalised, @value) > 0', normalised],
    ];
    for (const [condition, value] of lookups) {
      if (value === undefined) continue;
      const rows = this.sql(`${ENTITY_SELECT}
        WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE ${condition}) ${kindFilter} ${order}`).all({
        value,
        kind: kind ?? null,
      }) as EntityRow[];
      if (rows.length) return this.summaries(rows);
    }
    return [];
  }

  listEntities(query: EntityQuery = {}): EntitySummary[] {
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
    const rows = this.sql(`${ENTITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY e.documents DESC, e.mentions DESC, e.id LIMIT @limit OFFSET @offset`).all(
      params,
    ) as EntityRow[];
    return this.summaries(rows);
  }

  aliases(entityId: number): StoredAlias[] {
    return this.sql(
      'SELECT alias AS name, source, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, alias',
    ).all(entityId) as StoredAlias[];
  }

  /** The chain links of an entity or a merged event, with their keyword evidence. */
  links(subject: 'entity' | 'event', id: number): ChainLink[] {
    const rows = this.sql(
      'SELECT node, score, evidence FROM chain_links WHERE subject = ? AND subject_id = ? ORDER BY score DESC, node',
    ).all(subject, id) as { node: string; score: number; evidence: string }[];
    return rows.map((row) => ({ node: row.node, score: row.score, evidence: JSON.parse(row.evidence) }));
  }

  /** People resolved to an organization. */
  peopleOf(orgId: number): EntitySummary[] {
    const rows = this.sql(
      `${ENTITY_SELECT} WHERE e.kind = 'person' AND e.org_id = ? ORDER BY e.documents DESC, e.id`,
    ).all(orgId) as EntityRow[];
    return this.summaries(rows);
  }

  /** The WHERE clause and parameters of a merged-event query. */
  private eventFilter(query: MergedEventQuery): { where: string; params: Record<string, unknown> } {
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
  countMergedEvents(query: MergedEventQuery = {}): number {
    const { where, params } = this.eventFilter(query);
    return (this.sql(`SELECT count(*) AS n FROM merged_events m ${where}`).get(params) as { n: number }).n;
  }

  /** Merged events, newest first, with their parties, people, reports and evidence. */
  mergedEvents(query: MergedEventQuery = {}): MergedEventSummary[] {
    const { where, params } = this.eventFilter(query);
    const rows = this.sql(`
      SELECT m.id, m.type, m.date, m.location, m.province, m.city, m.domains, m.sources, m.severity
      FROM merged_events m ${where}
      ORDER BY m.date IS NULL, m.date DESC, m.id LIMIT @limit OFFSET @offset`).all({
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
    const parties = this.sql(`
      SELECT e.id, e.name FROM merged_event_parties p JOIN entities e ON e.id = p.entity_id
      WHERE p.merged_event_id = ? ORDER BY p.position`);
    const people = this.sql(`
      SELECT entity_id AS id, name, title, role, org_id AS orgId FROM merged_event_people WHERE merged_event_id = ?`);
    const reports = this.sql(`
      SELECT r.event_id AS eventId, r.document_id AS documentId, d.title, d.uri
      FROM merged_event_reports r JOIN documents d ON d.id = r.document_id WHERE r.merged_event_id = ? ORDER BY r.document_id`);
    const evidence = this.sql(`
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
  counts(): { organizations: number; people: number; events: number; alerts: number } {
    const row = this.sql(`
      SELECT (SELECT count(*) FROM entities WHERE kind = 'org') AS organizations,
        (SELECT count(*) FROM entities WHERE kind = 'person') AS people,
        (SELECT count(*) FROM merged_events) AS events,
        (SELECT count(*) FROM alerts) AS alerts`).get() as {
      organizations: number;
      people: number;
      events: number;
      alerts: number;
    };
    return row;
  }

  /** Merged events per month and type, oldest month first. */
  eventsByMonth(): { month: string; type: string; events: number }[] {
    return this.sql(`
      SELECT substr(date, 1, 7) AS month, type, count(*) AS events FROM merged_events
      WHERE date IS NOT NULL GROUP BY month, type ORDER BY month, type`).all() as {
      month: string;
      type: string;
      events: number;
    }[];
  }

  /** How many merged events an entity is a party to or attends. */
  countEventsOf(entityId: number): number {
    return (
      this.sql(`
      SELECT count(*) AS n FROM merged_events m
      WHERE m.id IN (SELECT merged_event_id FROM merged_event_parties WHERE entity_id = @entityId)
        OR m.id IN (SELECT merged_event_id FROM merged_event_people WHERE entity_id = @entityId)`).get({
        entityId,
      }) as {
        n: number;
      }
    ).n;
  }

  /** The organizations an entity shares events with: how often, in which kinds of event, first and last date. */
  partners(entityId: number): Partner[] {
    const rows = this.sql(`
      SELECT other.entity_id AS id, e.name, count(DISTINCT m.id) AS events, group_concat(DISTINCT m.type) AS types,
        min(m.date) AS firstDate, max(m.date) AS lastDate
      FROM merged_event_parties own
      JOIN merged_event_parties other ON other.merged_event_id = own.merged_event_id AND other.entity_id != own.entity_id
      JOIN merged_events m ON m.id = own.merged_event_id
      JOIN entities e ON e.id = other.entity_id
      WHERE own.entity_id = ? AND m.severity IS NULL
      GROUP BY other.entity_id ORDER BY events DESC, lastDate DESC, e.name`).all(entityId) as (Omit<
      Partner,
      'types'
    > & {
      types: string;
    })[];
    return rows.map((row) => ({ ...row, types: row.types.split(',') }));
  }

  /** The organizations and events the cooperation network is built from. */
  network(): { nodes: NetworkNode[]; events: NetworkEvent[] } {
    const entities = this.sql(
      "SELECT id, name, type, province, city FROM entities WHERE kind = 'org' ORDER BY id",
    ).all() as Omit<NetworkNode, 'segments'>[];
    const segments = groupBy(
      this.sql(
        "SELECT subject_id, node FROM chain_links WHERE subject = 'entity' ORDER BY subject_id, score DESC, node",
      ).all() as { subject_id: number; node: string }[],
      (row) => row.subject_id,
    );
    const parties = this.grouped(
      'SELECT merged_event_id, entity_id FROM merged_event_parties ORDER BY merged_event_id, position',
      (row: { merged_event_id: number; entity_id: number }) => row.merged_event_id,
    );
    const events = (
      this.sql('SELECT id, type, date, sources FROM merged_events ORDER BY id').all() as {
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

  /** The knowledge graph as the analysis reads it: organizations with their chain links, merged events with theirs. */
  snapshot(): ChainSnapshot {
    const links = this.grouped(
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
      this.sql(
        "SELECT id, name, type, province, city FROM entities WHERE kind = 'org' ORDER BY id",
      ).all() as {
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
        keywords: [
          ...new Set((JSON.parse(link.evidence) as { keyword: string }[]).map((hit) => hit.keyword)),
        ],
      })),
    }));
    const parties = this.grouped(
      'SELECT merged_event_id, entity_id FROM merged_event_parties ORDER BY merged_event_id, position',
      (row: { merged_event_id: number; entity_id: number }) => row.merged_event_id,
    );
    const reports = this.grouped(
      'SELECT merged_event_id, event_id FROM merged_event_reports ORDER BY merged_event_id, event_id',
      (row: { merged_event_id: number; event_id: number }) => row.merged_event_id,
    );
    const firstEvidence = new Map(
      (
        this.sql(`
          SELECT r.merged_event_id AS id, min(v.rowid) AS first, v.text FROM merged_event_reports r
          JOIN evidence v ON v.event_id = r.event_id GROUP BY r.merged_event_id`).all() as {
          id: number;
          text: string;
        }[]
      ).map((row) => [row.id, row.text]),
    );
    const events = (
      this.sql(
        'SELECT id, type, date, province, city, sources, severity, subject_id FROM merged_events ORDER BY id',
      ).all() as {
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
    return { organizations, events };
  }

  /**
   * Stores raised alerts, each once for its evidence. An alert about an event whose reports an earlier alert of
   * the same rule already covers (the same event reposted, re-ingested or regrouped) is not raised again; its new
   * reports join the earlier alert. A spike alert is not raised while one of its rule is open (within its window).
   * Returns the alerts raised.
   */
  addAlerts(alerts: readonly RaisedAlert[], runId: number | null): Alert[] {
    const insert = this.sql(`
      INSERT INTO alerts (key, rule, severity, message, event_id, subject_id, subject_name, date, evidence,
        raised_at, run_id)
      VALUES (@key, @rule, @severity, @message, @eventId, @subjectId, @subjectName, @date, @evidence, @raisedAt, @runId)`);
    const covering = this.sql(`
      SELECT alert_id FROM alert_reports WHERE rule = @rule AND event_id IN (SELECT value FROM json_each(@events))
      LIMIT 1`);
    const cover = this.sql('INSERT INTO alert_reports (alert_id, rule, event_id) VALUES (?, ?, ?)');
    const covered = this.sql('SELECT 1 FROM alert_reports WHERE rule = ? AND event_id = ?');
    const openSpike = this.sql('SELECT 1 FROM alerts WHERE rule = ? AND key = ? LIMIT 1');
    const raisedAt = new Date().toISOString();
    const added: Alert[] = [];
    this.db.transaction(() => {
      for (const alert of alerts) {
        if (alert.reportIds.length) {
          const earlier = covering.get({ rule: alert.rule, events: JSON.stringify(alert.reportIds) }) as
            | { alert_id: number }
            | undefined;
          if (earlier) {
            for (const id of alert.reportIds)
              if (!covered.get(alert.rule, id)) cover.run(earlier.alert_id, alert.rule, id);
            continue;
          }
        } else if (openSpike.get(alert.rule, alert.key)) continue;
        const result = insert.run({
          key: alert.key,
          rule: alert.rule,
          severity: alert.severity,
          message: alert.message,
          eventId: alert.eventId,
          subjectId: alert.subject?.id ?? null,
          subjectName: alert.subject?.name ?? null,
          date: alert.date,
          evidence: JSON.stringify(alert.evidence),
          raisedAt,
          runId,
        });
        const id = Number(result.lastInsertRowid);
        for (const report of alert.reportIds) cover.run(id, alert.rule, report);
        const { key: _key, reportIds: _reports, ...rest } = alert;
        added.push({ ...rest, id, raisedAt, runId });
      }
    })();
    return added;
  }

  /** Stored alerts, newest first: raised since a date, of one rule, at least of a severity. */
  listAlerts(
    query: { since?: string; rule?: string; severities?: Severity[]; limit?: number } = {},
  ): Alert[] {
    const where: string[] = [];
    if (query.since) where.push('(coalesce(date, raised_at) >= @since)');
    if (query.rule) where.push('rule = @rule');
    if (query.severities) where.push('severity IN (SELECT value FROM json_each(@severities))');
    const rows = this.sql(`
      SELECT id, rule, severity, message, event_id, subject_id, subject_name, date, evidence, raised_at, run_id
      FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY date IS NULL, date DESC, id DESC LIMIT @limit`).all({
      since: query.since,
      rule: query.rule,
      severities: query.severities ? JSON.stringify(query.severities) : undefined,
      limit: query.limit ?? 100,
    }) as {
      id: number;
      rule: string;
      severity: Severity;
      message: string;
      event_id: number | null;
      subject_id: number | null;
      subject_name: string | null;
      date: string | null;
      evidence: string;
      raised_at: string;
      run_id: number | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      rule: row.rule,
      severity: row.severity,
      message: row.message,
      eventId: row.event_id,
      subject: row.subject_id === null ? null : { id: row.subject_id, name: row.subject_name ?? '' },
      date: row.date,
      evidence: JSON.parse(row.evidence) as Alert['evidence'],
      raisedAt: row.raised_at,
      runId: row.run_id,
    }));
  }

  addWatch(watch: Omit<Watch, 'id' | 'createdAt'>): Watch {
    const createdAt = new Date().toISOString();
    const existing = this.sql('SELECT id FROM watches WHERE kind = ? AND value = ?').get(
      watch.kind,
      watch.value,
    ) as { id: number } | undefined;
    if (existing) {
      this.sql('UPDATE watches SET min_severity = ?, note = ? WHERE id = ?').run(
        watch.minSeverity,
        watch.note,
        existing.id,
      );
      return { ...watch, id: existing.id, createdAt };
    }
    const id = Number(
      this.sql(
        'INSERT INTO watches (kind, value, min_severity, note, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(watch.kind, watch.value, watch.minSeverity, watch.note, createdAt).lastInsertRowid,
    );
    return { ...watch, id, createdAt };
  }

  listWatches(): Watch[] {
    return (
      this.sql('SELECT id, kind, value, min_severity, note, created_at FROM watches ORDER BY id').all() as {
        id: number;
        kind: Watch['kind'];
        value: string;
        min_severity: Severity;
        note: string | null;
        created_at: string;
      }[]
    ).map((row) => ({
      id: row.id,
      kind: row.kind,
      value: row.value,
      minSeverity: row.min_severity,
      note: row.note,
      createdAt: row.created_at,
    }));
  }

  removeWatch(id: number): boolean {
    return this.sql('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
  }

  /** Per chain node, the organizations and merged events attached to it, optionally only those of a region. */
  chainAttachments(region: { province: string; city: string | null } | null): {
    entities: Map<string, number[]>;
    events: Map<string, number[]>;
  } {
    const inRegion = region
      ? region.city
        ? 'AND x.province = @province AND x.city = @city'
        : 'AND x.province = @province'
      : '';
    const params = { province: region?.province ?? null, city: region?.city ?? null };
    const entityRows = this.sql(`
      SELECT l.node, l.subject_id AS id FROM chain_links l JOIN entities x ON x.id = l.subject_id
      WHERE l.subject = 'entity' ${inRegion}`).all(params) as { node: string; id: number }[];
    const eventRows = this.sql(`
      SELECT l.node, l.subject_id AS id FROM chain_links l JOIN merged_events x ON x.id = l.subject_id
      WHERE l.subject = 'event' ${inRegion}`).all(params) as { node: string; id: number }[];
    const collect = (rows: { node: string; id: number }[]) =>
      new Map(
        [...groupBy(rows, (row) => row.node)].map(([node, items]) => [node, items.map((item) => item.id)]),
      );
    return { entities: collect(entityRows), events: collect(eventRows) };
  }
}
