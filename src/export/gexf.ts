import { write } from 'graphology-gexf';
import type { CooperationGraph } from '../analyze/network.js';
import { type MetricsById, nodeRecords } from './records.js';
import { xmlChars } from './xml.js';

/** The cooperation network as GEXF 1.3 for Gephi: labels, typed attributes, edge weights. */
export function toGexf(graph: CooperationGraph, metrics: MetricsById): string {
  const records = new Map(nodeRecords(graph, metrics).map((record) => [record.id, record]));
  return write(graph, {
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
        types: xmlChars(edge.types.join(';')),
        first_date: edge.firstDate ?? '',
        last_date: edge.lastDate ?? '',
        sources: edge.sources,
        events: edge.events.join(';'),
      },
    }),
  });
}
