import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { isRiskType } from '../src/extract/types.js';
import { projectRoot } from '../src/project-root.js';
import { liantuJson as json, liantu, tempDir as makeTempDir } from './cli-runner.js';

const examples = join(projectRoot, 'examples');

const tempDir = (): string => makeTempDir('risk');

/** The example articles, but the repost of the supply cut kept aside for a second ingest. */
function exampleCopy(): string {
  const dir = tempDir();
  for (const name of readdirSync(examples)) {
    if (/\.(txt|md|html)$/.test(name) && name !== 'README.md')
      copyFileSync(join(examples, name), join(dir, name));
  }
  return dir;
}

test('every high-severity risk in the examples raises one alert naming its subject; good news raises none', () => {
  const db = join(tempDir(), 'risk.db');
  const ingested = liantu(['ingest', exampleCopy(), '--db', db]);
  assert.equal(ingested.code, 0, ingested.stderr);
  assert.match(ingested.stdout, /5 new alerts/);
  const alerts = json(['alerts', '--db', db]);
  assert.deepEqual(
    alerts.map((alert: { subject: { name: string } }) => alert.subject.name).sort(),
    [
      '常州澄岳碳化硅材料有限公司',
      '成都华川微电子有限公司',
      '江苏驰野新能源汽车科技有限公司',
      '湘江汽车集团有限公司',
      '赣南锂电材料有限公司',
    ].sort(),
  );
  assert.ok(
    alerts.every(
      (alert: { severity: string; rule: string }) =>
        alert.severity === 'high' && alert.rule === 'high-severity-risk',
    ),
  );
  assert.ok(
    alerts.every((alert: { evidence: { text: string }[] }) => (alert.evidence[0]?.text.length ?? 0) > 10),
  );
  const risks = json(['events', '--db', db, '-n', '500']).filter((event: { type: string }) =>
    isRiskType(event.type),
  );
  assert.equal(risks.length, 6, 'one event per risk article; the denial has none');
});

test('re-ingesting, reposting and resolving again raise no alert twice', () => {
  const dir = exampleCopy();
  const db = join(tempDir(), 'again.db');
  assert.equal(liantu(['ingest', dir, '--db', db]).code, 0);
  const first = json(['alerts', '--db', db]).length;
  const repost = join(tempDir(), 'fire-repost.txt');
  const original = readFileSync(join(dir, 'risk-plant-fire.txt'), 'utf8');
  writeFileSync(repost, `${original}\n\n责任编辑：周敏\n本文转载自赣江新闻网，版权归原作者所有。\n`);
  const again = liantu(['ingest', dir, repost, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /new alert/);
  const resolved = liantu(['resolve', '--db', db]);
  assert.doesNotMatch(resolved.stdout, /new alert/);
  assert.equal(json(['alerts', '--db', db]).length, first);
  const fire = json(['events', '--db', db, '--type', 'accident']);
  assert.equal(fire.length, 1);
  assert.equal(fire[0].sources.length, 2, 'the repost is a second source of the same fire');
});

test('watches raise alerts for what they watch, from their severity, and rules files add rules', () => {
  const dir = tempDir();
  const db = join(dir, 'watch.db');
  assert.equal(liantu(['ingest', exampleCopy(), '--db', db]).code, 0);
  const watched = liantu(['watch', 'add', '--segment', '正极材料', '--min-severity', 'low', '--db', db]);
  assert.equal(watched.code, 0, watched.stderr);
  assert.match(watched.stdout, /Watching segment 正极材料 \(#1, from low\)\. 2 new alerts/);
  const forWatch = json(['alerts', '--rule', 'watch-1', '--db', db]);
  assert.deepEqual(
    forWatch.map((alert: { subject: { name: string } }) => alert.subject.name),
    ['赣南锂电材料有限公司', '赣南锂电材料有限公司'],
  );
  assert.deepEqual(json(['watch', 'list', '--db', db]).length, 1);
  assert.equal(liantu(['watch', 'remove', '1', '--db', db]).code, 0);
  assert.deepEqual(json(['watch', 'list', '--db', db]), []);
  const bad = liantu(['watch', 'add', '--segment', '不存在', '--db', db]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /no chain node/);
  writeFileSync(
    join(dir, 'liantu-alerts.yaml'),
    'rules:\n  - { id: lithium-prices, types: [price_shock] }\n',
  );
  const checked = liantu(['alerts', '--check', '--rule', 'lithium-prices', '--db', db, '--format', 'json']);
  assert.equal(checked.code, 0, checked.stderr);
  assert.equal(JSON.parse(checked.stdout).length, 1, 'the rules file beside the store is read');
});

test('diagnose and report describe a region from the store', () => {
  const dir = tempDir();
  const db = join(dir, 'report.db');
  assert.equal(liantu(['ingest', exampleCopy(), '--db', db]).code, 0);
  const diagnosis = json(['diagnose', '--region', '浙江', '--db', db]);
  assert.equal(diagnosis.region.province, '浙江省');
  assert.ok(
    diagnosis.weakLinks.length > 0 &&
      diagnosis.weakLinks.every((weak: { evidence: unknown[] }) => weak.evidence.length > 0),
  );
  const html = join(dir, 'zhejiang.html');
  const written = liantu(['report', '--region', '浙江', '--out', html, '--db', db]);
  assert.equal(written.code, 0, written.stderr);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /浙江省新能源汽车产业链诊断报告/);
  assert.doesNotMatch(page, /<script src=/);
  for (const weak of diagnosis.weakLinks) assert.ok(page.includes(weak.name), weak.name);
  const markdown = liantu(['report', '--region', '浙江', '--format', 'md', '--db', db]);
  assert.equal(markdown.code, 0, markdown.stderr);
  assert.match(markdown.stdout, /^# /m);
  const missing = liantu(['report', '--db', db]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /--region/);
});

test('reprocess extracts stored documents again: risk events a store lacks come back with their alerts', () => {
  const dir = tempDir();
  const db = join(dir, 'old.db');
  assert.equal(liantu(['ingest', exampleCopy(), '--db', db]).code, 0);
  const sqlite = new Database(db);
  // As if written before risk events existed: no risk events, no alerts.
  sqlite.exec(`
    DELETE FROM evidence WHERE event_id IN (SELECT id FROM events WHERE severity IS NOT NULL);
    DELETE FROM event_parties WHERE event_id IN (SELECT id FROM events WHERE severity IS NOT NULL);
    DELETE FROM events WHERE severity IS NOT NULL;
    DELETE FROM alert_reports; DELETE FROM alerts;`);
  sqlite.close();
  assert.equal(liantu(['resolve', '--db', db]).code, 0);
  assert.deepEqual(json(['alerts', '--db', db]), []);
  const reprocessed = liantu(['reprocess', '--db', db]);
  assert.equal(reprocessed.code, 0, reprocessed.stderr);
  assert.match(reprocessed.stdout, /Extracted \d+ documents again/);
  assert.match(reprocessed.stdout, /5 new alerts/);
  assert.equal(json(['events', '--type', 'recall', '--db', db]).length, 1);
});

test('a watched organization is named exactly: a part of a name is refused', () => {
  const db = join(tempDir(), 'exact.db');
  assert.equal(liantu(['ingest', exampleCopy(), '--db', db]).code, 0);
  const partial = liantu(['watch', 'add', '--entity', '电子', '--db', db]);
  assert.notEqual(partial.code, 0);
  assert.match(partial.stderr, /no organization named "电子"/);
  const short = liantu(['watch', 'add', '--entity', '华川微电子', '--min-severity', 'high', '--db', db]);
  assert.equal(short.code, 0, short.stderr);
  assert.match(short.stdout, /Watching entity 成都华川微电子有限公司/);
});
