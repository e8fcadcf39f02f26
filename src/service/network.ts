import { type CooperationGraph, cooperationGraph } from '../analyze/network.js';
import type { MetricsById } from '../export/index.js';
import type { ServiceContext } from './context.js';

/** The cooperation network with the metrics its resolution computed. Shared between queries: do not mutate. */
export interface StoredNetwork {
  graph: CooperationGraph;
  metrics: MetricsById;
}

/**
 * The stored cooperation network, built from the store once per knowledge-graph build and kept while that
 * build is the latest (a resolve in this process or another one replaces it).
 */
export async function storedNetwork(context: ServiceContext): Promise<StoredNetwork> {
  const { store, cache } = context;
  const build = await store.graph.lastBuild();
  const key = JSON.stringify(build);
  if (cache.network?.key === key) return cache.network.value;
  const { nodes, ties } = await store.graph.network();
  const graph = cooperationGraph(nodes, ties);
  const metrics = new Map(
    (await store.graph.listEntities({ kind: 'org', limit: Number.MAX_SAFE_INTEGER })).map((entity) => [
      entity.id,
      { degree: entity.degree, betweenness: entity.betweenness, community: entity.community },
    ]),
  );
  const value = { graph, metrics };
  cache.network = { key, value };
  return value;
}
