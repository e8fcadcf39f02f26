import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { coverAlerts } from '../analyze/alert-covering.js';
import { queryTokens } from '../annotate/segment.js';
import type { RaisedAlert } from '../domain/alerts.js';
import { storeDocument } from '../ingest/run.js';
import { processDocument } from '../pipeline/document.js';
import type { SourceDoc } from '../read/types.js';
import { SqliteStore } from './sqlite/index.js';
import { MIGRATIONS } from './sqlite/migrations.js';
import type { NewDocument, StoreApi } from './types.js';

/** A document as the pipeline hands it to the store. */
function prepareDocument(doc: SourceDoc): NewDocument {
  const processed = processDocument(doc);
  assert.ok(processed.ok);
  return processed.document;
}

function sourceDoc(uri: string, text: string): SourceDoc {
  return {
    uri,
    file: uri,
    format: 'text',
    container: null,
    encoding: 'utf-8',
    text,
    byteLength: Buffer.byteLength(text),
    hash: `hash-of-${uri}`,
    metadata: {},
  };
}

const SIGNING =
  '浙东电驱与宁波市人民政府签约\n5月6日，浙东电驱动系统股份有限公司与宁波市人民政府签署战略合作协议，双方将在电驱动系统、' +
  '碳化硅功率模块和汽车芯片领域开展合作，项目总投资二十亿元，建成后年产电驱动总成五十万套。宁波市副市长出席签约仪式并致辞，' +
  '公司董事长表示，将把宁波基地建成全球领先的电驱动研发与制造中心。';
const LENOVO_STYLE =
  '联想集团发布碳中和报告\n联想集团日前发布年度碳中和行动报告，介绍在绿色供应链、数据中心节能和可再生能源采购方面的进展，' +
  '报告称公司已有三十家核心供应商设定了减排目标，并计划扩大光伏发电在工厂用电中的比例。';

const search = (store: StoreApi, text: string) => store.documents.search({ text, words: queryTokens(text) });
const insert = (store: StoreApi, doc: NewDocument, runId: number | null = null) =>
  storeDocument(store, doc, runId);
const open = (path = ':memory:', migrations = MIGRATIONS) => SqliteStore.open(path, { migrations });

/** Raised alerts as the corpus loop stores them: covered by earlier ones (`coverAlerts`), the rest written. */
async function addAlerts(store: StoreApi, raised: RaisedAlert[]) {
  const rules = [...new Set(raised.map((alert) => alert.rule))];
  const reports = raised.flatMap((alert) => alert.reportIds);
  const changes = coverAlerts(
    raised,
    await store.alerts.coverage(rules, reports),
    await store.alerts.spikeKeys(rules),
  );
  return store.alerts.apply(changes, null);
}

test('stores a document with its clean text, removed spans and sources, and finds it again', async () => {
  const store = open();
  const outcome = await insert(store, prepareDocument(sourceDoc('a.txt', SIGNING)));
  const stored = await store.documents.get(outcome.id);
  assert.ok(stored);
  assert.equal(stored.title, '浙东电驱与宁波市人民政府签约');
  assert.ok(stored.cleanText.startsWith('5月6日'));
  assert.deepEqual(stored.sourceUris, ['a.txt']);
  assert.equal(stored.removed[0]?.kind, 'title');
  assert.equal(await store.documents.findByHash('hash-of-a.txt'), outcome.id);
  assert.equal(await store.documents.addSource(outcome.id, 'copy.txt', null), true);
  assert.equal(
    await store.documents.addSource(outcome.id, 'copy.txt', null),
    false,
    'the same source is recorded once',
  );
  assert.deepEqual((await store.documents.get(outcome.id))?.sourceUris.sort(), ['a.txt', 'copy.txt']);
  await store.close();
});

test('full-text search finds two-character words as well as longer phrases', async () => {
  const store = open();
  const signing = (await insert(store, prepareDocument(sourceDoc('a.txt', SIGNING)))).id;
  const report = (await insert(store, prepareDocument(sourceDoc('b.txt', LENOVO_STYLE)))).id;
  assert.deepEqual(
    (await search(store, '宁波')).map((hit) => hit.id),
    [signing],
  );
  assert.deepEqual(
    (await search(store, '联想')).map((hit) => hit.id),
    [report],
  );
  const phrase = await search(store, '碳化硅功率模块');
  assert.deepEqual(
    phrase.map((hit) => hit.id),
    [signing],
  );
  assert.equal(phrase[0]?.match, 'exact');
  assert.match(phrase[0]?.snippet ?? '', /【碳化硅功率模块】/);
  assert.deepEqual(await search(store, '氢燃料'), []);
  assert.deepEqual(
    (await search(store, '电驱')).map((hit) => hit.id),
    [signing],
    'two characters that jieba does not cut as a word (电驱动 → 电/驱动) are still found',
  );
  assert.deepEqual(
    (await search(store, '"; DROP')).map((hit) => hit.id),
    [],
    'query syntax is taken literally',
  );
  await store.close();
});

test('a repost with other boilerplate joins the cluster of the original; another article starts its own', async () => {
  const store = open();
  const original = await insert(store, prepareDocument(sourceDoc('a.txt', SIGNING)));
  const repost = await insert(
    store,
    prepareDocument(
      sourceDoc(
        'b.txt',
        `首页 > 新闻 > 产业\n${SIGNING}\n分享\n微信\n声明:本文仅代表作者观点,不代表本网立场。`,
      ),
    ),
    null,
  );
  const other = await insert(store, prepareDocument(sourceDoc('c.txt', LENOVO_STYLE)), null);
  assert.equal(repost.clusterId, original.clusterId);
  assert.equal(repost.nearDuplicateOf, original.id);
  assert.notEqual(other.clusterId, original.clusterId);
  assert.equal(await store.documents.countClusters(), 2);
  assert.equal((await store.documents.list())[0]?.clusterSize, 2);
  await store.close();
});

test('a read-only open of a missing store is an error that says what to do, and creates nothing', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'liantu-store-')), 'typo', 'x.db');
  assert.throws(() => SqliteStore.open(path, { mustExist: true }), /no store at .*ingest something first/);
  assert.throws(() => SqliteStore.open(path, { mustExist: true }));
});

test('migrations run once, record the schema version, and the file persists across opens', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'liantu-store-')), 'nested', 'test.db');
  const first = open(path);
  const newest = Math.max(...MIGRATIONS.map((migration) => migration.version));
  assert.equal(first.schemaVersion, newest);
  const runId = await first.runs.start('ingest', ['x']);
  await first.runs.recordFailure(runId, { uri: 'bad.bin', reason: 'binary file' });
  await insert(first, prepareDocument(sourceDoc('a.txt', SIGNING)), runId);
  await first.runs.finish(runId, { ingested: 1, duplicates: 0, failed: 1 });
  await first.close();
  const second = open(path);
  assert.equal(second.schemaVersion, newest);
  assert.equal(await second.documents.count(), 1);
  assert.deepEqual(await second.runs.errors(runId), [{ uri: 'bad.bin', reason: 'binary file' }]);
  await second.close();
  assert.throws(
    () => open(path, []),
    /newer than this liantu understands/,
    'an older program refuses a newer schema instead of damaging it',
  );
});

test('a store written before the knowledge graph existed upgrades in place and can be resolved', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'liantu-store-')), 'old.db');
  const old = new Database(path);
  for (const migration of MIGRATIONS.filter((step) => step.version <= 2)) old.exec(migration.sql);
  old.pragma('user_version = 2');
  old
    .prepare(
      `INSERT INTO documents (hash, uri, file, format, encoding, byte_length, metadata, source_text, clean_text,
        removed, offsets, cluster_id, ingested_at) VALUES ('h', 'old.txt', 'old.txt', 'text', 'utf-8', 1, '{}', 'x',
        'x', '[]', '[]', 1, '2025-01-01')`,
    )
    .run();
  old
    .prepare(
      "INSERT INTO mentions (document_id, label, clean_start, clean_end, text, canonical, detail) VALUES (1, 'org', 0, 1, '甲乙科技有限公司', '甲乙科技有限公司', 'company')",
    )
    .run();
  old.close();
  const upgraded = open(path);
  assert.equal(upgraded.schemaVersion, Math.max(...MIGRATIONS.map((migration) => migration.version)));
  const [facts] = await upgraded.documents.facts();
  assert.deepEqual(facts?.orgs, [
    { text: '甲乙科技有限公司', canonical: '甲乙科技有限公司', type: 'company', foundBy: null },
  ]);
  assert.equal(await upgraded.graph.lastBuild(), null);
  assert.equal(upgraded.staleExtraction, true, 'its documents were extracted before risk events existed');
  await upgraded.close();
  const reopened = open(path);
  assert.equal(reopened.staleExtraction, false, 'the note is given once, at the upgrade');
  await reopened.close();
});

test('an alert is raised once for its evidence: reposts, regrouped reports and open spikes raise nothing new', async () => {
  const store = open();
  const alert = (eventId: number, reportIds: number[], rule = 'high') => ({
    key: `${rule}:event:${eventId}`,
    rule,
    severity: 'high' as const,
    message: `event ${eventId}`,
    eventId,
    subject: null,
    date: '2025-06-01',
    evidence: [],
    path: null,
    reportIds,
  });
  assert.equal((await addAlerts(store, [alert(1, [1, 2])])).length, 1);
  assert.equal((await addAlerts(store, [alert(1, [1, 2, 3])])).length, 0, 'a repost joins the alerted event');
  assert.equal((await addAlerts(store, [alert(2, [2])])).length, 0, 'a report regrouped on its own');
  assert.equal((await addAlerts(store, [alert(3, [3])])).length, 0, 'the repost is covered too');
  assert.equal((await addAlerts(store, [alert(4, [4])])).length, 1, 'a new event');
  assert.equal(
    (await addAlerts(store, [alert(1, [1, 2], 'watch-1')])).length,
    1,
    'another rule alerts on its own',
  );
  const spike = { ...alert(0, []), key: 'spike:spike:7', rule: 'spike', eventId: null };
  assert.equal((await addAlerts(store, [spike])).length, 1);
  assert.equal((await addAlerts(store, [spike])).length, 0, 'the same burst is one spike');
  assert.equal((await store.alerts.list()).length, 4);
  await store.close();
});

test('watch ids are never reused, so a new watch never inherits the alerts of a removed one', async () => {
  const store = open();
  const first = await store.alerts.addWatch({
    kind: 'entity',
    value: '甲',
    minSeverity: 'medium',
    note: null,
  });
  assert.ok(await store.alerts.removeWatch(first.id));
  const second = await store.alerts.addWatch({
    kind: 'region',
    value: '四川',
    minSeverity: 'medium',
    note: null,
  });
  assert.notEqual(second.id, first.id);
  await store.close();
});
