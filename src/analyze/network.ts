import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { earlier, later } from '../domain/dates.js';
import { seededRandom } from '../random.js';
import { betweennessCentrality, louvain } from './graphology-cjs.js';

export type { NetworkEvent, NetworkNode } from '../domain/snapshot.js';

import type { ResolvedCorpus } from '../domain/graph.js';
import type { NetworkEvent, NetworkNode } from '../domain/snapshot.js';

export interface NodeAttributes extends Omit<NetworkNode, 'id'> {
  id: number;
}

/** Every event two organizations share, summed into one edge. */
export interface EdgeAttributes {
  weight: number;
  events: number[];
  types: string[];
  firstDate: string | null;
  lastDate: string | null;
  sources: number;
}

export type CooperationGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

const nodeKey = (id: number): string => String(id);

/** The cooperation network: organizations that are parties to one event are joined, one edge per pair. */
export function cooperationGraph(
  nodes: readonly NetworkNode[],
  events: readonly NetworkEvent[],
): CooperationGraph {
  const graph: CooperationGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of nodes) graph.addNode(nodeKey(node.id), { ...node });
  for (const event of events) {
    const parties = [...new Set(event.partyIds)].filter((id) => graph.hasNode(nodeKey(id)));
    for (const [index, a] of parties.entries()) {
      for (const b of parties.slice(index + 1)) {
        const [source, target] = [nodeKey(Math.min(a, b)), nodeKey(Math.max(a, b))];
        const edge = graph.edge(source, target);
        if (edge === undefined) {
          graph.addEdge(source, target, {
            weight: 1,
            events: [event.id],
            types: [event.type],
            firstDate: event.date,
            lastDate: event.date,
            sources: event.sources,
          });
          continue;
        }
        graph.updateEdgeAttributes(edge, (attributes) => ({
          weight: attributes.weight + 1,
          events: [...attributes.events, event.id],
          types: attributes.types.includes(event.type) ? attributes.types : [...attributes.types, event.type],
          firstDate: earlier(attributes.firstDate, event.date),
          lastDate: later(attributes.lastDate, event.date),
          sources: attributes.sources + event.sources,
        }));
      }
    }
  }
  return graph;
}

export interface Metrics {
  degree: number;
  betweenness: number;
  community: number | null;
}

/** Degree (partners), normalised betweenness, and Louvain communities (seeded, so runs agree) per organization. */
export function networkMetrics(graph: CooperationGraph): Map<number, Metrics> {
  const betweenness = graph.size
    ? betweennessCentrality(graph, { normalized: true, getEdgeWeight: null })
    : {};
  const communities = graph.size
    ? louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(20_251_122) })
    : {};
  const renumbered = new Map<number, number>();
  const metrics = new Map<number, Metrics>();
  graph.forEachNode((key, attributes) => {
    const degree = graph.degree(key);
    const raw = communities[key];
    let community: number | null = null;
    if (degree > 0 && raw !== undefined) {
      if (!renumbered.has(raw)) renumbered.set(raw, renumbered.size);
      community = renumbered.get(raw) ?? null;
    }
    metrics.set(attributes.id, {
      degree,
      betweenness: Number((betweenness[key] ?? 0).toFixed(4)),
      community,
    });
  });
  return metrics;
}

/** The organizations within `depth` partner steps of one, with every edge among them. */
export function neighbourhood(graph: CooperationGraph, id: number, depth: number): CooperationGraph {
  const start = nodeKey(id);
  const keep = new Set<string>([start]);
  let frontier = [start];
  for (let step = 0; step < depth && frontier.length; step++) {
    const next: string[] = [];
    for (const key of frontier) {
      graph.forEachNeighbor(key, (neighbour) => {
        if (keep.has(neighbour)) return;
        keep.add(neighbour);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  const sub: CooperationGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const key of keep) sub.addNode(key, { ...graph.getNodeAttributes(key) });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (keep.has(source) && keep.has(target)) sub.addEdge(source, target, { ...attributes });
  });
  return sub;
}

/** The shortest chain of partners from one organization to another (ids), or null when none joins them. */
export function partnerPath(graph: CooperationGraph, from: number, to: number): number[] | null {
  if (!graph.hasNode(nodeKey(from)) || !graph.hasNode(nodeKey(to))) return null;
  const path = bidirectional(graph, nodeKey(from), nodeKey(to));
  return path ? path.map(Number) : null;
}

/** The cooperation network of a resolved corpus: organizations with their region and segments, tied by events. */
export function corpusNetwork(corpus: ResolvedCorpus): CooperationGraph {
  return cooperationGraph(
    corpus.organizations.map((org) => ({
      id: org.id,
      name: org.name,
      type: org.type,
      province: org.region?.province ?? null,
      city: org.region?.city ?? null,
      segments: (corpus.orgLinks.get(org.id) ?? []).map((link) => link.node),
    })),
    corpus.events.map((event) => ({
      id: event.id,
      type: event.type,
      date: event.date,
      partyIds: event.parties.map((party) => party.entityId),
      sources: event.sources.length,
    })),
  );
}
