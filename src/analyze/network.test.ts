import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CooperationGraph,
  cooperationGraph,
  type NetworkNode,
  type NetworkTie,
  neighbourhood,
  networkMetrics,
  partnerPath,
} from './network.js';

const org = (
  id: number,
  name: string,
  province: string | null = null,
  city: string | null = null,
  segments: string[] = [],
): NetworkNode => ({ id, name, type: 'company', province, city, segments });

// Two groups joined only through 中储能源 (5): {1, 2, 3, 4} and {6, 7, 8}; 孤峰新材料 (9) has no partner.
const nodes: NetworkNode[] = [
  org(1, '宁川动力电池股份有限公司', '福建省', '宁德市', ['cells']),
  org(2, '华曜汽车集团有限公司', '上海市', '上海市', ['vehicles']),
  org(3, '青岚换电科技有限公司', '浙江省', '杭州市', ['swapping']),
  org(4, '锂源矿业有限公司', '江西省', '宜春市', ['lithium']),
  org(5, '中储能源控股有限公司', '北京市', '北京市', ['storage']),
  org(6, '北辰储能科技有限公司', '江苏省', '常州市', ['storage']),
  org(7, '星河光伏股份有限公司', '江苏省', '无锡市', ['pv']),
  org(8, '东湖电网服务有限公司', '湖北省', '武汉市'),
  org(9, '孤峰新材料有限公司', null, null, ['materials']),
];

type TieType = NetworkTie['type'];

/** An event as the ties it makes: one per pair of its parties (the first party first), each made by the event. */
interface PairEvent {
  id: number;
  type: TieType;
  date: string | null;
  partyIds: number[];
  sources: number;
}

const event = (
  id: number,
  type: TieType,
  date: string | null,
  partyIds: number[],
  sources = 1,
): PairEvent => ({ id, type, date, partyIds, sources });

function tiesOf(events: readonly PairEvent[]): NetworkTie[] {
  return events.flatMap((item) =>
    item.partyIds.flatMap((from, index) =>
      item.partyIds.slice(index + 1).map((to, other) => ({
        id: item.id * 10 + index * 3 + other,
        type: item.type,
        from,
        to,
        directed: item.type !== 'cooperates',
        events: [item.id],
        firstDate: item.date,
        lastDate: item.date,
        sources: item.sources,
      })),
    ),
  );
}

const events: PairEvent[] = [
  // The pair with two events: the later one comes first and names the parties in reverse order.
  event(101, 'invests_in', '2024-06-15', [1, 2], 3),
  event(102, 'supplies', '2023-03-01', [2, 1], 2),
  // The three-party event.
  event(103, 'cooperates', '2023-09-10', [1, 3, 4]),
  event(104, 'supplies', '2022-11-20', [5, 1]),
  event(105, 'cooperates', '2024-01-05', [3, 5], 2),
  event(106, 'supplies', '2024-02-02', [5, 6]),
  event(107, 'invests_in', '2023-05-05', [7, 5]),
  event(108, 'supplies', '2023-07-07', [6, 7]),
  event(109, 'cooperates', null, [7, 8]),
  event(110, 'supplies', '2024-03-03', [6, 8]),
  // Parties that are not nodes of the network.
  event(111, 'supplies', '2024-04-04', [8, 999], 4),
  event(112, 'invests_in', '2024-04-04', [998, 999]),
];

const groupA = [1, 2, 3, 4];
const groupB = [6, 7, 8];
const bridge = 5;
const isolated = 9;

const edgeOf = (graph: CooperationGraph, a: number, b: number) => {
  const key = graph.edge(String(a), String(b));
  assert.ok(key !== undefined, `expected an edge ${a}–${b}`);
  return graph.getEdgeAttributes(key);
};

const ids = (graph: CooperationGraph): number[] =>
  graph
    .nodes()
    .map(Number)
    .sort((a, b) => a - b);

const pairs = (graph: CooperationGraph): string[] =>
  graph
    .mapEdges((_key, _attributes, source, target) =>
      [Number(source), Number(target)].sort((a, b) => a - b).join('-'),
    )
    .sort();

test('every organization is a node, with its attributes', () => {
  const graph = cooperationGraph(nodes, tiesOf(events));
  assert.equal(graph.order, 9);
  assert.deepEqual(ids(graph), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(graph.getNodeAttributes('3'), {
    id: 3,
    name: '青岚换电科技有限公司',
    type: 'company',
    province: '浙江省',
    city: '杭州市',
    segments: ['swapping'],
  });
});

test('two ties of one pair are summed into one edge that keeps each with its direction', () => {
  const graph = cooperationGraph(nodes, tiesOf(events));
  assert.equal(graph.edges('1', '2').length, 1);
  assert.deepEqual(edgeOf(graph, 1, 2), {
    weight: 2,
    events: [101, 102],
    types: ['invests_in', 'supplies'],
    ties: [
      {
        id: 1010,
        type: 'invests_in',
        from: 1,
        to: 2,
        directed: true,
        events: [101],
        firstDate: '2024-06-15',
        lastDate: '2024-06-15',
        sources: 3,
      },
      {
        id: 1020,
        type: 'supplies',
        from: 2,
        to: 1,
        directed: true,
        events: [102],
        firstDate: '2023-03-01',
        lastDate: '2023-03-01',
        sources: 2,
      },
    ],
    firstDate: '2023-03-01',
    lastDate: '2024-06-15',
    sources: 5,
  });
});

test('membership and hosting join organizations in the network but not in its metrics', () => {
  const alliance = org(20, '长江储能产业联盟');
  const host = org(21, '江城市人民政府');
  const members = [org(22, '甲储能科技有限公司'), org(23, '乙电池有限公司'), org(24, '丙材料有限公司')];
  const ties: NetworkTie[] = [
    ...members.map((member, index) => ({
      id: index + 1,
      type: 'member_of' as const,
      from: member.id,
      to: alliance.id,
      directed: true,
      events: [1],
      firstDate: '2025-01-01',
      lastDate: '2025-01-01',
      sources: 1,
    })),
    {
      id: 9,
      type: 'hosts',
      from: host.id,
      to: 22,
      directed: true,
      events: [2],
      firstDate: null,
      lastDate: null,
      sources: 1,
    },
  ];
  const graph = cooperationGraph([alliance, host, ...members], ties);
  assert.equal(
    graph.size,
    4,
    'three members to the alliance and the host to one of them, no tie between members',
  );
  assert.equal(graph.hasEdge('22', '23'), false);
  const metrics = networkMetrics(graph);
  for (const id of [20, 21, 22, 23, 24])
    assert.deepEqual(metrics.get(id), { degree: 0, betweenness: 0, community: null });
});

test('a repeated type is listed once and a missing date does not erase the known ones', () => {
  const graph = cooperationGraph(
    [org(1, '宁川动力电池股份有限公司'), org(2, '华曜汽车集团有限公司')],
    tiesOf([
      event(1, 'supplies', null, [1, 2]),
      event(2, 'supplies', '2024-05-01', [2, 1]),
      event(3, 'supplies', '2023-01-01', [1, 2]),
      event(4, 'supplies', null, [1, 2]),
    ]),
  );
  const { ties: _ties, ...edge } = edgeOf(graph, 1, 2);
  assert.deepEqual(edge, {
    weight: 4,
    events: [1, 2, 3, 4],
    types: ['supplies'],
    firstDate: '2023-01-01',
    lastDate: '2024-05-01',
    sources: 4,
  });
});

test('the ties of a three-party cooperation join each pair of them', () => {
  const graph = cooperationGraph(nodes, tiesOf(events));
  for (const [a, b] of [
    [1, 3],
    [1, 4],
    [3, 4],
  ] as const) {
    const { ties: _ties, ...edge } = edgeOf(graph, a, b);
    assert.deepEqual(edge, {
      weight: 1,
      events: [103],
      types: ['cooperates'],
      firstDate: '2023-09-10',
      lastDate: '2023-09-10',
      sources: 1,
    });
  }
  const only = cooperationGraph(nodes, tiesOf([event(103, 'cooperates', '2023-09-10', [1, 3, 4])]));
  assert.deepEqual(pairs(only), ['1-3', '1-4', '3-4']);
});

test('ties whose ends are not nodes are ignored', () => {
  const graph = cooperationGraph(nodes, tiesOf(events));
  assert.equal(graph.order, 9);
  assert.equal(graph.hasNode('999'), false);
  assert.equal(graph.hasNode('998'), false);
  assert.deepEqual(pairs(graph), [
    '1-2',
    '1-3',
    '1-4',
    '1-5',
    '3-4',
    '3-5',
    '5-6',
    '5-7',
    '6-7',
    '6-8',
    '7-8',
  ]);
  // 东湖电网服务 (8) keeps its two partners; event 111 added neither an edge nor its sources.
  assert.equal(graph.degree('8'), 2);
  assert.equal(edgeOf(graph, 6, 8).sources, 1);
  assert.equal(
    graph.someEdge((_key, attributes) => attributes.events.includes(111) || attributes.events.includes(112)),
    false,
  );
});

test('degree counts partners, not events', () => {
  const metrics = networkMetrics(cooperationGraph(nodes, tiesOf(events)));
  assert.deepEqual(
    [...metrics].map(([id, { degree }]) => [id, degree]),
    [
      [1, 4],
      [2, 1],
      [3, 3],
      [4, 2],
      [5, 4],
      [6, 3],
      [7, 3],
      [8, 2],
      [9, 0],
    ],
  );
});

test('the bridge has the highest betweenness and the periphery none', () => {
  const metrics = networkMetrics(cooperationGraph(nodes, tiesOf(events)));
  const betweenness = (id: number): number => metrics.get(id)?.betweenness ?? Number.NaN;
  // All 12 paths between the groups run through 5, out of (9 - 1)(9 - 2) / 2 = 28 pairs.
  assert.equal(betweenness(bridge), 0.4286);
  for (const id of [...groupA, ...groupB, isolated]) {
    assert.ok(betweenness(id) < betweenness(bridge), `betweenness of ${id} should be below the bridge's`);
  }
  for (const id of [2, 4, 8, isolated]) assert.equal(betweenness(id), 0, `betweenness of ${id}`);
  // 1 carries every path of the leaf 2 (6) and half of those from 4 leaving the group (4 × 0.5).
  assert.equal(betweenness(1), 0.2857);
  assert.equal(betweenness(6), 0.0893);
});

test('an isolated organization has degree 0 and no community', () => {
  const metrics = networkMetrics(cooperationGraph(nodes, tiesOf(events)));
  assert.deepEqual(metrics.get(isolated), { degree: 0, betweenness: 0, community: null });
});

test('communities are deterministic and separate the two groups', () => {
  const first = networkMetrics(cooperationGraph(nodes, tiesOf(events)));
  const second = networkMetrics(cooperationGraph(nodes, tiesOf(events)));
  assert.deepEqual(first, second);

  const community = (id: number) => first.get(id)?.community;
  const a = community(1);
  const b = community(6);
  assert.equal(typeof a, 'number');
  assert.equal(typeof b, 'number');
  assert.notEqual(a, b);
  for (const id of groupA) assert.equal(community(id), a, `community of ${id}`);
  for (const id of groupB) assert.equal(community(id), b, `community of ${id}`);
  assert.ok([a, b].includes(community(bridge)), 'the bridge joins one of the two groups');
  // Renumbered from 0 in node order.
  assert.deepEqual(new Set([...first.values()].map((metrics) => metrics.community)), new Set([0, 1, null]));
  assert.equal(a, 0);
});

test('communities are seeded, so they agree even where the network leaves them open', () => {
  // A ring of twelve splits into arcs, and which arcs depends on Louvain's random order.
  const ring = Array.from({ length: 12 }, (_, index) => org(index + 1, `环链${index + 1}号储能科技有限公司`));
  const ringEvents = ring.map((node, index) =>
    event(100 + index, 'supplies', '2024-01-01', [node.id, ((index + 1) % ring.length) + 1]),
  );
  const runs = Array.from({ length: 5 }, () => networkMetrics(cooperationGraph(ring, tiesOf(ringEvents))));
  const communities = new Set([...(runs[0]?.values() ?? [])].map((metrics) => metrics.community));
  assert.ok(communities.size > 1, 'the ring is split');
  assert.equal(communities.has(null), false);
  for (const run of runs.slice(1)) assert.deepEqual(run, runs[0]);
});

test('a network without edges has metrics all zero and no communities', () => {
  const metrics = networkMetrics(
    cooperationGraph(nodes.slice(0, 3), tiesOf([event(1, 'supplies', null, [1, 999])])),
  );
  assert.deepEqual(
    [...metrics],
    [1, 2, 3].map((id) => [id, { degree: 0, betweenness: 0, community: null }]),
  );
});

test('neighbourhood grows by one partner step per depth and keeps the edges among its nodes', () => {
  const graph = cooperationGraph(nodes, tiesOf(events));
  assert.deepEqual(ids(neighbourhood(graph, 2, 0)), [2]);

  const one = neighbourhood(graph, 2, 1);
  assert.deepEqual(ids(one), [1, 2]);
  assert.deepEqual(pairs(one), ['1-2']);
  assert.deepEqual(edgeOf(one, 1, 2), edgeOf(graph, 1, 2));
  assert.equal(one.getNodeAttributes('1').name, '宁川动力电池股份有限公司');

  const two = neighbourhood(graph, 2, 2);
  assert.deepEqual(ids(two), [1, 2, 3, 4, 5]);
  assert.deepEqual(pairs(two), ['1-2', '1-3', '1-4', '1-5', '3-4', '3-5']);

  assert.deepEqual(ids(neighbourhood(graph, 2, 3)), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(ids(neighbourhood(graph, isolated, 2)), [isolated]);
  // The original graph is left as it was.
  assert.equal(graph.order, 9);
  assert.equal(graph.size, 11);
});

test('partnerPath crosses the bridge and is null when nothing joins the two', () => {
  const graph = cooperationGraph(nodes, tiesOf(events));
  assert.deepEqual(partnerPath(graph, 2, 6), [2, 1, bridge, 6]);
  assert.deepEqual(partnerPath(graph, 6, 2), [6, bridge, 1, 2]);
  const long = partnerPath(graph, 2, 8);
  assert.equal(long?.length, 5);
  assert.deepEqual(long?.slice(0, 3), [2, 1, bridge]);
  assert.ok(long !== null && [6, 7].includes(long[3] ?? 0));
  assert.equal(long?.[4], 8);
  assert.equal(partnerPath(graph, 2, isolated), null);
  assert.equal(partnerPath(graph, isolated, 6), null);
  assert.equal(partnerPath(graph, 2, 999), null);
});
