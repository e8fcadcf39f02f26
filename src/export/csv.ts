import type { CooperationGraph } from '../analyze/network.js';
import { EDGE_FIELDS, edgeRecords, type MetricsById, NODE_FIELDS, nodeRecords } from './records.js';

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table<Row extends object>(rows: readonly Row[], fields: readonly (keyof Row)[]): string {
  const lines = [fields.join(',')];
  for (const row of rows) lines.push(fields.map((name) => field(row[name] as string | number)).join(','));
  return `${lines.join('\n')}\n`;
}

/** nodes.csv and edges.csv with headers, for Neo4j `LOAD CSV WITH HEADERS`, spreadsheets and pandas. */
export function toCsv(graph: CooperationGraph, metrics: MetricsById): { nodes: string; edges: string } {
  return {
    nodes: table(nodeRecords(graph, metrics), NODE_FIELDS),
    edges: table(edgeRecords(graph), EDGE_FIELDS),
  };
}

/** The Cypher that loads the two files into Neo4j (put them in its import folder). */
export const NEO4J_LOAD = `LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (o:Organization {id: row.id})
SET o.name = row.label, o.type = row.type, o.province = row.province, o.city = row.city,
    o.segments = split(row.segments, ';'), o.degree = toInteger(row.degree),
    o.betweenness = toFloat(row.betweenness), o.community = row.community;
LOAD CSV WITH HEADERS FROM 'file:///edges.csv' AS row
MATCH (a:Organization {id: row.source}), (b:Organization {id: row.target})
MERGE (a)-[r:COOPERATES_WITH]-(b)
SET r.weight = toInteger(row.weight), r.types = split(row.types, ';'), r.first_date = row.first_date,
    r.last_date = row.last_date, r.sources = toInteger(row.sources), r.events = split(row.events, ';');`;
