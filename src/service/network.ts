import { type CooperationGraph, cooperationGraph } from '../analyze/network.js';
import type { MetricsById } from '../export/index.js';
import type { StoreApi } from '../store/types.js';

/** The stored cooperation network, with the metrics the last resolution computed. */
export async function storedNetwork(
  store: StoreApi,
): Promise<{ graph: CooperationGraph; metrics: MetricsById }> {
  const { nodes, events } = await store.graph.network();
  const graph = cooperationGraph(nodes, events);
  const metrics = new Map(
    (await store.graph.listEntities({ kind: 'org', limit: Number.MAX_SAFE_INTEGER })).map((entity) => [
      entity.id,
      { degree: entity.degree, betweenness: entity.betweenness, community: entity.community },
    ]),
  );
  return { graph, metrics };
}
