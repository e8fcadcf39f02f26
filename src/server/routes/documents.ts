import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Liantu } from '../../service.js';
import * as R from '../responses.js';
import * as S from '../schemas.js';
import { jsonOf, refusals } from './common.js';

/** Uploading a document (needs the token). */
export function uploadRoutes(liantu: Liantu, writes: MiddlewareHandler) {
  const app = new OpenAPIHono();
  app.use('/api/documents', async (c, next) => (c.req.method === 'POST' ? writes(c, next) : next()));
  return app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents',
      summary: 'Ingest one uploaded document (needs the token); the graph and alerts are brought up to date',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: S.NewDocument } }, required: true } },
      responses: {
        201: jsonOf(R.StoredBody, 'stored'),
        200: jsonOf(R.StoredBody, 'already stored: a new source'),
        ...refusals,
        401: jsonOf(R.ErrorBody, 'missing or wrong token'),
        403: jsonOf(R.ErrorBody, 'writes disabled'),
      },
    }),
    async (c) => {
      const stored = await liantu.ingestText(c.req.valid('json'));
      return stored.duplicate ? c.json(stored, 200) : c.json(stored, 201);
    },
  );
}
