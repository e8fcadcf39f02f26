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
FOREACH (_ IN CASE WHEN row.type = 'supplies' THEN [1] ELSE [] END | MERGE (a)-[:SUPPLIES {directed: row.directed}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'cooperates' THEN [1] ELSE [] END | MERGE (a)-[:COOPERATES_WITH {directed: row.directed}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'invests_in' THEN [1] ELSE [] END | MERGE (a)-[:INVESTS_IN {directed: row.directed}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'member_of' THEN [1] ELSE [] END | MERGE (a)-[:MEMBER_OF {directed: row.directed}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'hosts' THEN [1] ELSE [] END | MERGE (a)-[:HOSTS {directed: row.directed}]->(b))
WITH a, b, row
MATCH (a)-[r]->(b) WHERE toLower(type(r)) STARTS WITH split(row.type, '_')[0]
SET r.weight = toInteger(row.weight), r.first_date = row.first_date, r.last_date = row.last_date,
    r.sources = toInteger(row.sources), r.events = split(row.events, ';');`;
