import type { ReadFailure, RunCounts, RunStore } from '../types.js';
import { now, type SqliteDatabase } from './database.js';

/** Runs of commands and the files they could not read. */
export class SqliteRuns implements RunStore {
  constructor(private readonly db: SqliteDatabase) {}

  async start(command: string, args: readonly string[]): Promise<number> {
    const result = this.db
      .sql('INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?)')
      .run(command, JSON.stringify(args), now());
    return Number(result.lastInsertRowid);
  }

  async finish(runId: number, counts: RunCounts): Promise<void> {
    this.db
      .sql('UPDATE runs SET finished_at = ?, ingested = ?, duplicates = ?, failed = ? WHERE id = ?')
      .run(now(), counts.ingested, counts.duplicates, counts.failed, runId);
  }

  async recordFailure(runId: number, failure: ReadFailure): Promise<void> {
    this.db
      .sql('INSERT INTO run_errors (run_id, uri, line, reason) VALUES (?, ?, ?, ?)')
      .run(runId, failure.uri, failure.line ?? null, failure.reason);
  }

  async errors(runId: number): Promise<ReadFailure[]> {
    const rows = this.db
      .sql('SELECT uri, line, reason FROM run_errors WHERE run_id = ? ORDER BY id')
      .all(runId) as {
      uri: string;
      line: number | null;
      reason: string;
    }[];
    return rows.map((row) => ({ uri: row.uri, reason: row.reason, ...(row.line ? { line: row.line } : {}) }));
  }
}
