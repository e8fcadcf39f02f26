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

export interface EdgeRecord {
  source: string;
  target: string;
  weight: number;
  types: string;
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

export function edgeRecords(graph: CooperationGraph): EdgeRecord[] {
  return graph.mapEdges((_key, edge, source, target) => ({
    source,
    target,
    weight: edge.weight,
    types: edge.types.join(';'),
    first_date: edge.firstDate ?? '',
    last_date: edge.lastDate ?? '',
    sources: edge.sources,
    events: edge.events.join(';'),
  }));
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
  'weight',
  'types',
  'first_date',
  'last_date',
  'sources',
  'events',
];
