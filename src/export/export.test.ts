import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { cooperationGraph, type NetworkEvent, type NetworkNode, networkMetrics } from '../analyze/network.js';
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

const events: NetworkEvent[] = [
  { id: 201, type: 'supply', date: '2024-01-10', partyIds: [1, 2], sources: 2 },
  { id: 202, type: 'investment', date: '2023-06-01', partyIds: [2, 1], sources: 1 },
  { id: 203, type: 'joint_venture', date: null, partyIds: [1, 3, 4], sources: 1 },
  { id: 204, type: 'supply', date: '2024-03-03', partyIds: [4, 5], sources: 3 },
  { id: 205, type: 'strategic', date: '2024-04-04', partyIds: [5, 6], sources: 1 },
];

const graph = cooperationGraph(nodes, events);
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

/** The undirected edges of the fixture as sorted "a-b" keys. */
const EXPECTED_PAIRS = ['1-2', '1-3', '1-4', '3-4', '4-5', '5-6'];

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
  const parsed = parseGraphml(UndirectedGraph, toGraphml(graph, metrics));
  assert.equal(parsed.type, 'undirected');
  assert.equal(parsed.order, graph.order);
  assert.equal(parsed.size, graph.size);
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

  assert.deepEqual(
    parsed.mapEdges((_key, _attributes, source, target) => pairKey(source, target)).sort(),
    EXPECTED_PAIRS,
  );
  const edge = parsed.getEdgeAttributes(parsed.edge('1', '2') ?? '');
  assert.deepEqual(edge, {
    weight: 2,
    types: 'supply;investment',
    first_date: '2023-06-01',
    last_date: '2024-01-10',
    sources: 3,
    events: '201;202',
  });
  const joint = parsed.getEdgeAttributes(parsed.edge('3', '4') ?? '');
  assert.equal(joint.first_date, '');
  assert.equal(joint.weight, 1);
  assert.equal(typeof joint.sources, 'number');
});

test('GEXF is valid XML and round-trips through graphology-gexf with labels and weights', () => {
  const xml = toGexf(graph, metrics);
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = parseGexf(UndirectedGraph, xml);
  assert.equal(parsed.order, graph.order);
  assert.equal(parsed.size, graph.size);
  for (const node of nodes) {
    const label = parsed.getNodeAttribute(String(node.id), 'label');
    assert.equal(typeof label, 'string');
    // Whether the control character survives is covered by the test below; the markup must.
    assert.equal(withoutForbidden(label as string), withoutForbidden(node.name), `label of ${node.id}`);
    assert.equal(parsed.getNodeAttribute(String(node.id), 'degree'), measured(node.id).degree);
  }
  assert.equal(parsed.getNodeAttribute('3', 'label'), COMMA);
  assert.deepEqual(
    parsed.mapEdges((_key, _attributes, source, target) => pairKey(source, target)).sort(),
    EXPECTED_PAIRS,
  );
  const edge = parsed.getEdgeAttributes(parsed.edge('1', '2') ?? '');
  assert.equal(edge.weight, 2);
  assert.equal(edge.types, 'supply;investment');
  assert.equal(edge.events, '201;202');
  assert.equal(edge.sources, 3);
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
  assert.equal(edgeLines.length, 1 + graph.size + 1);
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
    parsedEdges.records.map((edge) => pairKey(edge.source ?? '', edge.target ?? '')).sort(),
    EXPECTED_PAIRS,
  );
  assert.deepEqual(
    parsedEdges.records.find((edge) => edge.source === '1' && edge.target === '2'),
    {
      source: '1',
      target: '2',
      weight: '2',
      types: 'supply;investment',
      first_date: '2023-06-01',
      last_date: '2024-01-10',
      sources: '3',
      events: '201;202',
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
  assert.equal(document.edges.length, graph.size);
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
    document.edges.find((edge) => edge.source === '1' && edge.target === '2'),
    {
      source: '1',
      target: '2',
      weight: 2,
      types: ['supply', 'investment'],
      first_date: '2023-06-01',
      last_date: '2024-01-10',
      sources: 3,
      events: [201, 202],
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
