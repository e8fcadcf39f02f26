import assert from 'node:assert/strict';
import { test } from 'node:test';
import { context, doc, event, org, orgNamed } from './fixture.testing.js';
import { resolveCorpus } from './index.js';
import type { ResolvedCorpus } from './types.js';

/** The ties of a corpus as "type from → to" (undirected: "type a — b"), by name. */
function tiesOf(graph: ResolvedCorpus): string[] {
  const name = (id: number) => graph.organizations.find((entity) => entity.id === id)?.name ?? String(id);
  return graph.ties
    .map((tie) =>
      tie.directed
        ? `${tie.type} ${name(tie.from)} → ${name(tie.to)}`
        : `${tie.type} ${[name(tie.from), name(tie.to)].sort().join(' — ')}`,
    )
    .sort();
}

test('a supply deal with its sides runs supplier → customer; one without sides joins them undirected', () => {
  const [a, b, c] = ['青川锂业有限公司', '远山电池有限公司', '北岭汽车有限公司'];
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org(a), org(b)],
        events: [event('supply_agreement', [a, b], '2025-03-01', { supplier: a, customer: b })],
      }),
      doc(2, { orgs: [org(b), org(c)], events: [event('supply_agreement', [b, c], '2025-04-01')] }),
    ],
    context(),
  );
  assert.deepEqual(tiesOf(graph), [`supplies ${a} → ${b}`, `supplies ${[b, c].sort().join(' — ')}`].sort());
});

test('a stated supply joins the directed tie of a deal between the same two, with both as evidence', () => {
  const [a, b] = ['青川锂业有限公司', '远山电池有限公司'];
  const graph = resolveCorpus(
    [
      doc(1, { orgs: [org(a), org(b)], events: [event('supply_agreement', [a, b], '2025-03-01')] }),
      doc(2, {
        orgs: [org(a), org(b)],
        published: '2025-05-02',
        supplies: [{ supplier: a, customer: b, evidence: { start: 0, end: 12, text: `${a}为${b}供货。` } }],
      }),
    ],
    context(),
  );
  assert.deepEqual(tiesOf(graph), [`supplies ${a} → ${b}`]);
  const [tie] = graph.ties;
  assert.equal(tie?.documents, 2);
  assert.equal(tie?.events.length, 1);
  assert.equal(tie?.lastDate, '2025-05-02');
});

test('an alliance founded makes members of its founders and a host of a government among them', () => {
  const alliance = '江城储能产业联盟';
  const members = ['甲储能科技有限公司', '乙电池有限公司', '丙材料有限公司'];
  const government = '江城市人民政府';
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org(alliance, alliance, 'association'),
          ...members.map((name) => org(name)),
          org(government, government, 'government'),
        ],
        events: [event('alliance_founded', [alliance, ...members, government], '2025-06-01')],
      }),
    ],
    context(),
  );
  assert.deepEqual(
    tiesOf(graph),
    [...members.map((name) => `member_of ${name} → ${alliance}`), `hosts ${government} → ${alliance}`].sort(),
  );
});

test('an investment ties investors to its target; a project investment is hosted by its place', () => {
  const [target, fund, investor] = ['启明半导体有限公司', '江南创业投资有限公司', '青川锂业有限公司'];
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org(target), org(fund), org(investor)],
        events: [event('investment', [target, fund, investor], '2025-02-01', { target })],
      }),
      doc(2, {
        orgs: [
          org(investor),
          org('宜宾市人民政府', '宜宾市人民政府', 'government'),
          org('成都市人民政府', '成都市人民政府', 'government'),
        ],
        events: [event('investment', [investor], '2025-03-01', { location: '四川省宜宾市' })],
      }),
    ],
    context(),
  );
  const ties = tiesOf(graph);
  assert.ok(ties.includes(`invests_in ${fund} → ${target}`));
  assert.ok(ties.includes(`invests_in ${investor} → ${target}`));
  assert.deepEqual(
    ties.filter((tie) => tie.startsWith('hosts')),
    [`hosts 宜宾市人民政府 → ${investor}`],
    'the government of the project’s place hosts it; another city’s named in the article does not',
  );
  assert.ok(orgNamed(graph, target));
});

test("a supplier's cut ties it to the companies it names; a halt of one's own line does not", () => {
  const [supplier, customer] = ['华川微电子有限公司', '浙东电驱动有限公司'];
  const cut = event('supply_disruption', [supplier, customer], '2025-03-01', {
    subject: supplier,
    severity: 'high',
    evidence: [{ start: 0, end: 20, text: `${supplier}暂停供应两款芯片，${customer}受到影响。` }],
  });
  const halt = event('supply_disruption', [customer, supplier], '2025-04-01', {
    subject: customer,
    severity: 'medium',
    evidence: [{ start: 0, end: 20, text: `${customer}一条产线暂停生产。` }],
  });
  const graph = resolveCorpus(
    [
      doc(1, { orgs: [org(supplier), org(customer)], events: [cut] }),
      doc(2, { orgs: [org(supplier), org(customer)], events: [halt] }),
    ],
    context(),
  );
  assert.deepEqual(tiesOf(graph), [`supplies ${supplier} → ${customer}`]);
});
