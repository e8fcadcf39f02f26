import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';
import { Statements } from './statements.js';

/** The schema from which stored extractions hold everything today's extraction writes (stated supply relations, investment targets, business statements). */
const EXTRACTION_SCHEMA = 8;

/** One SQLite connection: migrated on open, its statements compiled once, shared by the aggregates. */
export class SqliteDatabase {
  private readonly statements: Statements;
  /** Documents stored before the current extraction (an upgraded store). */
  staleExtraction = false;

  private constructor(readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  /** Opens (creating it where `mustExist` is false) and migrates the database at a path, or `:memory:`. */
  static open(path: string, options: { mustExist?: boolean; migrations?: readonly Migration[] } = {}) {
    if (path !== ':memory:') {
      if (options.mustExist && !existsSync(path))
        throw new Error(
          `no store at ${path}: ingest something first (liantu ingest PATH) or name one with --db`,
        );
      mkdirSync(dirname(path), { recursive: true });
    }
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const database = new SqliteDatabase(db);
    database.migrate(options.migrations ?? MIGRATIONS);
    return database;
  }

  sql(source: string): Database.Statement {
    return this.statements.get(source);
  }

  /** Runs `body` in a transaction (a savepoint inside an open one). */
  transaction<T>(body: () => T): T {
    return this.db.transaction(body)();
  }

  get path(): string {
    return this.db.name;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(migrations: readonly Migration[]): void {
    const current = this.schemaVersion;
    const newest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
    if (current > newest) {
      throw new Error(`database schema version ${current} is newer than this liantu understands (${newest})`);
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      this.transaction(() => {
        this.db.exec(migration.sql);
        this.db.pragma(`user_version = ${migration.version}`);
      });
    }
    if (current > 0 && current < EXTRACTION_SCHEMA && newest >= EXTRACTION_SCHEMA) {
      this.staleExtraction = (this.sql('SELECT count(*) AS n FROM documents').get() as { n: number }).n > 0;
    }
  }

  close(): void {
    this.db.close();
  }
}

/** The rows of a query grouped by a key of each row, in query order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const at = key(row);
    const group = groups.get(at);
    if (group) group.push(row);
    else groups.set(at, [row]);
  }
  return groups;
}

export const now = (): string => new Date().toISOString();
