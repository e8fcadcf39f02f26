import { type CooperationGraph, cooperationGraph } from '../analyze/network.js';
import type { MetricsById } from '../export/index.js';
import type { Store } from '../store/store.js';

/** The stored cooperation network, with the metrics the last resolution computed. */
export function storedNetwork(store: Store): { graph: CooperationGraph; metrics: MetricsById } {
  const { nodes, events } = store.graph.network();
  const graph = cooperationGraph(nodes, events);
  const metrics = new Map(
    store.graph
      .listEntities({ kind: 'org', limit: Number.MAX_SAFE_INTEGER })
      .map((entity) => [
        entity.id,
        { degree: entity.degree, betweenness: entity.betweenness, community: entity.community },
      ]),
  );
  return { graph, metrics };
}
