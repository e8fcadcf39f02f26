import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { latestDate } from '../analyze/alerts.js';
import { chainCounts } from '../analyze/coverage.js';
import { diagnose } from '../analyze/diagnose.js';
import { neighbourhood } from '../analyze/network.js';
import type { Gazetteer } from '../annotate/gazetteer.js';
import { queryTokens } from '../annotate/segment.js';
import { type ChainTaxonomy, findNode, subtree } from '../chain/taxonomy.js';
import { lastDayOf } from '../domain/dates.js';
import { networkJson } from '../export/json.js';
import type { Severity } from '../extract/types.js';
import { processDocument } from '../pipeline/document.js';
import { raiseAlerts } from '../pipeline/raise-alerts.js';
import { rebuildGraph } from '../pipeline/rebuild-graph.js';
import { storedNetwork } from '../queries/network.js';
import { entityProfile } from '../queries/profile.js';
import { contentHash } from '../read/hash.js';
import { parseRegion } from '../resolve/index.js';
import { nameKey } from '../resolve/names.js';
import type { Region } from '../resolve/types.js';
import { bundledResources, type Resources } from '../resources/index.js';
import type { Store } from '../store/store.js';
import { requireToken } from './auth.js';
import * as S from './schemas.js';
import { serveDashboard } from './static.js';

export interface ServerOptions {
  /** The lexicons, rules and models (the bundled ones unless given). */
  resources?: Resources;
  /** LIANTU_TOKEN: writes are enabled only when it is set, and need it. */
  token?: string;
  /** The built dashboard (dist/web). */
  webRoot: string;
}

class HttpError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const json = { 'application/json': { schema: S.Json } };
// Error bodies are { error, issues?: [{ field, message }] } (S.ErrorBody); documented loosely so handlers type-check.
const errors = {
  400: { description: 'invalid request: { error, issues: [{ field, message }] }', content: json },
  404: { description: 'not found: { error }', content: json },
};

function regionOf(text: string, places: Gazetteer, field = 'region'): Region {
  const region = parseRegion(text, places);
  if (!region) throw new HttpError(400, `"${text}" names no province or city`, field);
  return region;
}

function segmentNodes(text: string, taxonomy: ChainTaxonomy): string[] {
  const node = findNode(taxonomy, text);
  if (!node) throw new HttpError(400, `no chain node "${text}"`, 'segment');
  return subtree(taxonomy, node.id);
}

/** The HTTP API over one store, with the dashboard at /. Reads are open; writes need the token. */
export function createApp(store: Store, options: ServerOptions): OpenAPIHono {
  const resources = options.resources ?? bundledResources();
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({
        field: issue.path.join('.') || '(body)',
        message: issue.message,
      }));
      return c.json({ error: `invalid ${issues.map((issue) => issue.field).join(', ')}`, issues }, 400);
    },
  });
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json(
        {
          error: error.message,
          ...(error.field ? { issues: [{ field: error.field, message: error.message }] } : {}),
        },
        error.status,
      );
    }
    if (error instanceof HTTPException) {
      const message =
        error.status === 415 ? 'send the body as JSON (content-type: application/json)' : error.message;
      return c.json(
        { error: message, issues: [{ field: '(body)', message }] },
        error.status === 415 ? 415 : 400,
      );
    }
    process.stderr.write(`error: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}\n`);
    return c.json({ error: 'internal error (the server log has the details)' }, 500);
  });

  const needGraph = (): void => {
    if (!store.graph.lastBuild())
      throw new HttpError(404, 'the knowledge graph is not built yet: ingest something');
  };
  const writes = requireToken(options.token);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats',
      summary: 'Counts, events by month and type, latest events, active alerts',
      responses: { 200: { description: 'overview', content: json } },
    }),
    (c) => {
      const counts = store.graph.counts();
      return c.json({
        documents: store.countDocuments(),
        ...counts,
        byMonth: store.graph.eventsByMonth(),
        latestEvents: store.graph.mergedEvents({ limit: 10 }),
        activeAlerts: store.graph.listAlerts({ limit: 10 }),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Merged events, newest first',
      request: { query: S.EventsQuery },
      responses: { 200: { description: '{ total, items }', content: json }, ...errors },
    }),
    (c) => {
      const query = c.req.valid('query');
      const entityIds = query.org
        ? store.graph
            .findEntities(query.org, 'org', nameKey(query.org, resources.places))
            .map((entity) => entity.id)
        : undefined;
      if (entityIds && entityIds.length === 0) return c.json({ total: 0, items: [] });
      const filter = {
        ...(query.type ? { type: query.type } : {}),
        ...(query.since ? { since: query.since } : {}),
        ...(query.until ? { until: query.until } : {}),
        ...(query.place ? { place: query.place } : {}),
        ...(entityIds ? { entityIds } : {}),
      };
      return c.json({
        total: store.graph.countMergedEvents(filter),
        items: store.graph.mergedEvents({ ...filter, limit: query.limit, offset: query.offset }),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}',
      summary: 'One merged event with every report and its evidence',
      request: { params: S.IdParam },
      responses: { 200: { description: 'event', content: json }, ...errors },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const [event] = store.graph.mergedEvents({ ids: [id], limit: 1 });
      if (!event) throw new HttpError(404, `no event ${id}`);
      return c.json(event);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents',
      summary: 'Stored documents',
      request: { query: S.Page },
      responses: { 200: { description: '{ total, items }', content: json }, ...errors },
    }),
    (c) => {
      const { limit, offset } = c.req.valid('query');
      return c.json({ total: store.countDocuments(), items: store.listDocuments({ limit, offset }) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'A document: clean text, removed spans, sources',
      request: { params: S.IdParam },
      responses: { 200: { description: 'document', content: json }, ...errors },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const doc = store.getDocument(id);
      if (!doc) throw new HttpError(404, `no document ${id}`);
      const { sourceText: _source, offsets: _offsets, ...rest } = doc;
      return c.json(rest);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Full-text search',
      request: { query: S.SearchQuery },
      responses: { 200: { description: '{ items }', content: json }, ...errors },
    }),
    (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ items: store.search({ text: q, words: queryTokens(q), limit }) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities',
      summary: 'Resolved organizations (or people)',
      request: { query: S.EntitiesQuery },
      responses: { 200: { description: '{ items }', content: json }, ...errors },
    }),
    (c) => {
      needGraph();
      const query = c.req.valid('query');
      if (query.q)
        return c.json({
          items: store.graph.findEntities(query.q, undefined, nameKey(query.q, resources.places)),
        });
      const region = query.region ? regionOf(query.region, resources.places) : null;
      return c.json({
        items: store.graph.listEntities({
          kind: query.people === 'true' ? 'person' : 'org',
          ...(query.type ? { type: query.type } : {}),
          ...(region ? { province: region.province, city: region.city } : {}),
          ...(query.segment ? { segmentNodes: segmentNodes(query.segment, resources.taxonomy) } : {}),
          limit: query.limit,
          offset: query.offset,
        }),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities/{id}',
      summary: 'The profile of an organization or person',
      request: { params: S.IdParam },
      responses: { 200: { description: 'profile', content: json }, ...errors },
    }),
    (c) => {
      needGraph();
      const { id } = c.req.valid('param');
      const entity = store.graph.entity(id);
      if (!entity) throw new HttpError(404, `no entity ${id}`);
      return c.json(entityProfile(store, resources.taxonomy, entity));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/graph',
      summary: 'The cooperation network: around an entity, or filtered by segment, region and date',
      request: { query: S.GraphQuery },
      responses: { 200: { description: '{ nodes, edges }', content: json }, ...errors },
    }),
    (c) => {
      needGraph();
      const query = c.req.valid('query');
      const { graph, metrics } = storedNetwork(store);
      let view = graph;
      if (query.entity !== undefined) {
        if (!graph.hasNode(String(query.entity)))
          throw new HttpError(404, `no organization ${query.entity} in the network`);
        view = neighbourhood(graph, query.entity, query.depth);
      }
      const nodes = query.segment ? new Set(segmentNodes(query.segment, resources.taxonomy)) : null;
      const region = query.region ? regionOf(query.region, resources.places) : null;
      const filtered = view.copy();
      filtered.forEachNode((key, node) => {
        const keep =
          (!nodes || node.segments.some((segment) => nodes.has(segment))) &&
          (!region ||
            (node.province === region.province && (region.city === null || node.city === region.city)));
        if (!keep && key !== String(query.entity)) filtered.dropNode(key);
      });
      if (query.since) {
        const since = query.since;
        filtered.forEachEdge((edge, attributes) => {
          if (!attributes.lastDate || attributes.lastDate < since) filtered.dropEdge(edge);
        });
      }
      return c.json(networkJson(filtered, metrics));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/chain',
      summary: 'The chain tree with organization and event counts per node',
      request: { query: S.RegionQuery },
      responses: { 200: { description: '{ region, nodes }', content: json }, ...errors },
    }),
    (c) => {
      needGraph();
      const { region: text } = c.req.valid('query');
      const region = text ? regionOf(text, resources.places) : null;
      const attached = store.graph.chainAttachments(region);
      const ids = [...new Set([...attached.entities.values()].flat())];
      const names = new Map(ids.map((id) => [id, store.graph.entity(id)?.name ?? String(id)]));
      return c.json({ region, nodes: chainCounts(resources.taxonomy, attached, names) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/diagnosis',
      summary: "A region's chain diagnosis: weak links, concentration, single points, partners",
      request: { query: S.RequiredRegionQuery },
      responses: { 200: { description: 'diagnosis', content: json }, ...errors },
    }),
    (c) => {
      needGraph();
      const query = c.req.valid('query');
      const snapshot = store.graph.snapshot();
      const now = query.now ?? latestDate(snapshot) ?? new Date().toISOString().slice(0, 10);
      return c.json(
        diagnose(snapshot, resources.taxonomy, regionOf(query.region, resources.places), {
          now: lastDayOf(now),
        }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/alerts',
      summary: 'Raised alerts with their evidence',
      request: { query: S.AlertsQuery },
      responses: { 200: { description: '{ items }', content: json }, ...errors },
    }),
    (c) => {
      const query = c.req.valid('query');
      const severities = query.severity
        ? (['low', 'medium', 'high'] as Severity[]).slice(['low', 'medium', 'high'].indexOf(query.severity))
        : undefined;
      return c.json({
        items: store.graph.listAlerts({
          ...(query.since ? { since: query.since } : {}),
          ...(query.rule ? { rule: query.rule } : {}),
          ...(severities ? { severities } : {}),
          limit: query.limit,
        }),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/watches',
      summary: 'What is watched',
      responses: { 200: { description: '{ items }', content: json } },
    }),
    (c) => c.json({ items: store.graph.listWatches() }),
  );

  app.use('/api/watches', async (c, next) => (c.req.method === 'POST' ? writes(c, next) : next()));
  app.use('/api/watches/*', async (c, next) => (c.req.method === 'DELETE' ? writes(c, next) : next()));
  app.use('/api/documents', async (c, next) => (c.req.method === 'POST' ? writes(c, next) : next()));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/watches',
      summary: 'Watch an organization, segment or region (needs the token)',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: S.NewWatch } }, required: true } },
      responses: {
        201: { description: 'the watch, and how many alerts it raised', content: json },
        ...errors,
        401: { description: 'missing or wrong token', content: json },
        403: { description: 'writes disabled', content: json },
      },
    }),
    (c) => {
      needGraph();
      const body = c.req.valid('json') as z.infer<typeof S.NewWatch>;
      if (body.kind === 'segment') segmentNodes(body.value, resources.taxonomy);
      if (body.kind === 'region') regionOf(body.value, resources.places, 'value');
      let value = body.value;
      if (body.kind === 'entity') {
        const [found] = store.graph.findEntities(body.value, 'org', nameKey(body.value, resources.places));
        if (!found) throw new HttpError(400, `no organization named "${body.value}"`, 'value');
        value = found.name;
      }
      const watch = store.graph.addWatch({
        kind: body.kind,
        value,
        minSeverity: body.minSeverity as Severity,
        note: body.note ?? null,
      });
      const runId = store.startRun('api watch', [body.kind, value]);
      const { added } = raiseAlerts(store, resources, { runId });
      store.finishRun(runId, { ingested: 0, duplicates: 0, failed: 0 });
      return c.json({ watch, alerts: added.length }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/watches/{id}',
      summary: 'Stop watching (needs the token)',
      security: [{ bearer: [] }],
      request: { params: S.IdParam },
      responses: { 200: { description: 'removed', content: json }, ...errors },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      if (!store.graph.removeWatch(id)) throw new HttpError(404, `no watch ${id}`);
      return c.json({ removed: id });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents',
      summary: 'Ingest one uploaded document (needs the token); the graph and alerts are brought up to date',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: S.NewDocument } }, required: true } },
      responses: {
        201: { description: 'stored', content: json },
        200: { description: 'already stored: a new source', content: json },
        ...errors,
      },
    }),
    (c) => {
      const body = c.req.valid('json') as z.infer<typeof S.NewDocument>;
      const hash = contentHash(body.text, body.title);
      const uri = body.uri ?? `upload:${hash.slice(0, 16)}`;
      const runId = store.startRun('api ingest', [uri]);
      const existing = store.findByHash(hash);
      if (existing !== null) {
        store.addSource(existing, uri, runId);
        store.finishRun(runId, { ingested: 0, duplicates: 1, failed: 0 });
        rebuildGraph(store, resources);
        return c.json({ id: existing, duplicate: true }, 200);
      }
      const processed = processDocument(
        {
          uri,
          file: uri,
          format: body.format,
          container: null,
          encoding: 'utf-8',
          text: body.text,
          byteLength: Buffer.byteLength(body.text),
          hash,
          metadata: {
            ...(body.title ? { title: body.title } : {}),
            ...(body.published ? { date: body.published } : {}),
          },
        },
        resources,
      );
      if (!processed.ok)
        throw new HTTPException(422, {
          message: `cannot ${processed.failure.stage}: ${processed.failure.reason}`,
        });
      const outcome = store.insertDocument(processed.document, runId);
      store.finishRun(runId, { ingested: 1, duplicates: 0, failed: 0 });
      rebuildGraph(store, resources);
      const { added } = raiseAlerts(store, resources, { runId });
      return c.json(
        { id: outcome.id, duplicate: false, events: processed.document.events.length, alerts: added.length },
        201,
      );
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: 'Liantu API',
      version: '0.1.0',
      description:
        'Industry-chain intelligence from Chinese NEV news: events, entities, the cooperation network, chain diagnosis and alerts.',
    },
  });
  app.all('/api/*', (c) =>
    c.json({ error: `no such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404),
  );
  app.get('*', serveDashboard(options.webRoot));
  return app;
}
