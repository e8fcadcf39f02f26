import { OpenAPIHono } from '@hono/zod-openapi';
import type { Liantu } from '../service.js';
import { requireToken } from './auth.js';
import { invalidRequest, onError } from './errors.js';
import { alertRoutes } from './routes/alerts.js';
import { uploadRoutes } from './routes/documents.js';
import { graphRoutes } from './routes/graph.js';
import { readRoutes } from './routes/reads.js';
import { serveDashboard } from './static.js';

export interface ServerOptions {
  /** LIANTU_TOKEN: writes are enabled only when it is set, and need it. */
  token?: string;
  /** The built dashboard (dist/web). */
  webRoot: string;
}

/** The API's routes over a service: their types are what the dashboard's client reads (`AppType`). */
function apiRoutes(liantu: Liantu, options: ServerOptions) {
  const writes = requireToken(options.token);
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success)
        throw invalidRequest(
          result.error.issues.map((issue) => ({
            field: issue.path.join('.') || '(body)',
            message: issue.message,
          })),
        );
    },
  })
    .route('/', readRoutes(liantu))
    .route('/', graphRoutes(liantu))
    .route('/', alertRoutes(liantu, writes))
    .route('/', uploadRoutes(liantu, writes));
}

export type AppType = ReturnType<typeof apiRoutes>;

/** The HTTP API (under /api, described at /api/openapi.json) and the dashboard, over one service. */
export function createApp(liantu: Liantu, options: ServerOptions) {
  const app = apiRoutes(liantu, options);
  app.onError(onError);
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
