import type { CooperationGraph } from '../analyze/network.js';
import {
  EDGE_FIELDS,
  type EdgeRecord,
  edgeRecords,
  type MetricsById,
  NODE_FIELDS,
  type NodeRecord,
  nodeRecords,
} from './records.js';
import { escapeXml } from './xml.js';

/** GraphML types per field: the metrics and counts are numbers, everything else text. */
const NODE_TYPES: Record<keyof NodeRecord, 'string' | 'int' | 'double'> = {
  id: 'string',
  label: 'string',
  type: 'string',
  province: 'string',
  city: 'string',
  segments: 'string',
  degree: 'int',
  betweenness: 'double',
  community: 'string',
};
const EDGE_TYPES: Record<keyof EdgeRecord, 'string' | 'int' | 'double'> = {
  source: 'string',
  target: 'string',
  type: 'string',
  directed: 'string',
  weight: 'double',
  first_date: 'string',
  last_date: 'string',
  sources: 'int',
  events: 'string',
};

/**
 * The network as GraphML (Gephi, yEd, Cytoscape, networkx): one edge per tie with its type, directed where the tie
 * runs one way (supplier → customer), attributes declared with types.
 */
export function toGraphml(graph: CooperationGraph, metrics: MetricsById): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const nodeFields = NODE_FIELDS.filter((field) => field !== 'id');
  const edgeFields = EDGE_FIELDS.filter(
    (field) => field !== 'source' && field !== 'target' && field !== 'directed',
  );
  for (const field of nodeFields) {
    lines.push(`  <key id="n_${field}" for="node" attr.name="${field}" attr.type="${NODE_TYPES[field]}"/>`);
  }
  for (const field of edgeFields) {
    lines.push(`  <key id="e_${field}" for="edge" attr.name="${field}" attr.type="${EDGE_TYPES[field]}"/>`);
  }
  lines.push('  <graph id="liantu" edgedefault="undirected">');
  for (const node of nodeRecords(graph, metrics)) {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const field of nodeFields)
      lines.push(`      <data key="n_${field}">${escapeXml(String(node[field]))}</data>`);
    lines.push('    </node>');
  }
  edgeRecords(graph).forEach((edge, index) => {
    lines.push(
      `    <edge id="e${index}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" directed="${edge.directed}">`,
    );
    for (const field of edgeFields)
      lines.push(`      <data key="e_${field}">${escapeXml(String(edge[field]))}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
