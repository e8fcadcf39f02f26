import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { UndirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { projectRoot } from '../src/project-root.js';
import { liantuJson as json, liantu, tempDir as makeTempDir } from './cli-runner.js';
import { haveSeeds, seedsDir } from './seeds.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'graph');

const tempDir = (): string => makeTempDir('graph');

/** One store with our own graph articles, built once for the tests that only read it. */
const fixtureDb = (() => {
  let db: string | null = null;
  return (): string => {
    if (db) return db;
    db = join(tempDir(), 'graph.db');
    const result = liantu(['ingest', fixtures, '--db', db]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Knowledge graph: \d+ organizations/);
    return db;
  };
})();

test('a repost with other boilerplate is one event with two sources', () => {
  const db = fixtureDb();
  const profile = json(['entity', '东岳热管理', '--db', db]);
  assert.equal(profile.name, '东岳热管理系统有限公司');
  assert.equal(profile.events.length, 1);
  assert.equal(profile.events[0].sources, 2);
  assert.equal(profile.partners[0].name, '海澜新能源汽车有限公司');
});

test('the same article under two file names is one event with two sources', () => {
  const dir = tempDir();
  copyFileSync(join(fixtures, 'zhanglei-a.txt'), join(dir, 'first.txt'));
  copyFileSync(join(fixtures, 'zhanglei-a.txt'), join(dir, 'second.txt'));
  const db = join(dir, 'twice.db');
  assert.equal(liantu(['ingest', join(dir, 'first.txt'), '--db', db]).code, 0);
  assert.equal(liantu(['ingest', join(dir, 'second.txt'), '--db', db]).code, 0);
  const profile = json(['entity', '云岭电驱动', '--db', db]);
  assert.equal(profile.events.length, 1);
  assert.equal(profile.events[0].sources, 2);
});

test('legal forms and stated short forms merge across articles into one organization', () => {
  const profile = json(['entity', '星衡储能', '--db', fixtureDb()]);
  const aliases = profile.aliases.map((alias: { name: string }) => alias.name);
  for (const form of ['星衡储能科技股份有限公司', '星衡储能科技有限公司', '星衡储能'])
    assert.ok(aliases.includes(form), form);
  assert.equal(profile.events.length, 2);
  assert.deepEqual(
    profile.partners.map((partner: { name: string }) => partner.name).sort(),
    ['赣西锂业有限公司', '闽江换电科技有限公司'].sort(),
  );
  assert.ok(profile.people.some((person: { name: string }) => person.name === '王海涛'));
});

test('two people named 张雷 at different organizations are two entities', () => {
  const db = fixtureDb();
  const people = json(['entities', '--people', '--db', db, '-n', '500']).filter(
    (person: { name: string }) => person.name === '张雷',
  );
  assert.equal(people.length, 2);
  assert.deepEqual(
    people.map((person: { orgName: string }) => person.orgName).sort(),
    ['云岭电驱动科技有限公司', '北辰氢能装备有限公司'].sort(),
  );
  const ambiguous = liantu(['entity', '张雷', '--person', '--db', db]);
  assert.equal(ambiguous.code, 0);
  assert.match(ambiguous.stderr, /may also mean: 张雷/);
});

test('entities filter by type, region and chain segment', () => {
  const db = fixtureDb();
  const governments = json(['entities', '--type', 'government', '--db', db]);
  assert.ok(
    governments.length > 0 && governments.every((entity: { type: string }) => entity.type === 'government'),
  );
  const inJiangsu = json(['entities', '--region', '江苏', '--db', db]);
  assert.ok(inJiangsu.some((entity: { name: string }) => entity.name === '淮安市发展和改革委员会'));
  assert.ok(inJiangsu.every((entity: { province: string }) => entity.province === '江苏省'));
  const cathode = json(['entities', '--segment', '正极材料', '--db', db]);
  assert.ok(cathode.some((entity: { name: string }) => entity.name === '湘潭锂电材料有限公司'));
  assert.ok(!cathode.some((entity: { name: string }) => entity.name === '东岳热管理系统有限公司'));
  const bad = liantu(['entities', '--segment', 'no-such-node', '--db', db]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--segment: no chain node/);
});

test('chain counts organizations and events per node and per region', () => {
  const db = fixtureDb();
  const { nodes } = json(['chain', '--db', db]);
  const find = (list: { id: string; children: unknown[] }[], id: string): Record<string, unknown> | null => {
    for (const node of list) {
      if (node.id === id) return node as Record<string, unknown>;
      const below = find(node.children as { id: string; children: unknown[] }[], id);
      if (below) return below;
    }
    return null;
  };
  const cathode = find(nodes, 'cathode');
  assert.equal(cathode?.totalEntities, 1, 'the cathode maker, not the cell maker it supplies');
  const thermal = find(nodes, 'thermal-management');
  assert.equal(thermal?.totalEvents, 1, 'the reposted signing counts once');
  const hunan = json(['chain', '--region', '湖南', '--db', db]);
  assert.equal(find(hunan.nodes, 'thermal-management')?.totalEntities, 0);
});

test('path joins two organizations through their partners, and says when nothing does', () => {
  const db = fixtureDb();
  const joined = json(['path', '赣西锂业', '闽江换电', '--db', db]);
  assert.equal(joined.connected, true);
  assert.deepEqual(
    joined.hops.map((hop: { to: { name: string } }) => hop.to.name),
    ['星衡储能科技股份有限公司', '闽江换电科技有限公司'],
  );
  assert.ok(joined.hops[0].events[0].evidence.includes('签署'));
  const apart = json(['path', '赣西锂业', '东岳热管理', '--db', db]);
  assert.equal(apart.connected, false);
});

test('graph shows the neighbourhood to the depth asked for', () => {
  const db = fixtureDb();
  const near = json(['graph', '赣西锂业', '--depth', '1', '--db', db]);
  const far = json(['graph', '赣西锂业', '--depth', '2', '--db', db]);
  assert.equal(near.nodes.length, 2);
  assert.equal(far.nodes.length, 3);
});

test('the GraphML export is valid XML and round-trips through graphology', () => {
  const db = fixtureDb();
  const out = join(tempDir(), 'graph.graphml');
  const result = liantu(['export', '--format', 'graphml', '--out', out, '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  const xml = readFileSync(out, 'utf8');
  assert.equal(XMLValidator.validate(xml), true);
  const graph = parseGraphml(UndirectedGraph, xml);
  const organizations = json(['entities', '--db', db, '-n', '1000']);
  assert.equal(graph.order, organizations.length);
  const xingheng = graph.findNode((_key, node) => node.label === '星衡储能科技股份有限公司');
  assert.ok(xingheng);
  assert.equal(graph.degree(xingheng), 2);
  assert.equal(typeof graph.getNodeAttribute(xingheng, 'degree'), 'number');
  const csvDir = join(tempDir(), 'csv');
  const csv = liantu(['export', '--format', 'csv', '--out', csvDir, '--db', db]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stderr, /LOAD CSV WITH HEADERS/);
  assert.equal(readFileSync(join(csvDir, 'edges.csv'), 'utf8').trim().split('\n').length, graph.size + 1);
});

test('after ingesting the seeds: 一汽, S100 and the power-battery node', {
  skip: haveSeeds ? false : 'no shared seeds',
}, () => {
  const db = join(tempDir(), 'seeds.db');
  assert.equal(liantu(['ingest', seedsDir, '--db', db]).code, 0);
  const faw = json(['entity', '一汽', '--db', db]);
  assert.equal(faw.name, '中国第一汽车集团');
  assert.ok(faw.aliases.some((alias: { name: string }) => alias.name === '中国一汽'));
  assert.ok(faw.partners.some((partner: { name: string }) => partner.name === '远景科技集团'));
  assert.equal(json(['entity', 'S100', '--db', db]).name, '汽车产业供应链协同创新中心');
  const { nodes } = json(['chain', '--db', db]);
  const battery = nodes
    .flatMap((root: { children: unknown[] }) => root.children)
    .find((node: { id: string }) => node.id === 'battery-system');
  assert.ok(battery.totalEntities >= 1);
});

test('queries before the graph is built, and names that match nothing, are clear errors', () => {
  const db = join(tempDir(), 'empty.db');
  assert.equal(liantu(['docs', '--db', db]).code, 2, 'no store yet');
  const db2 = fixtureDb();
  const missing = liantu(['entity', '不存在的公司', '--db', db2]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /no entity named "不存在的公司"/);
});

test('events lists merged events with their sources; --reports lists each report', () => {
  const db = fixtureDb();
  const merged = json(['events', '--org', '海澜新能源', '--db', db]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].sources.length, 2);
  assert.equal(merged[0].reports.length, 2);
  assert.deepEqual(merged[0].parties, ['东岳热管理系统有限公司', '海澜新能源汽车有限公司']);
  const reports = json(['events', '--reports', '--org', '海澜新能源', '--db', db]);
  assert.equal(reports.length, 2);
});

test('a name finds its entity by identity too (淮安市发改委 forms), and graph refuses a person', () => {
  const db = fixtureDb();
  assert.equal(json(['entity', '淮安市发展和改革委员会', '--db', db]).name, '淮安市发展和改革委员会');
  assert.equal(json(['entity', '星衡储能科技有限责任公司', '--db', db]).name, '星衡储能科技股份有限公司');
  const person = json(['entity', '王海涛', '--person', '--db', db]);
  const refused = liantu(['graph', `#${person.id}`, '--db', db]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /is a person .* not an organization/);
});

test('resolve --aliases applies a merge, reports a contradiction, and later ingests keep the file', () => {
  const dir = tempDir();
  const db = join(dir, 'aliases.db');
  assert.equal(
    liantu(['ingest', join(fixtures, 'zhanglei-a.txt'), join(fixtures, 'zhanglei-b.txt'), '--db', db]).code,
    0,
  );
  const aliases = join(dir, 'aliases.yaml');
  writeFileSync(
    aliases,
    'merge:\n  - { name: 北辰云岭联合体, aliases: [北辰氢能装备有限公司, 云岭电驱动科技有限公司], region: 江苏淮安 }\n' +
      '  - { aliases: [淮扬智慧物流有限公司, 高原新能源商用车有限公司] }\n' +
      'split:\n  - [淮扬智慧物流有限公司, 高原新能源商用车有限公司]\n',
  );
  const resolved = liantu(['resolve', '--aliases', aliases, '--db', db]);
  assert.equal(resolved.code, 0, resolved.stderr);
  assert.match(resolved.stderr, /merged but also split/);
  assert.equal(json(['entity', '北辰氢能', '--db', db]).name, '北辰云岭联合体');
  assert.equal(liantu(['ingest', join(fixtures, 'battery-chain.txt'), '--db', db]).code, 0);
  const merged = json(['entity', '云岭电驱动', '--db', db]);
  assert.equal(merged.name, '北辰云岭联合体', 'the next ingest resolves with the same alias file');
  assert.deepEqual(merged.region, {
    province: '江苏省',
    city: '淮安市',
    source: 'alias-file',
    evidence: null,
  });
});
