import { neighbourhood, partnerPath } from '../analyze/network.js';
import { lastDayOf, type PartialDate } from '../domain/dates.js';
import type { Region } from '../domain/graph.js';
import { networkJson } from '../export/json.js';
import { requireGraph, type ServiceContext } from './context.js';
import { LiantuError } from './errors.js';
import { regionOf, segmentNodes } from './lookup.js';
import { storedNetwork } from './network.js';

/** The cooperation network, whole (for exports and paths), with the metrics of the last resolution. */
export async function network(context: ServiceContext) {
  await requireGraph(context);
  return storedNetwork(context);
}

/** The part of the network a front end shows: around an entity, and within a segment, a region and dates. */
export async function graphView(
  context: ServiceContext,
  query: {
    entity?: number;
    depth?: number;
    segment?: string;
    region?: string | Region;
    since?: PartialDate;
    until?: PartialDate;
  },
) {
  const { graph, metrics } = await network(context);
  const { resources } = context;
  let view = graph;
  if (query.entity !== undefined) {
    if (!graph.hasNode(String(query.entity)))
      throw new LiantuError('not-found', `no organization ${query.entity} in the network`);
    view = neighbourhood(graph, query.entity, query.depth ?? 1);
  }
  const nodes = query.segment ? new Set(segmentNodes(query.segment, resources.taxonomy)) : null;
  const region = query.region ? regionOf(query.region, resources.places) : null;
  const filtered = view.copy();
  filtered.forEachNode((key, node) => {
    const keep =
      (!nodes || node.segments.some((segment) => nodes.has(segment))) &&
      (!region || (node.province === region.province && (region.city === null || node.city === region.city)));
    if (!keep && key !== String(query.entity)) filtered.dropNode(key);
  });
  const { since, until } = query;
  if (since || until) {
    const last = until ? lastDayOf(until) : null;
    filtered.forEachEdge((edge, attributes) => {
      const tooOld = since && (!attributes.lastDate || attributes.lastDate < since);
      const tooNew = last && (!attributes.firstDate || attributes.firstDate > last);
      if (tooOld || tooNew) filtered.dropEdge(edge);
    });
  }
  return networkJson(filtered, metrics);
}

/** One tie of a path: two partners and the merged events that tie them. */
export interface PathHop {
  from: { id: number; name: string };
  to: { id: number; name: string };
  events: { id: number; type: string; date: string | null; sources: number; evidence: string | null }[];
}

/** How two organizations connect: the shortest chain of partners (null when none), each tie with its events. */
export async function path(
  context: ServiceContext,
  fromId: number,
  toId: number,
): Promise<{ connected: boolean; hops: PathHop[] }> {
  const { graph } = await network(context);
  const ids = partnerPath(graph, fromId, toId);
  if (!ids) return { connected: false, hops: [] };
  const nameOf = (id: number) => graph.getNodeAttribute(String(id), 'name');
  const hops: PathHop[] = [];
  for (let index = 1; index < ids.length; index++) {
    const [from, to] = [ids[index - 1] as number, ids[index] as number];
    const tie = graph.getEdgeAttributes(String(from), String(to));
    const events = await context.store.graph.mergedEvents({ ids: tie.events, limit: tie.events.length });
    hops.push({
      from: { id: from, name: nameOf(from) },
      to: { id: to, name: nameOf(to) },
      events: events.map((event) => ({
        id: event.id,
        type: event.type,
        date: event.date,
        sources: event.sources.length,
        evidence: event.evidence[0]?.text ?? null,
      })),
    });
  }
  return { connected: true, hops };
}
