/** Versioned schema changes, applied in order; PRAGMA user_version records the last one applied. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, sources, near-duplicate clusters, ingest runs and full-text search',
    sql: `
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        args TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        ingested INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE run_errors (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        uri TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        uri TEXT NOT NULL,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        container TEXT,
        encoding TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        metadata TEXT NOT NULL,
        title TEXT,
        published TEXT,
        author TEXT,
        source_name TEXT,
        source_text TEXT NOT NULL,
        clean_text TEXT NOT NULL,
        removed TEXT NOT NULL,
        offsets TEXT NOT NULL,
        cluster_id INTEGER NOT NULL,
        minhash BLOB,
        run_id INTEGER REFERENCES runs(id),
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_cluster ON documents(cluster_id);
      CREATE INDEX documents_published ON documents(published);
      CREATE TABLE document_sources (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        uri TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id),
        seen_at TEXT NOT NULL,
        PRIMARY KEY (document_id, uri)
      );
      CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id)
      );
      CREATE INDEX minhash_bands_lookup ON minhash_bands(band, bucket);
      CREATE VIRTUAL TABLE documents_words USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE documents_trigrams USING fts5(
        title, clean_text, content='documents', content_rowid='id', tokenize='trigram'
      );
    `,
  },
  {
    version: 2,
    description: 'extracted events with parties, people and evidence; entity mentions',
    sql: `
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        ordinal INTEGER NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        location TEXT,
        domains TEXT NOT NULL
      );
      CREATE INDEX events_document ON events(document_id);
      CREATE INDEX events_type_date ON events(type, date);
      CREATE TABLE event_parties (
        event_id INTEGER NOT NULL REFERENCES events(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL
      );
      CREATE INDEX event_parties_name ON event_parties(name);
      CREATE INDEX event_parties_event ON event_parties(event_id);
      CREATE TABLE event_people (
        event_id INTEGER NOT NULL REFERENCES events(id),
        name TEXT NOT NULL,
        title TEXT,
        org TEXT,
        role TEXT NOT NULL
      );
      CREATE INDEX event_people_event ON event_people(event_id);
      CREATE TABLE evidence (
        event_id INTEGER NOT NULL REFERENCES events(id),
        clean_start INTEGER NOT NULL,
        clean_end INTEGER NOT NULL,
        source_start INTEGER NOT NULL,
        source_end INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX evidence_event ON evidence(event_id);
      CREATE TABLE mentions (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        label TEXT NOT NULL,
        clean_start INTEGER NOT NULL,
        clean_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        canonical TEXT,
        detail TEXT
      );
      CREATE INDEX mentions_document ON mentions(document_id);
      CREATE INDEX mentions_canonical ON mentions(label, canonical);
    `,
  },
  {
    version: 3,
    description:
      'the knowledge graph: resolved entities and aliases, merged events, chain links, network metrics',
    sql: `
      ALTER TABLE mentions ADD COLUMN org TEXT;
      ALTER TABLE mentions ADD COLUMN found_by TEXT;
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT,
        province TEXT,
        city TEXT,
        region_source TEXT,
        org_id INTEGER,
        title TEXT,
        mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        degree INTEGER NOT NULL DEFAULT 0,
        betweenness REAL NOT NULL DEFAULT 0,
        community INTEGER
      );
      CREATE INDEX entities_kind ON entities(kind, type);
      CREATE INDEX entities_region ON entities(province, city);
      CREATE TABLE entity_aliases (
        entity_id INTEGER NOT NULL,
        alias TEXT NOT NULL,
        normalised TEXT NOT NULL,
        key TEXT NOT NULL,
        source TEXT NOT NULL,
        count INTEGER NOT NULL
      );
      CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
      CREATE INDEX entity_aliases_normalised ON entity_aliases(normalised);
      CREATE INDEX entity_aliases_key ON entity_aliases(key);
      CREATE TABLE merged_events (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        date TEXT,
        location TEXT,
        province TEXT,
        city TEXT,
        domains TEXT NOT NULL,
        sources TEXT NOT NULL
      );
      CREATE INDEX merged_events_type_date ON merged_events(type, date);
      CREATE TABLE merged_event_reports (
        merged_event_id INTEGER NOT NULL,
        event_id INTEGER NOT NULL,
        document_id INTEGER NOT NULL
      );
      CREATE INDEX merged_event_reports_merged ON merged_event_reports(merged_event_id);
      CREATE INDEX merged_event_reports_event ON merged_event_reports(event_id);
      CREATE TABLE merged_event_parties (
        merged_event_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        entity_id INTEGER NOT NULL
      );
      CREATE INDEX merged_event_parties_merged ON merged_event_parties(merged_event_id);
      CREATE INDEX merged_event_parties_entity ON merged_event_parties(entity_id);
      CREATE TABLE merged_event_people (
        merged_event_id INTEGER NOT NULL,
        entity_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        title TEXT,
        role TEXT NOT NULL,
        org_id INTEGER
      );
      CREATE INDEX merged_event_people_merged ON merged_event_people(merged_event_id);
      CREATE INDEX merged_event_people_entity ON merged_event_people(entity_id);
      CREATE TABLE chain_links (
        subject TEXT NOT NULL,
        subject_id INTEGER NOT NULL,
        node TEXT NOT NULL,
        score REAL NOT NULL,
        evidence TEXT NOT NULL
      );
      CREATE INDEX chain_links_subject ON chain_links(subject, subject_id);
      CREATE INDEX chain_links_node ON chain_links(subject, node);
      CREATE TABLE graph_builds (
        id INTEGER PRIMARY KEY,
        built_at TEXT NOT NULL,
        documents INTEGER NOT NULL,
        organizations INTEGER NOT NULL,
        people INTEGER NOT NULL,
        events INTEGER NOT NULL,
        reports INTEGER NOT NULL,
        alias_file TEXT
      );
    `,
  },
  {
    version: 4,
    description: 'risk events (severity, subject), alerts with the run that raised them, and watches',
    sql: `
      ALTER TABLE events ADD COLUMN severity TEXT;
      ALTER TABLE events ADD COLUMN subject TEXT;
      ALTER TABLE merged_events ADD COLUMN severity TEXT;
      ALTER TABLE merged_events ADD COLUMN subject_id INTEGER;
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        event_id INTEGER,
        subject_id INTEGER,
        subject_name TEXT,
        date TEXT,
        evidence TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id)
      );
      CREATE INDEX alerts_rule_date ON alerts(rule, date);
      CREATE TABLE alert_reports (
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        rule TEXT NOT NULL,
        event_id INTEGER NOT NULL
      );
      CREATE INDEX alert_reports_rule_event ON alert_reports(rule, event_id);
      CREATE TABLE watches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        min_severity TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (kind, value)
      );
    `,
  },
  {
    version: 5,
    description: 'supply agreements: which party supplies and which buys',
    sql: `
      ALTER TABLE events ADD COLUMN supplier TEXT;
      ALTER TABLE events ADD COLUMN customer TEXT;
    `,
  },
  {
    version: 6,
    description: 'headquarters statements in a table of their own, not folded into mentions',
    sql: `
      CREATE TABLE headquarters (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        org TEXT NOT NULL,
        place TEXT NOT NULL,
        clean_start INTEGER NOT NULL,
        clean_end INTEGER NOT NULL
      );
      CREATE INDEX headquarters_document ON headquarters(document_id);
      INSERT INTO headquarters (document_id, org, place, clean_start, clean_end)
        SELECT document_id, text, canonical, clean_start, clean_end FROM mentions
        WHERE label = 'headquarters' AND canonical IS NOT NULL;
      DELETE FROM mentions WHERE label = 'headquarters';
    `,
  },
  {
    version: 7,
    description:
      'typed ties between organizations (supplies, cooperates, invests in, member of, hosts), stated supply relations, investment targets and where organizations are per document, the sentence behind a region, the supply path of an alert',
    sql: `
      CREATE TABLE ties (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        from_id INTEGER NOT NULL,
        to_id INTEGER NOT NULL,
        directed INTEGER NOT NULL,
        events TEXT NOT NULL,
        evidence TEXT NOT NULL,
        first_date TEXT,
        last_date TEXT
      );
      CREATE INDEX ties_from ON ties(from_id);
      CREATE INDEX ties_to ON ties(to_id);
      CREATE TABLE supply_statements (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        supplier TEXT NOT NULL,
        customer TEXT NOT NULL,
        clean_start INTEGER NOT NULL,
        clean_end INTEGER NOT NULL
      );
      CREATE INDEX supply_statements_document ON supply_statements(document_id);
      ALTER TABLE events ADD COLUMN target TEXT;
      ALTER TABLE alerts ADD COLUMN path TEXT;
      ALTER TABLE headquarters ADD COLUMN kind TEXT NOT NULL DEFAULT 'headquarters';
      ALTER TABLE entities ADD COLUMN region_evidence TEXT;
    `,
  },
  {
    version: 8,
    description: 'what articles say organizations make or do, per document (for their place in the chain)',
    sql: `
      CREATE TABLE business_statements (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        org TEXT NOT NULL,
        phrase TEXT NOT NULL,
        clean_start INTEGER NOT NULL,
        clean_end INTEGER NOT NULL
      );
      CREATE INDEX business_statements_document ON business_statements(document_id);
    `,
  },
];
