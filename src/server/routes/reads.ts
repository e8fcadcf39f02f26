import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Liantu } from '../../service.js';
import * as R from '../responses.js';
import * as S from '../schemas.js';
import { jsonOf, read } from './common.js';

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
    .openapi(createRoute(read('/api/events', { query: S.EventsQuery }, R.EventsPage)), async (c) =>
      c.json(await liantu.events(c.req.valid('query')), 200),
    )
    .openapi(createRoute(read('/api/events/{id}', { params: S.IdParam }, R.MergedEventBody)), async (c) =>
      c.json(await liantu.event(c.req.valid('param').id), 200),
    )
    .openapi(createRoute(read('/api/documents', { query: S.Page }, R.DocumentsPage)), async (c) =>
      c.json(await liantu.documents(c.req.valid('query')), 200),
    )
    .openapi(createRoute(read('/api/documents/{id}', { params: S.IdParam }, R.DocumentBody)), async (c) => {
      const {
        sourceText: _source,
        offsets: _offsets,
        ...rest
      } = await liantu.document(c.req.valid('param').id);
      return c.json(rest, 200);
    })
    .openapi(createRoute(read('/api/search', { query: S.SearchQuery }, R.SearchBody)), async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await liantu.search(q, limit) }, 200);
    });
}
