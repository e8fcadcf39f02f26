import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Severity } from '../../domain/severity.js';
import type { Liantu } from '../../service.js';
import * as R from '../responses.js';
import * as S from '../schemas.js';
import { jsonOf, refusals } from './common.js';

const guarded = {
  401: jsonOf(R.ErrorBody, 'missing or wrong token'),
  403: jsonOf(R.ErrorBody, 'writes disabled'),
};

/** Alerts and watches; watching needs the token. */
export function alertRoutes(liantu: Liantu, writes: MiddlewareHandler) {
  const app = new OpenAPIHono();
  app.use('/api/watches', async (c, next) => (c.req.method === 'POST' ? writes(c, next) : next()));
  app.use('/api/watches/*', async (c, next) => (c.req.method === 'DELETE' ? writes(c, next) : next()));
  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/alerts',
        summary: 'Raised alerts with their evidence',
        request: { query: S.AlertsQuery },
        responses: { 200: jsonOf(R.AlertsBody, '{ items }'), ...refusals },
      }),
      async (c) => {
        const { severity, offset: _offset, ...query } = c.req.valid('query');
        return c.json(
          {
            items: await liantu.alerts({ ...query, ...(severity ? { severity: severity as Severity } : {}) }),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/watches',
        summary: 'What is watched',
        responses: { 200: jsonOf(R.WatchesBody, '{ items }') },
      }),
      async (c) => c.json({ items: await liantu.listWatches() }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/watches',
        summary: 'Watch an organization (named exactly), segment or region (needs the token)',
        security: [{ bearer: [] }],
        request: { body: { content: { 'application/json': { schema: S.NewWatch } }, required: true } },
        responses: {
          201: jsonOf(R.NewWatchBody, 'the watch, and how many alerts it raised'),
          ...refusals,
          ...guarded,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const result = await liantu.addWatch(
          { ...body, minSeverity: body.minSeverity as Severity, note: body.note ?? null },
          ['api', body.kind, body.value],
        );
        return c.json(result, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/watches/{id}',
        summary: 'Stop watching (needs the token)',
        security: [{ bearer: [] }],
        request: { params: S.IdParam },
        responses: { 200: jsonOf(R.RemovedBody, 'removed'), ...refusals, ...guarded },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await liantu.removeWatch(id);
        return c.json({ removed: id }, 200);
      },
    );
}
