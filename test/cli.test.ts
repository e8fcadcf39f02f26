import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../src/project-root.js';
import { liantu, tempDir as makeTempDir } from './cli-runner.js';
import { haveSeeds, seedsDir } from './seeds.js';

const tempDir = (): string => makeTempDir('cli');

test('ingesting the seed folder twice stores five documents, not ten', {
  skip: haveSeeds ? false : 'no shared seeds',
}, () => {
  const db = join(tempDir(), 'seeds.db');
  const first = liantu(['ingest', seedsDir, '--db', db, '--format', 'json']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(JSON.parse(first.stdout).ingested, 5);
  const second = liantu(['ingest', seedsDir, '--db', db, '--format', 'json']);
  assert.equal(second.code, 0, second.stderr);
  const summary = JSON.parse(second.stdout);
  assert.equal(summary.ingested, 0);
  assert.equal(summary.duplicates, 5);
  assert.equal(summary.stored, 5);
  const docs = JSON.parse(liantu(['docs', '--db', db, '--format', 'json']).stdout);
  assert.equal(docs.length, 5);
});

test('a folder with a binary, an empty and a GBK file: failures named on stderr, the rest stored, exit 1', () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'photo.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  copyFileSync(join(projectRoot, 'examples', 'settlement-changzhou-gbk.txt'), join(dir, 'gbk.txt'));
  const db = join(dir, 'store.db');
  const result = liantu(['ingest', dir, '--db', db]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /photo\.png: binary file/);
  assert.match(result.stderr, /empty\.txt: empty file/);
  assert.doesNotMatch(result.stderr, /gbk\.txt/);
  assert.match(result.stdout, /1 new, 0 duplicate, 2 failed/);
  const docs = JSON.parse(liantu(['docs', '--db', db, '--format', 'json']).stdout);
  assert.equal(docs.length, 1);
  assert.equal(docs[0].encoding, 'gb18030');
});

test('clean --format json prints the contract fields with removed spans indexing the source', () => {
  const file = join(projectRoot, 'examples', 'signing-ai-pinyin.txt');
  const result = liantu(['clean', file, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const doc = JSON.parse(result.stdout);
  for (const key of ['file', 'title', 'published', 'text', 'removed']) assert.ok(key in doc, key);
  const source = readFileSync(file, 'utf8');
  assert.ok(doc.removed.length > 0);
  for (const span of doc.removed) assert.equal(source.slice(span.start, span.end), span.text);
  assert.ok(doc.removed.some((span: { kind: string }) => span.kind === 'pinyin'));
});

test('search, show and the --db / LIANTU_DB choice work on an ingested store', () => {
  const db = join(tempDir(), 'examples.db');
  const ingest = liantu(['ingest', join(projectRoot, 'examples'), '--quiet'], { env: { LIANTU_DB: db } });
  assert.equal(ingest.code, 0, ingest.stderr);
  const hits = JSON.parse(liantu(['search', '宁波', '--db', db, '--format', 'json']).stdout);
  assert.ok(hits.length >= 2);
  assert.ok(hits.every((hit: { snippet: string }) => hit.snippet.includes('【宁波】')));
  const html = JSON.parse(liantu(['docs', '--db', db, '--format', 'json', '--limit', '200']).stdout).find(
    (doc: { uri: string }) => doc.uri.endsWith('settlement-ningbo.html'),
  );
  const docs = JSON.parse(liantu(['docs', '--db', db, '--format', 'json', '--limit', '200']).stdout) as {
    uri: string;
    clusterId: number;
  }[];
  const clusterOf = (name: string) => docs.find((doc) => doc.uri.endsWith(name))?.clusterId;
  assert.equal(
    clusterOf('repost-a.txt'),
    clusterOf('repost-b.txt'),
    'a repost under other boilerplate joins the cluster',
  );
  assert.notEqual(clusterOf('repost-a.txt'), clusterOf('signing-battery-swap.txt'));
  const shown = liantu(['show', String(html.id), '--db', db]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /⟦html-nav: /);
  assert.match(shown.stdout, /sources: .*settlement-ningbo\.html/);
  const missing = liantu(['show', '99999', '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no document 99999/);
});

test('bad arguments get a clear message and help is available everywhere', () => {
  const bad = liantu(['docs', '--format', 'xml', '--db', join(tempDir(), 'x.db')]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /xml/);
  for (const command of ['ingest', 'clean', 'docs', 'show', 'search', 'demo']) {
    const help = liantu([command, '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: liantu/);
  }
});

test('demo ingests the examples and reports what it found', () => {
  const db = join(tempDir(), 'demo.db');
  const result = liantu(['demo', '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Ingested \d+ new/);
  assert.match(result.stdout, /liantu search 动力电池 {2}→ {2}[1-9]/);
});

test('extract writes one contract object per document, in input order, with evidence offsets into the clean text', () => {
  const files = ['signing-battery-swap.txt', 'unrelated-consumer-tips.txt', 'alliance-hefei.md'].map((name) =>
    join(projectRoot, 'examples', name),
  );
  const result = liantu(['extract', ...files, '--format', 'jsonl']);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(
    lines.map((line) => line.file),
    files,
  );
  for (const line of lines) {
    for (const key of ['file', 'title', 'published', 'events', 'organizations', 'people'])
      assert.ok(key in line, key);
  }
  const [signing, unrelated, alliance] = lines;
  assert.deepEqual(unrelated.events, [], 'an article with no event has none');
  assert.equal(signing.events[0].type, 'cooperation_agreement');
  assert.equal(alliance.events[0].type, 'alliance_founded');
  const cleaned = JSON.parse(liantu(['clean', files[0] as string, '--format', 'json']).stdout);
  for (const evidence of signing.events[0].evidence) {
    assert.equal(cleaned.text.slice(evidence.start, evidence.end), evidence.text);
  }
});

test('ingest stores events; events filters by type, party short form, date and place', () => {
  const db = join(tempDir(), 'events.db');
  assert.equal(liantu(['ingest', join(projectRoot, 'examples'), '--db', db, '--quiet']).code, 0);
  const events = (args: string[]) =>
    JSON.parse(liantu(['events', '--db', db, '--format', 'json', ...args]).stdout);
  const all = events(['-n', '500']);
  assert.ok(all.length >= 25);
  const settlements = events(['--type', 'settlement']);
  assert.ok(
    settlements.length >= 3 && settlements.every((event: { type: string }) => event.type === 'settlement'),
  );
  const byShortForm = events(['--org', '皖通换电']);
  assert.ok(
    byShortForm.some((event: { parties: string[] }) => event.parties.includes('安徽皖通换电科技有限公司')),
  );
  const in2025 = events(['--since', '2025-01-01', '--until', '2025-12']);
  assert.ok(in2025.length > 0 && in2025.every((event: { date: string }) => event.date >= '2025'));
  const hefei = events(['--place', '合肥']);
  assert.ok(
    hefei.length > 0 && hefei.every((event: { location: string }) => event.location.includes('合肥')),
  );
  assert.ok(all[0].evidence[0].text.length > 0);
  const bad = liantu(['events', '--db', db, '--since', 'yesterday']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--since takes YYYY/);
});

test('--data runs with a copy of data/ edited by the user; a broken copy is refused naming file and entry', () => {
  const dir = tempDir();
  const data = join(dir, 'data');
  cpSync(join(projectRoot, 'data'), data, { recursive: true });
  appendFileSync(join(data, 'annotate', 'known-orgs.yaml'), '- { type: company, names: [蓝湾星] }\n');
  const article = join(dir, 'own.txt');
  writeFileSync(article, '远山新能源汽车有限公司宣布，蓝湾星成为其电池供应商。\n');
  const organizations = (args: string[]) => {
    const result = liantu([...args, 'extract', article, '--no-ner', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout)[0].organizations as string[];
  };
  assert.ok(!organizations([]).includes('蓝湾星'));
  assert.ok(organizations(['--data', data]).includes('蓝湾星'));
  const suffixes = join(data, 'annotate', 'org-suffixes.yaml');
  writeFileSync(suffixes, readFileSync(suffixes, 'utf8').replace(/^weak: \[/mu, 'weak: 12\nunused: ['));
  const broken = liantu(['extract', article], { env: { LIANTU_DATA: data } });
  assert.equal(broken.code, 2);
  assert.match(
    broken.stderr,
    new RegExp(`^error: ${suffixes.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: weak: `, 'u'),
  );
});
