import type { CooperationGraph } from '../analyze/network.js';
import { edgeRecords, type MetricsById, nodeRecords } from './records.js';

/** The cooperation network as one JSON document: nodes and edges with lists kept as arrays. */
export function toJson(graph: CooperationGraph, metrics: MetricsById): string {
  return `${JSON.stringify(networkJson(graph, metrics), null, 2)}\n`;
}

/** The cooperation network as a JSON value (what `toJson` writes). */
export function networkJson(graph: CooperationGraph, metrics: MetricsById) {
  const nodes = nodeRecords(graph, metrics).map((node) => ({
    ...node,
    segments: node.segments ? node.segments.split(';') : [],
    community: node.community === '' ? null : Number(node.community),
  }));
  const edges = edgeRecords(graph).map((edge) => ({
    ...edge,
    first_date: edge.first_date || null,
    last_date: edge.last_date || null,
    events: edge.events.split(';').map(Number),
  }));
  return { nodes, edges };
}
