import type { Alert } from '../../domain/alerts.js';
import type { Severity } from '../../domain/severity.js';
import type { AlertChanges, AlertCoverage, Watch } from '../types.js';
import type { SqliteDatabase } from './database.js';

/** The stored alerts of these rules that cover any of these reports. */
export function coverage(
  db: SqliteDatabase,
  rules: readonly string[],
  eventIds: readonly number[],
): AlertCoverage[] {
  if (rules.length === 0 || eventIds.length === 0) return [];
  return db
    .sql(`SELECT rule, event_id AS eventId, alert_id AS alertId FROM alert_reports
      WHERE rule IN (SELECT value FROM json_each(?)) AND event_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rules), JSON.stringify(eventIds)) as AlertCoverage[];
}

/** The spike windows of these rules already alerted on. */
export function spikeKeys(db: SqliteDatabase, rules: readonly string[]): { rule: string; key: string }[] {
  if (rules.length === 0) return [];
  return db
    .sql('SELECT DISTINCT rule, key FROM alerts WHERE rule IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(rules)) as { rule: string; key: string }[];
}

/** New alerts and the reports that join earlier ones, in one transaction; returns the alerts raised. */
export function applyAlertChanges(db: SqliteDatabase, changes: AlertChanges, runId: number | null): Alert[] {
  const insert = db.sql(`
    INSERT INTO alerts (key, rule, severity, message, event_id, subject_id, subject_name, date, evidence, path,
      raised_at, run_id)
    VALUES (@key, @rule, @severity, @message, @eventId, @subjectId, @subjectName, @date, @evidence, @path,
      @raisedAt, @runId)`);
  const cover = db.sql('INSERT INTO alert_reports (alert_id, rule, event_id) VALUES (?, ?, ?)');
  const raisedAt = new Date().toISOString();
  return db.transaction(() => {
    for (const { alertId, rule, eventIds } of changes.cover)
      for (const id of eventIds) cover.run(alertId, rule, id);
    return changes.insert.map((alert): Alert => {
      const id = Number(
        insert.run({
          key: alert.key,
          rule: alert.rule,
          severity: alert.severity,
          message: alert.message,
          eventId: alert.eventId,
          subjectId: alert.subject?.id ?? null,
          subjectName: alert.subject?.name ?? null,
          date: alert.date,
          evidence: JSON.stringify(alert.evidence),
          path: alert.path ? JSON.stringify(alert.path) : null,
          raisedAt,
          runId,
        }).lastInsertRowid,
      );
      for (const report of alert.reportIds) cover.run(id, alert.rule, report);
      const { key: _key, reportIds: _reports, ...rest } = alert;
      return { ...rest, id, raisedAt, runId };
    });
  });
}

/** Stored alerts, newest first: raised since a date, of one rule, at least of a severity. */
export function listAlerts(
  db: SqliteDatabase,
  query: { since?: string; rule?: string; severities?: readonly string[]; limit?: number } = {},
): Alert[] {
  const where: string[] = [];
  if (query.since) where.push('(coalesce(date, raised_at) >= @since)');
  if (query.rule) where.push('rule = @rule');
  if (query.severities) where.push('severity IN (SELECT value FROM json_each(@severities))');
  const rows = db
    .sql(`
    SELECT id, rule, severity, message, event_id, subject_id, subject_name, date, evidence, path, raised_at, run_id
    FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY date IS NULL, date DESC, id DESC LIMIT @limit`)
    .all({
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
    path: string | null;
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
    path: row.path ? (JSON.parse(row.path) as Alert['path']) : null,
    raisedAt: row.raised_at,
    runId: row.run_id,
  }));
}

export function addWatch(db: SqliteDatabase, watch: Omit<Watch, 'id' | 'createdAt'>): Watch {
  const createdAt = new Date().toISOString();
  const existing = db
    .sql('SELECT id FROM watches WHERE kind = ? AND value = ?')
    .get(watch.kind, watch.value) as { id: number } | undefined;
  if (existing) {
    db.sql('UPDATE watches SET min_severity = ?, note = ? WHERE id = ?').run(
      watch.minSeverity,
      watch.note,
      existing.id,
    );
    return { ...watch, id: existing.id, createdAt };
  }
  const id = Number(
    db
      .sql('INSERT INTO watches (kind, value, min_severity, note, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(watch.kind, watch.value, watch.minSeverity, watch.note, createdAt).lastInsertRowid,
  );
  return { ...watch, id, createdAt };
}

export function listWatches(db: SqliteDatabase): Watch[] {
  return (
    db.sql('SELECT id, kind, value, min_severity, note, created_at FROM watches ORDER BY id').all() as {
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

export function removeWatch(db: SqliteDatabase, id: number): boolean {
  return db.sql('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
}
