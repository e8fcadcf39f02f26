import { MultiGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { CooperationGraph } from '../analyze/network.js';
import { type EdgeRecord, edgeRecords, type MetricsById, nodeRecords } from './records.js';
import { xmlChars } from './xml.js';

/**
 * The network as GEXF 1.3 for Gephi: labels, typed attributes, one edge per tie with its type and weight,
 * directed where the tie runs one way (a mixed graph).
 */
export function toGexf(graph: CooperationGraph, metrics: MetricsById): string {
  const records = new Map(nodeRecords(graph, metrics).map((record) => [record.id, record]));
  const ties = new MultiGraph<Record<string, never>, EdgeRecord>({ type: 'mixed', allowSelfLoops: false });
  graph.forEachNode((key) => ties.addNode(key));
  edgeRecords(graph).forEach((edge, index) => {
    if (edge.directed) ties.addDirectedEdgeWithKey(`t${index}`, edge.source, edge.target, edge);
    else ties.addUndirectedEdgeWithKey(`t${index}`, edge.source, edge.target, edge);
  });
  return write(ties, {
    version: '1.3',
    formatNode: (key) => {
      const { id: _id, label, ...attributes } = records.get(key) ?? { id: key, label: key };
      const safe = Object.fromEntries(
        Object.entries(attributes).map(([name, value]) => [
          name,
          typeof value === 'string' ? xmlChars(value) : value,
        ]),
      );
      return { label: xmlChars(label), attributes: safe };
    },
    formatEdge: (_key, edge) => ({
      weight: edge.weight,
      attributes: {
        type: edge.type,
        first_date: edge.first_date,
        last_date: edge.last_date,
        sources: edge.sources,
        events: edge.events,
      },
    }),
  });
}
