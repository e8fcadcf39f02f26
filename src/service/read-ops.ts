import { latestDate } from '../analyze/alerts.js';
import { chainCounts } from '../analyze/coverage.js';
import { diagnose } from '../analyze/diagnose.js';
import { regionReport } from '../analyze/region-report.js';
import type { Diagnosis, RegionReport } from '../analyze/types.js';
import { queryTokens } from '../annotate/segment.js';
import { lastDayOf, type PartialDate, today } from '../domain/dates.js';
import type { Region } from '../domain/graph.js';
import { type Severity, severitiesFrom } from '../domain/severity.js';
import type { EntitySummary, MergedEventQuery, MergedEventSummary, StoredEvent } from '../store/types.js';
import { requireGraph, type ServiceContext } from './context.js';

export { requireGraph } from './context.js';

import { LiantuError } from './errors.js';
import { findEntities, regionOf, segmentNodes } from './lookup.js';
import { entityProfile } from './profile.js';

/** Merged events as front ends ask for them: an organization by any of its names, dates as YYYY[-MM[-DD]]. */
export interface EventsQuery {
  type?: string;
  org?: string;
  since?: PartialDate;
  until?: PartialDate;
  place?: string;
  limit?: number;
  offset?: number;
}

/** The merged events a query matches, newest first, and how many there are in all. */
export async function events(
  context: ServiceContext,
  query: EventsQuery,
): Promise<{ total: number; items: MergedEventSummary[] }> {
  await requireGraph(context);
  const { store, resources } = context;
  let entityIds: number[] | undefined;
  if (query.org) {
    entityIds = (await findEntities(store, resources.places, query.org, { kind: 'org' })).map(
      (entity) => entity.id,
    );
    if (entityIds.length === 0) return { total: 0, items: [] };
  }
  const filter: MergedEventQuery = {
    ...(query.type ? { type: query.type } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
    ...(query.place ? { place: query.place } : {}),
    ...(entityIds ? { entityIds } : {}),
  };
  const [total, items] = await Promise.all([
    store.graph.countMergedEvents(filter),
    store.graph.mergedEvents({ ...filter, limit: query.limit ?? 50, offset: query.offset ?? 0 }),
  ]);
  return { total, items };
}

/**
 * Events one report (one document's extraction) at a time, whether or not the graph is built: a party is
 * matched as written in the report.
 */
export async function reports(context: ServiceContext, query: EventsQuery = {}): Promise<StoredEvent[]> {
  return context.store.documents.events({ ...query, limit: query.limit ?? 50 });
}

/** Whether the knowledge graph was ever built (resolve), so that merged events and entities exist. */
export async function graphBuilt(context: ServiceContext): Promise<boolean> {
  return (await context.store.graph.lastBuild()) !== null;
}

/** How much a store holds: documents, near-duplicate clusters and extracted events. */
export async function storeCounts(context: ServiceContext) {
  const { documents } = context.store;
  const [stored, clusters, events] = await Promise.all([
    documents.count(),
    documents.countClusters(),
    documents.countEvents(),
  ]);
  return { documents: stored, clusters, events };
}

export async function event(context: ServiceContext, id: number): Promise<MergedEventSummary> {
  const [found] = await context.store.graph.mergedEvents({ ids: [id], limit: 1 });
  if (!found) throw new LiantuError('not-found', `no event ${id}`);
  return found;
}

/** The overview of a store: counts, events by month and type, the latest events and alerts. */
export async function overview(context: ServiceContext) {
  const { store } = context;
  const [documents, counts, byMonth, latestEvents, activeAlerts] = await Promise.all([
    store.documents.count(),
    store.graph.counts(),
    store.graph.eventsByMonth(),
    store.graph.mergedEvents({ limit: 10 }),
    store.alerts.list({ limit: 10 }),
  ]);
  return { documents, ...counts, byMonth, latestEvents, activeAlerts };
}

export async function documents(
  context: ServiceContext,
  page: { limit?: number; offset?: number; clusterId?: number } = {},
) {
  const [total, clusters, items] = await Promise.all([
    context.store.documents.count(),
    context.store.documents.countClusters(),
    context.store.documents.list(page),
  ]);
  return { total, clusters, items };
}

export async function document(context: ServiceContext, id: number) {
  const found = await context.store.documents.get(id);
  if (!found) throw new LiantuError('not-found', `no document ${id}`);
  return found;
}

export async function search(context: ServiceContext, text: string, limit = 20) {
  return context.store.documents.search({ text, words: queryTokens(text), limit });
}

/** Organizations (or people) as listed: by a name, or by type, region and chain segment. */
export async function entities(
  context: ServiceContext,
  query: {
    q?: string;
    kind?: 'org' | 'person';
    type?: string;
    region?: string | Region;
    segment?: string;
    limit?: number;
    offset?: number;
  },
): Promise<EntitySummary[]> {
  await requireGraph(context);
  const { store, resources } = context;
  if (query.q) return findEntities(store, resources.places, query.q, query.kind ? { kind: query.kind } : {});
  const region = query.region ? regionOf(query.region, resources.places) : null;
  return store.graph.listEntities({
    kind: query.kind ?? 'org',
    ...(query.type ? { type: query.type } : {}),
    ...(region ? { province: region.province, city: region.city } : {}),
    ...(query.segment ? { segmentNodes: segmentNodes(query.segment, resources.taxonomy) } : {}),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.offset !== undefined ? { offset: query.offset } : {}),
  });
}

/**
 * The entity a name means (or `#12`, an id): the best of those it may mean, and the others, for a front end to
 * name. An error when it means none.
 */
export async function pickEntity(
  context: ServiceContext,
  name: string,
  kind?: 'org' | 'person',
): Promise<{ entity: EntitySummary; others: EntitySummary[] }> {
  await requireGraph(context);
  const byId = /^#(\d+)$/u.exec(name.trim());
  if (byId) {
    const entity = await context.store.graph.entity(Number(byId[1]));
    if (!entity) throw new LiantuError('not-found', `no entity ${name}`);
    return { entity, others: [] };
  }
  const [entity, ...others] = await findEntities(
    context.store,
    context.resources.places,
    name,
    kind ? { kind } : {},
  );
  if (!entity)
    throw new LiantuError(
      'not-found',
      `no ${kind === 'person' ? 'person' : 'entity'} named "${name}" (liantu entities lists them)`,
    );
  return { entity, others };
}

export async function profile(context: ServiceContext, idOrEntity: number | EntitySummary) {
  await requireGraph(context);
  const entity = typeof idOrEntity === 'number' ? await context.store.graph.entity(idOrEntity) : idOrEntity;
  if (!entity) throw new LiantuError('not-found', `no entity ${String(idOrEntity)}`);
  return entityProfile(context.store, context.resources.taxonomy, entity);
}

/** The chain tree with the organizations and events attached to each node, of a region or of the corpus. */
export async function chain(context: ServiceContext, regionText?: string | Region) {
  await requireGraph(context);
  const { store, resources } = context;
  const region = regionText ? regionOf(regionText, resources.places) : null;
  const attached = await store.graph.chainAttachments(region);
  const ids = [...new Set([...attached.entities.values()].flat())];
  const names = new Map<number, string>();
  for (const id of ids) names.set(id, (await store.graph.entity(id))?.name ?? String(id));
  return { region, nodes: chainCounts(resources.taxonomy, attached, names) };
}

/** The end of a trend: the date given (its last day), else the corpus's latest event, else today. */
async function trendEnd(context: ServiceContext, now?: PartialDate): Promise<string> {
  if (now) return lastDayOf(now);
  return latestDate(await context.store.graph.snapshot()) ?? today();
}

/** A region's chain diagnosis against the whole corpus. */
export async function diagnosis(
  context: ServiceContext,
  regionText: string | Region,
  now?: PartialDate,
): Promise<Diagnosis> {
  await requireGraph(context);
  const { resources } = context;
  const region = regionOf(regionText, resources.places);
  const snapshot = await context.store.graph.snapshot();
  return diagnose(snapshot, resources.taxonomy, region, { now: await trendEnd(context, now) });
}

/** What a region report shows: the diagnosis, the region's alerts, its timeline and counts. */
export async function report(
  context: ServiceContext,
  region: Region,
  now?: PartialDate,
): Promise<RegionReport> {
  const found = await diagnosis(context, region, now);
  const [snapshot, alerts] = await Promise.all([
    context.store.graph.snapshot(),
    context.store.alerts.list({ limit: Number.MAX_SAFE_INTEGER }),
  ]);
  return regionReport(snapshot, found, alerts, region);
}

/** Stored alerts, newest first: about events since a date, of one rule, at least of a severity. */
export async function alerts(
  context: ServiceContext,
  query: { since?: PartialDate; rule?: string; severity?: Severity; limit?: number } = {},
) {
  return context.store.alerts.list({
    ...(query.since ? { since: query.since } : {}),
    ...(query.rule ? { rule: query.rule } : {}),
    ...(query.severity ? { severities: severitiesFrom(query.severity) } : {}),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
  });
}
