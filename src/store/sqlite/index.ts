import type { Alert } from '../../domain/alerts.js';
import type { AlertChanges, AlertCoverage, AlertStore, StoreApi, Watch } from '../types.js';
import * as alerts from './alerts.js';
import { SqliteDatabase } from './database.js';
import { SqliteDocuments } from './documents.js';
import { SqliteGraph } from './graph.js';
import type { Migration } from './migrations.js';
import { SqliteRuns } from './runs.js';

/** Alerts and watches of a SQLite store. */
class SqliteAlerts implements AlertStore {
  constructor(private readonly db: SqliteDatabase) {}

  async coverage(rules: readonly string[], eventIds: readonly number[]): Promise<AlertCoverage[]> {
    return alerts.coverage(this.db, rules, eventIds);
  }

  async spikeKeys(rules: readonly string[]): Promise<{ rule: string; key: string }[]> {
    return alerts.spikeKeys(this.db, rules);
  }

  async apply(changes: AlertChanges, runId: number | null): Promise<Alert[]> {
    return alerts.applyAlertChanges(this.db, changes, runId);
  }

  async list(query?: { since?: string; rule?: string; severities?: readonly string[]; limit?: number }) {
    return alerts.listAlerts(this.db, query);
  }

  async addWatch(watch: Omit<Watch, 'id' | 'createdAt'>): Promise<Watch> {
    return alerts.addWatch(this.db, watch);
  }

  async listWatches(): Promise<Watch[]> {
    return alerts.listWatches(this.db);
  }

  async removeWatch(id: number): Promise<boolean> {
    return alerts.removeWatch(this.db, id);
  }
}

/** The embedded store: one SQLite file (or `:memory:`); all its SQL lives in this folder. */
export class SqliteStore implements StoreApi {
  readonly documents: SqliteDocuments;
  readonly graph: SqliteGraph;
  readonly alerts: SqliteAlerts;
  readonly runs: SqliteRuns;

  private constructor(private readonly db: SqliteDatabase) {
    this.documents = new SqliteDocuments(db);
    this.graph = new SqliteGraph(db);
    this.alerts = new SqliteAlerts(db);
    this.runs = new SqliteRuns(db);
  }

  /** Opens the store at a path, creating it unless `mustExist`; its schema is migrated to the newest. */
  static open(
    path: string,
    options: { mustExist?: boolean; migrations?: readonly Migration[] } = {},
  ): SqliteStore {
    return new SqliteStore(SqliteDatabase.open(path, options));
  }

  get location(): string {
    return this.db.path;
  }

  get staleExtraction(): boolean {
    return this.db.staleExtraction;
  }

  get schemaVersion(): number {
    return this.db.schemaVersion;
  }

  async close(): Promise<void> {
    this.documents.commitNow();
    this.db.close();
  }
}
