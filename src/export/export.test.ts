import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { cooperationGraph, type NetworkNode, type NetworkTie, networkMetrics } from '../analyze/network.js';
import { toCsv } from './csv.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { EXPORT_FORMATS, exportGraph, NEO4J_LOAD } from './index.js';
import { toJson } from './json.js';
import { EDGE_FIELDS, NODE_FIELDS } from './records.js';

const MARKUP = '华曜<汽车> & "新能源"\u0007有限公司';
const COMMA = '青岚换电, "蓝"科技有限公司';

const nodes: NetworkNode[] = [
  {
    id: 1,
    name: '宁川动力电池股份有限公司',
    type: 'company',
    province: '福建省',
    city: '宁德市',
    segments: ['cells', 'bms'],
  },
  { id: 2, name: MARKUP, type: 'company', province: '上海市', city: null, segments: ['vehicles'] },
  { id: 3, name: COMMA, type: 'company', province: '浙江省', city: '杭州市', segments: ['swapping'] },
  { id: 4, name: '中储能源控股有限公司', type: 'company', province: null, city: null, segments: [] },
  {
    id: 5,
    name: '北辰储能科技有限公司',
    type: 'company',
    province: '江苏省',
    city: '常州市',
    segments: ['storage'],
  },
  {
    id: 6,
    name: '星河光伏股份有限公司',
    type: 'company',
    province: '江苏省',
    city: '无锡市',
    segments: ['pv'],
  },
  {
    id: 7,
    name: '孤峰新材料有限公司',
    type: 'institute',
    province: null,
    city: null,
    segments: ['materials'],
  },
];

const tie = (
  id: number,
  type: NetworkTie['type'],
  [from, to]: [number, number],
  event: number,
  date: string | null,
  sources = 1,
): NetworkTie => ({
  id,
  type,
  from,
  to,
  directed: type !== 'cooperates',
  events: [event],
  firstDate: date,
  lastDate: date,
  sources,
});

/** 1 supplies 2 and 2 invests in 1 (two ties, one pair); a three-party cooperation; a supply and a cooperation. */
const ties: NetworkTie[] = [
  tie(1, 'supplies', [1, 2], 201, '2024-01-10', 2),
  tie(2, 'invests_in', [2, 1], 202, '2023-06-01'),
  tie(3, 'cooperates', [1, 3], 203, null),
  tie(4, 'cooperates', [1, 4], 203, null),
  tie(5, 'cooperates', [3, 4], 203, null),
  tie(6, 'supplies', [4, 5], 204, '2024-03-03', 3),
  tie(7, 'cooperates', [5, 6], 205, '2024-04-04'),
];

const graph = cooperationGraph(nodes, ties);
const metrics = networkMetrics(graph);

/** The characters XML 1.0 does not allow anywhere in a document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the exports must not hold.
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
const withoutForbidden = (text: string): string => text.replace(new RegExp(FORBIDDEN_IN_XML, 'gu'), '');
const forbiddenIn = (text: string): string[] => text.match(new RegExp(FORBIDDEN_IN_XML, 'gu')) ?? [];

const measured = (id: number) => {
  const value = metrics.get(id);
  assert.ok(value, `no metrics for ${id}`);
  return value;
};

/** The pairs of the fixture as sorted "a-b" keys, and its ties as "type from>to" (undirected: "type a-b"). */
const EXPECTED_PAIRS = ['1-2', '1-3', '1-4', '3-4', '4-5', '5-6'];
const EXPECTED_TIES = [
  'cooperates 1-3',
  'cooperates 1-4',
  'cooperates 3-4',
  'cooperates 5-6',
  'invests_in 2>1',
  'supplies 1>2',
  'supplies 4>5',
];

const tieKey = (type: unknown, source: string, target: string, directed: boolean): string =>
  directed ? `${String(type)} ${source}>${target}` : `${String(type)} ${pairKey(source, target)}`;

/** The directed edge from one node to another in a parsed graph. */
const directedFrom = (parsed: MultiGraph, from: string, to: string): string =>
  parsed.findEdge(
    (key, _attributes, source, target) => parsed.isDirected(key) && source === from && target === to,
  ) ?? '';

/** The parsed graph's edges as tie keys. */
const parsedTies = (parsed: MultiGraph): string[] =>
  parsed
    .mapEdges((key, attributes, source, target) =>
      tieKey(attributes.type, source, target, parsed.isDirected(key)),
    )
    .sort();

const pairKey = (source: string, target: string): string =>
  [Number(source), Number(target)].sort((a, b) => a - b).join('-');

/** RFC 4180: fields separated by commas, quoted ones may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      assert.equal(field, '', 'a quote may only open a field');
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  assert.ok(row.length === 0 && field === '', 'the last record ends with a line break');
  return rows;
}

/** The parsed rows as objects keyed by the header. */
function csvObjects(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(text);
  assert.ok(header);
  for (const row of rows) assert.equal(row.length, header.length, `row ${row.join('|')} has the wrong width`);
  return {
    header,
    records: rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']))),
  };
}

test('the fixture has the shape the export tests rely on', () => {
  assert.equal(graph.order, 7);
  assert.deepEqual(
    graph.mapEdges((_key, _attributes, source, target) => pairKey(source, target)).sort(),
    EXPECTED_PAIRS,
  );
  assert.equal(measured(7).community, null);
  assert.equal(typeof measured(1).community, 'number');
});

test('GraphML is well-formed XML, escaping markup and dropping control characters', () => {
  const xml = toGraphml(graph, metrics);
  assert.equal(XMLValidator.validate(xml), true);
  assert.deepEqual(forbiddenIn(xml), []);
  assert.ok(xml.includes('华曜&lt;汽车&gt; &amp; &quot;新能源&quot;有限公司'), 'markup characters escaped');
  // The check can fail: a raw ampersand is not XML.
  assert.notEqual(XMLValidator.validate(xml.replace('&amp;', '&')), true);
});

test('GraphML round-trips through graphology-graphml with labels and typed attributes', () => {
  const parsed = parseGraphml(MultiGraph, toGraphml(graph, metrics));
  assert.equal(parsed.type, 'mixed');
  assert.equal(parsed.order, graph.order);
  assert.equal(parsed.size, ties.length);
  assert.deepEqual(parsed.nodes().sort(), graph.nodes().sort());

  for (const node of nodes) {
    const attributes = parsed.getNodeAttributes(String(node.id));
    assert.equal(attributes.label, withoutForbidden(node.name), `label of ${node.id}`);
    assert.equal(attributes.type, node.type);
    assert.equal(attributes.province, node.province ?? '');
    assert.equal(attributes.city, node.city ?? '');
    assert.equal(attributes.segments, node.segments.join(';'));
    assert.equal(typeof attributes.degree, 'number');
    assert.equal(attributes.degree, measured(node.id).degree);
    assert.equal(typeof attributes.betweenness, 'number');
    assert.equal(attributes.betweenness, measured(node.id).betweenness);
    const community = measured(node.id).community;
    assert.equal(attributes.community, community === null ? '' : String(community));
  }
  assert.equal(parsed.getNodeAttribute('2', 'label'), '华曜<汽车> & "新能源"有限公司');
  assert.equal(parsed.getNodeAttribute('3', 'label'), COMMA);

  assert.deepEqual(parsedTies(parsed), EXPECTED_TIES);
  const supply = parsed.getEdgeAttributes(directedFrom(parsed, '1', '2'));
  assert.deepEqual(supply, {
    type: 'supplies',
    weight: 1,
    first_date: '2024-01-10',
    last_date: '2024-01-10',
    sources: 2,
    events: '201',
  });
  const joint = parsed.getEdgeAttributes(parsed.undirectedEdges('3', '4')[0] ?? '');
  assert.equal(joint.type, 'cooperates');
  assert.equal(joint.first_date, '');
  assert.equal(joint.weight, 1);
  assert.equal(typeof joint.sources, 'number');
});

test('GEXF is valid XML and round-trips through graphology-gexf with labels and weights', () => {
  const xml = toGexf(graph, metrics);
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = parseGexf(MultiGraph, xml);
  assert.equal(parsed.order, graph.order);
  assert.equal(parsed.size, ties.length);
  for (const node of nodes) {
    const label = parsed.getNodeAttribute(String(node.id), 'label');
    assert.equal(typeof label, 'string');
    // Whether the control character survives is covered by the test below; the markup must.
    assert.equal(withoutForbidden(label as string), withoutForbidden(node.name), `label of ${node.id}`);
    assert.equal(parsed.getNodeAttribute(String(node.id), 'degree'), measured(node.id).degree);
  }
  assert.equal(parsed.getNodeAttribute('3', 'label'), COMMA);
  assert.deepEqual(parsedTies(parsed), EXPECTED_TIES);
  const edge = parsed.getEdgeAttributes(directedFrom(parsed, '2', '1'));
  assert.equal(edge.weight, 1);
  assert.equal(edge.type, 'invests_in');
  assert.equal(edge.events, '202');
  assert.equal(edge.sources, 1);
});

test('GEXF holds no character XML 1.0 forbids', () => {
  assert.deepEqual(forbiddenIn(toGexf(graph, metrics)), []);
});

test('CSV headers are the record fields, one line per node and edge', () => {
  const { nodes: nodesCsv, edges: edgesCsv } = toCsv(graph, metrics);
  const nodeLines = nodesCsv.split('\n');
  const edgeLines = edgesCsv.split('\n');
  assert.equal(nodeLines[0], NODE_FIELDS.join(','));
  assert.equal(edgeLines[0], EDGE_FIELDS.join(','));
  // Header, one line each, and the empty string after the final line break.
  assert.equal(nodeLines.length, 1 + graph.order + 1);
  assert.equal(edgeLines.length, 1 + ties.length + 1);
  assert.equal(nodeLines.at(-1), '');
  assert.equal(edgeLines.at(-1), '');
});

test('CSV quotes fields with commas and quotes as RFC 4180 says and parses back', () => {
  const { nodes: nodesCsv, edges: edgesCsv } = toCsv(graph, metrics);
  const lines = nodesCsv.split('\n');
  assert.ok(
    lines.includes(
      `3,"青岚换电, ""蓝""科技有限公司",company,浙江省,杭州市,swapping,2,0,${measured(3).community}`,
    ),
  );
  assert.ok(lines.some((line) => line.startsWith(`2,"华曜<汽车> & ""新能源""\u0007有限公司",company,`)));
  // Plain fields stay unquoted.
  assert.ok(
    lines.some((line) => line.startsWith('1,宁川动力电池股份有限公司,company,福建省,宁德市,cells;bms,')),
  );

  const parsedNodes = csvObjects(nodesCsv);
  assert.deepEqual(parsedNodes.header, [...NODE_FIELDS]);
  assert.deepEqual(
    parsedNodes.records,
    nodes.map((node) => ({
      id: String(node.id),
      label: node.name,
      type: node.type,
      province: node.province ?? '',
      city: node.city ?? '',
      segments: node.segments.join(';'),
      degree: String(measured(node.id).degree),
      betweenness: String(measured(node.id).betweenness),
      community: measured(node.id).community === null ? '' : String(measured(node.id).community),
    })),
  );

  const parsedEdges = csvObjects(edgesCsv);
  assert.deepEqual(parsedEdges.header, [...EDGE_FIELDS]);
  assert.deepEqual(
    parsedEdges.records
      .map((edge) => tieKey(edge.type, edge.source ?? '', edge.target ?? '', edge.directed === 'true'))
      .sort(),
    EXPECTED_TIES,
  );
  assert.deepEqual(
    parsedEdges.records.find((edge) => edge.source === '1' && edge.target === '2'),
    {
      source: '1',
      target: '2',
      type: 'supplies',
      directed: 'true',
      weight: '1',
      first_date: '2024-01-10',
      last_date: '2024-01-10',
      sources: '2',
      events: '201',
    },
  );
  assert.equal(
    parsedEdges.records.find((edge) => edge.source === '3' && edge.target === '4')?.first_date,
    '',
  );
});

test('CSV without stored metrics falls back to the degree in the graph', () => {
  const { records } = csvObjects(toCsv(graph, new Map()).nodes);
  assert.deepEqual(
    records.map((record) => [record.id, record.degree, record.betweenness, record.community]),
    [
      ['1', '3', '0', ''],
      ['2', '1', '0', ''],
      ['3', '2', '0', ''],
      ['4', '3', '0', ''],
      ['5', '2', '0', ''],
      ['6', '1', '0', ''],
      ['7', '0', '0', ''],
    ],
  );
});

test('the Neo4j script loads nodes.csv and edges.csv using every header field', () => {
  const [nodePart, edgePart] = NEO4J_LOAD.split("LOAD CSV WITH HEADERS FROM 'file:///edges.csv'");
  assert.ok(nodePart?.includes("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'"));
  assert.ok(edgePart !== undefined, 'the script loads edges.csv');
  const used = (part: string): Set<string> =>
    new Set([...part.matchAll(/\brow\.(\w+)/g)].map((match) => match[1] ?? ''));
  assert.deepEqual(used(nodePart ?? ''), new Set(NODE_FIELDS));
  assert.deepEqual(used(edgePart), new Set(EDGE_FIELDS));
});

test('JSON keeps lists as arrays and has null where there is no community or date', () => {
  const document = JSON.parse(toJson(graph, metrics)) as {
    nodes: Record<string, unknown>[];
    edges: Record<string, unknown>[];
  };
  assert.equal(document.nodes.length, graph.order);
  assert.equal(document.edges.length, ties.length);
  const node = (id: number) => document.nodes.find((candidate) => candidate.id === String(id));

  assert.deepEqual(node(1)?.segments, ['cells', 'bms']);
  assert.deepEqual(node(4)?.segments, []);
  assert.equal(node(2)?.label, MARKUP);
  assert.equal(node(3)?.label, COMMA);
  assert.equal(node(7)?.community, null);
  assert.equal(node(7)?.degree, 0);
  assert.equal(node(1)?.community, measured(1).community);
  assert.equal(typeof node(1)?.community, 'number');
  assert.equal(node(4)?.betweenness, measured(4).betweenness);

  assert.deepEqual(
    document.edges.find((edge) => edge.source === '2' && edge.target === '1'),
    {
      source: '2',
      target: '1',
      type: 'invests_in',
      directed: true,
      weight: 1,
      first_date: '2023-06-01',
      last_date: '2023-06-01',
      sources: 1,
      events: [202],
    },
  );
  const joint = document.edges.find((edge) => edge.source === '1' && edge.target === '3');
  assert.equal(joint?.first_date, null);
  assert.equal(joint?.last_date, null);
  assert.deepEqual(joint?.events, [203]);
});

test('exportGraph writes one file per format, two for CSV', () => {
  assert.deepEqual(
    exportGraph(graph, metrics, 'graphml').map((file) => file.name),
    ['liantu.graphml'],
  );
  assert.deepEqual(
    exportGraph(graph, metrics, 'gexf').map((file) => file.name),
    ['liantu.gexf'],
  );
  assert.deepEqual(
    exportGraph(graph, metrics, 'json').map((file) => file.name),
    ['liantu.json'],
  );
  const csv = toCsv(graph, metrics);
  assert.deepEqual(exportGraph(graph, metrics, 'csv'), [
    { name: 'nodes.csv', content: csv.nodes },
    { name: 'edges.csv', content: csv.edges },
  ]);
  assert.equal(exportGraph(graph, metrics, 'graphml')[0]?.content, toGraphml(graph, metrics));
  assert.equal(exportGraph(graph, metrics, 'gexf')[0]?.content, toGexf(graph, metrics));
  assert.equal(exportGraph(graph, metrics, 'json')[0]?.content, toJson(graph, metrics));
  assert.deepEqual(
    EXPORT_FORMATS.map((format) => exportGraph(graph, metrics, format).length),
    [1, 1, 2, 1],
  );
});
