import type { CooperationGraph } from '../analyze/network.js';

/** A node as the exports write it: scalars only, lists joined with `;`. */
export interface NodeRecord {
  id: string;
  label: string;
  type: string;
  province: string;
  city: string;
  segments: string;
  degree: number;
  betweenness: number;
  community: string;
}

/** A tie as the exports write it: from its source to its target when directed. */
export interface EdgeRecord {
  source: string;
  target: string;
  type: string;
  directed: boolean;
  weight: number;
  first_date: string;
  last_date: string;
  sources: number;
  events: string;
}

/** Network metrics by entity id, as the store holds them. */
export type MetricsById = ReadonlyMap<
  number,
  { degree: number; betweenness: number; community: number | null }
>;

export function nodeRecords(graph: CooperationGraph, metrics: MetricsById): NodeRecord[] {
  return graph.mapNodes((key, node) => {
    const measured = metrics.get(node.id);
    return {
      id: key,
      label: node.name,
      type: node.type,
      province: node.province ?? '',
      city: node.city ?? '',
      segments: node.segments.join(';'),
      degree: measured?.degree ?? graph.degree(key),
      betweenness: measured?.betweenness ?? 0,
      community:
        measured?.community === null || measured?.community === undefined ? '' : String(measured.community),
    };
  });
}

/** One record per tie (a pair of organizations may have several: a supply and a cooperation). */
export function edgeRecords(graph: CooperationGraph): EdgeRecord[] {
  return graph
    .mapEdges((_key, edge) =>
      edge.ties.map((tie) => ({
        source: String(tie.from),
        target: String(tie.to),
        type: tie.type,
        directed: tie.directed,
        weight: Math.max(1, tie.events.length),
        first_date: tie.firstDate ?? '',
        last_date: tie.lastDate ?? '',
        sources: tie.sources,
        events: tie.events.join(';'),
      })),
    )
    .flat();
}

export const NODE_FIELDS: readonly (keyof NodeRecord)[] = [
  'id',
  'label',
  'type',
  'province',
  'city',
  'segments',
  'degree',
  'betweenness',
  'community',
];
export const EDGE_FIELDS: readonly (keyof EdgeRecord)[] = [
  'source',
  'target',
  'type',
  'directed',
  'weight',
  'first_date',
  'last_date',
  'sources',
  'events',
];
