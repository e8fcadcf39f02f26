import assert from 'node:assert/strict';
import { test } from 'node:test';
import { context, doc, event, org, orgNamed } from './fixture.testing.js';
import { resolveCorpus } from './index.js';

test('reports of one event merge: a repost cluster, and the same parties within a few days', () => {
  const parties = ['东岳热管理系统有限公司', '海澜新能源汽车有限公司'];
  const orgs = parties.map((name) => org(name));
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs,
        published: '2025-07-16',
        events: [event('cooperation_agreement', parties, '2025-07-15')],
      }),
      doc(2, {
        clusterId: 1,
        orgs,
        published: '2025-07-17',
        uris: ['https://repost.example.com/a.html'],
        events: [event('cooperation_agreement', parties, '2025-07-15')],
      }),
      doc(3, {
        orgs: [org('海澜新能源汽车有限公司'), org('东岳热管理系统股份有限公司')],
        published: '2025-07-17',
        events: [
          event('cooperation_agreement', ['海澜新能源汽车有限公司', '东岳热管理系统股份有限公司'], null),
        ],
      }),
      doc(4, { orgs, events: [event('cooperation_agreement', parties, '2025-09-30')] }),
      doc(5, { orgs, events: [event('meeting', parties, '2025-07-15')] }),
    ],
    context(),
  );
  const agreements = graph.events.filter((merged) => merged.type === 'cooperation_agreement');
  assert.equal(agreements.length, 2, 'July reports merge; the September signing is another event');
  const july = agreements.find((merged) => merged.date === '2025-07-15');
  assert.deepEqual(july?.reports.map((report) => report.documentId).sort(), [1, 2, 3]);
  assert.equal(july?.sources.length, 3);
  assert.deepEqual(
    july?.parties.map((party) => party.name),
    parties,
  );
  assert.equal(
    graph.events.filter((merged) => merged.type === 'meeting').length,
    1,
    'another type is another event',
  );
});

test('two events of one article never merge, even in a repost cluster', () => {
  const orgs = [org('浙东电驱动系统股份有限公司'), org('湘江汽车集团有限公司'), org('华川微电子有限公司')];
  const signings = () => [
    event('cooperation_agreement', ['浙东电驱动系统股份有限公司', '湘江汽车集团有限公司'], '2025-05-01'),
    event('cooperation_agreement', ['浙东电驱动系统股份有限公司', '华川微电子有限公司'], '2025-05-01'),
  ];
  const graph = resolveCorpus(
    [doc(1, { orgs, events: signings() }), doc(2, { clusterId: 1, orgs, events: signings() })],
    context(),
  );
  assert.equal(graph.events.length, 2);
  for (const merged of graph.events) assert.equal(merged.reports.length, 2);
});

test('events attach to chain nodes with evidence; their parties by their own signs', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('湘潭锂电材料有限公司'), org('岳麓电池科技有限公司')],
        events: [
          event('cooperation_agreement', ['湘潭锂电材料有限公司', '岳麓电池科技有限公司'], '2025-08-20', {
            domains: ['磷酸铁锂正极材料', '动力电池电芯'],
          }),
        ],
      }),
    ],
    context(),
  );
  const [merged] = graph.events;
  assert.ok(merged);
  const eventNodes = (graph.eventLinks.get(merged.id) ?? []).map((link) => link.node);
  assert.ok(eventNodes.includes('cathode'), eventNodes.join());
  assert.ok(eventNodes.includes('cells'), eventNodes.join());
  const battery = orgNamed(graph, '岳麓电池科技有限公司');
  const links = graph.orgLinks.get(battery.id) ?? [];
  const cells = links.find((link) => link.node === 'cells');
  assert.ok(cells && cells.score > 0 && cells.score < 1);
  assert.ok(cells.evidence.some((hit) => hit.source === 'name' && hit.keyword === '电池'));
  const materials = orgNamed(graph, '湘潭锂电材料有限公司');
  assert.ok(
    !(graph.orgLinks.get(materials.id) ?? []).some((link) => link.node === 'cells'),
    'what an agreement covers does not place a company its name already places',
  );
});

test('signings a few days apart do not chain into one event; a month-only report bridges nothing', () => {
  const parties = ['甲乙动力科技有限公司', '丙丁储能科技有限公司'];
  const orgs = parties.map((name) => org(name));
  const dated = (id: number, date: string) =>
    doc(id, { orgs, events: [event('cooperation_agreement', parties, date)] });
  const graph = resolveCorpus(
    [
      dated(1, '2025-03-01'),
      dated(2, '2025-03-03'),
      dated(3, '2025-03-05'),
      dated(4, '2025-03-07'),
      dated(5, '2025-03-28'),
      dated(6, '2025-03'),
    ],
    context(),
  );
  const groups = graph.events
    .map((merged) => merged.reports.map((report) => report.documentId).sort())
    .sort();
  assert.deepEqual(groups, [[1, 2], [3, 4], [5], [6]]);
});

test('a month-only report joins the one event of its month', () => {
  const parties = ['甲乙动力科技有限公司', '丙丁储能科技有限公司'];
  const orgs = parties.map((name) => org(name));
  const graph = resolveCorpus(
    [
      doc(1, { orgs, events: [event('cooperation_agreement', parties, '2025-03-12')] }),
      doc(2, { orgs, events: [event('cooperation_agreement', parties, '2025-03')] }),
    ],
    context(),
  );
  assert.equal(graph.events.length, 1);
  assert.equal(graph.events[0]?.date, '2025-03-12');
});

test('settlements of one company in two provinces are two events', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('甲乙动力科技有限公司')],
        events: [event('settlement', ['甲乙动力科技有限公司'], '2025-03-01', { location: '安徽合肥' })],
      }),
      doc(2, {
        orgs: [org('甲乙动力科技有限公司')],
        events: [event('settlement', ['甲乙动力科技有限公司'], '2025-03-02', { location: '山东济南' })],
      }),
      doc(3, {
        orgs: [org('甲乙动力科技有限公司')],
        events: [event('settlement', ['甲乙动力科技有限公司'], '2025-03-02', { location: '合肥' })],
      }),
    ],
    context(),
  );
  assert.equal(graph.events.length, 2);
  const hefei = graph.events.find((merged) => merged.region?.city === '合肥市');
  assert.equal(hefei?.reports.length, 2);
});
