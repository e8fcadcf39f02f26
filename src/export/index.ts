import type { CooperationGraph } from '../analyze/network.js';
import { toCsv } from './csv.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toJson } from './json.js';
import type { MetricsById } from './records.js';

export type ExportFormat = 'graphml' | 'gexf' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['graphml', 'gexf', 'csv', 'json'];

/** The files of an export: one for graphml, gexf and json; nodes.csv and edges.csv for csv. */
export function exportGraph(
  graph: CooperationGraph,
  metrics: MetricsById,
  format: ExportFormat,
): { name: string; content: string }[] {
  switch (format) {
    case 'graphml':
      return [{ name: 'liantu.graphml', content: toGraphml(graph, metrics) }];
    case 'gexf':
      return [{ name: 'liantu.gexf', content: toGexf(graph, metrics) }];
    case 'json':
      return [{ name: 'liantu.json', content: toJson(graph, metrics) }];
    case 'csv': {
      const { nodes, edges } = toCsv(graph, metrics);
      return [
        { name: 'nodes.csv', content: nodes },
        { name: 'edges.csv', content: edges },
      ];
    }
  }
}

export { NEO4J_LOAD } from './csv.js';
export type { MetricsById } from './records.js';
