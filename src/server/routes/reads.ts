import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Liantu } from '../../service.js';
import * as R from '../responses.js';
import * as S from '../schemas.js';
import { jsonOf, refusals } from './common.js';

/** Overview, events, documents and search. */
export function readRoutes(liantu: Liantu) {
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/stats',
        summary: 'Counts, events by month and type, latest events, active alerts',
        responses: { 200: jsonOf(R.StatsBody, 'overview') },
      }),
      async (c) => c.json(await liantu.overview(), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/events',
        summary: 'Merged events, newest first',
        request: { query: S.EventsQuery },
        responses: { 200: jsonOf(R.EventsPage, '{ total, items }'), ...refusals },
      }),
      async (c) => c.json(await liantu.events(c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/events/{id}',
        summary: 'One merged event with every report and its evidence',
        request: { params: S.IdParam },
        responses: { 200: jsonOf(R.MergedEventBody, 'event'), ...refusals },
      }),
      async (c) => c.json(await liantu.event(c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/documents',
        summary: 'Stored documents',
        request: { query: S.Page },
        responses: { 200: jsonOf(R.DocumentsPage, '{ total, clusters, items }'), ...refusals },
      }),
      async (c) => c.json(await liantu.documents(c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/documents/{id}',
        summary: 'A document: clean text, removed spans, sources',
        request: { params: S.IdParam },
        responses: { 200: jsonOf(R.DocumentBody, 'document'), ...refusals },
      }),
      async (c) => {
        const {
          sourceText: _source,
          offsets: _offsets,
          ...rest
        } = await liantu.document(c.req.valid('param').id);
        return c.json(rest, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/search',
        summary: 'Full-text search',
        request: { query: S.SearchQuery },
        responses: { 200: jsonOf(R.SearchBody, '{ items }'), ...refusals },
      }),
      async (c) => {
        const { q, limit } = c.req.valid('query');
        return c.json({ items: await liantu.search(q, limit) }, 200);
      },
    );
}
