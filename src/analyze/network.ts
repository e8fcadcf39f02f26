import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { earlier, later } from '../domain/dates.js';
import { seededRandom } from '../random.js';
import { betweennessCentrality, louvain } from './graphology-cjs.js';

export type { NetworkNode, NetworkTie } from '../domain/snapshot.js';

import type { ResolvedCorpus, TieType } from '../domain/graph.js';
import type { NetworkNode, NetworkTie } from '../domain/snapshot.js';

export interface NodeAttributes extends Omit<NetworkNode, 'id'> {
  id: number;
}

/** Every tie between two organizations, summed into one edge. */
export interface EdgeAttributes {
  /** Events behind the ties (a tie an article only states counts one). */
  weight: number;
  events: number[];
  types: TieType[];
  /** Each tie with its own direction, events and dates (what the exports write one by one). */
  ties: NetworkTie[];
  firstDate: string | null;
  lastDate: string | null;
  /** Documents behind the ties. */
  sources: number;
}

export type CooperationGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

const nodeKey = (id: number): string => String(id);

/** The ties the chain's business runs on: what the metrics and the diagnosis read (not membership or hosting). */
export const BUSINESS_TIES: ReadonlySet<TieType> = new Set(['supplies', 'cooperates', 'invests_in']);

/** The network of typed ties: organizations joined by every tie between them, one edge per pair. */
export function cooperationGraph(
  nodes: readonly NetworkNode[],
  ties: readonly NetworkTie[],
): CooperationGraph {
  const graph: CooperationGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of nodes) graph.addNode(nodeKey(node.id), { ...node });
  for (const tie of ties) {
    if (tie.from === tie.to || !graph.hasNode(nodeKey(tie.from)) || !graph.hasNode(nodeKey(tie.to))) continue;
    const [source, target] = [nodeKey(Math.min(tie.from, tie.to)), nodeKey(Math.max(tie.from, tie.to))];
    const onEdge: NetworkTie = { ...tie, events: [...tie.events] };
    const weight = Math.max(1, tie.events.length);
    const edge = graph.edge(source, target);
    if (edge === undefined) {
      graph.addEdge(source, target, {
        weight,
        events: [...tie.events],
        types: [tie.type],
        ties: [onEdge],
        firstDate: tie.firstDate,
        lastDate: tie.lastDate,
        sources: tie.sources,
      });
      continue;
    }
    graph.updateEdgeAttributes(edge, (attributes) => ({
      weight: attributes.weight + weight,
      events: [...new Set([...attributes.events, ...tie.events])],
      types: attributes.types.includes(tie.type) ? attributes.types : [...attributes.types, tie.type],
      ties: [...attributes.ties, onEdge],
      firstDate: earlier(attributes.firstDate, tie.firstDate),
      lastDate: later(attributes.lastDate, tie.lastDate),
      sources: attributes.sources + tie.sources,
    }));
  }
  return graph;
}

/** The part of a network made of business ties only (supplies, cooperation, investment). */
export function businessNetwork(graph: CooperationGraph): CooperationGraph {
  const business = graph.copy();
  business.forEachEdge((edge, attributes) => {
    if (!attributes.types.some((type) => BUSINESS_TIES.has(type))) business.dropEdge(edge);
  });
  return business;
}

export interface Metrics {
  degree: number;
  betweenness: number;
  community: number | null;
}

/**
 * Degree (partners), normalised betweenness, and Louvain communities (seeded, so runs agree) per organization,
 * on the business ties: an alliance's members are not partners of each other, nor of their host.
 */
export function networkMetrics(network: CooperationGraph): Map<number, Metrics> {
  const graph = businessNetwork(network);
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

/** The network of a resolved corpus: organizations with their region and segments, joined by their ties. */
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
    corpus.ties.map((tie) => ({
      id: tie.id,
      type: tie.type,
      from: tie.from,
      to: tie.to,
      directed: tie.directed,
      events: tie.events,
      firstDate: tie.firstDate,
      lastDate: tie.lastDate,
      sources: tie.documents,
    })),
  );
}
