import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Liantu } from '../../service.js';
import * as R from '../responses.js';
import * as S from '../schemas.js';
import { read } from './common.js';

/** Entities, profiles, the cooperation network, the chain and the diagnosis. */
export function graphRoutes(liantu: Liantu) {
  return new OpenAPIHono()
    .openapi(createRoute(read('/api/entities', { query: S.EntitiesQuery }, R.EntitiesBody)), async (c) => {
      const { people, ...query } = c.req.valid('query');
      return c.json(
        { items: await liantu.entities({ ...query, kind: people === 'true' ? 'person' : 'org' }) },
        200,
      );
    })
    .openapi(createRoute(read('/api/entities/{id}', { params: S.IdParam }, R.ProfileBody)), async (c) =>
      c.json(await liantu.profile(c.req.valid('param').id), 200),
    )
    .openapi(createRoute(read('/api/graph', { query: S.GraphQuery }, R.GraphBody)), async (c) =>
      c.json(await liantu.graphView(c.req.valid('query')), 200),
    )
    .openapi(createRoute(read('/api/chain', { query: S.RegionQuery }, R.ChainBody)), async (c) =>
      c.json(await liantu.chain(c.req.valid('query').region), 200),
    )
    .openapi(
      createRoute(read('/api/diagnosis', { query: S.RequiredRegionQuery }, R.DiagnosisBody)),
      async (c) => {
        const { region, now } = c.req.valid('query');
        return c.json(await liantu.diagnosis(region, now), 200);
      },
    );
}
