import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Liantu } from '../../service.js';
import * as R from '../responses.js';
import * as S from '../schemas.js';
import { jsonOf, refusals } from './common.js';

/** Entities, profiles, the cooperation network, the chain and the diagnosis. */
export function graphRoutes(liantu: Liantu) {
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/entities',
        summary: 'Resolved organizations (or people)',
        request: { query: S.EntitiesQuery },
        responses: { 200: jsonOf(R.EntitiesBody, '{ items }'), ...refusals },
      }),
      async (c) => {
        const { people, ...query } = c.req.valid('query');
        return c.json(
          { items: await liantu.entities({ ...query, kind: people === 'true' ? 'person' : 'org' }) },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/entities/{id}',
        summary: 'The profile of an organization or person',
        request: { params: S.IdParam },
        responses: { 200: jsonOf(R.ProfileBody, 'profile'), ...refusals },
      }),
      async (c) => c.json(await liantu.profile(c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/graph',
        summary: 'The cooperation network: around an entity, or filtered by segment, region and dates',
        request: { query: S.GraphQuery },
        responses: { 200: jsonOf(R.GraphBody, '{ nodes, edges }'), ...refusals },
      }),
      async (c) => c.json(await liantu.graphView(c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/chain',
        summary: 'The chain tree with organization and event counts per node',
        request: { query: S.RegionQuery },
        responses: { 200: jsonOf(R.ChainBody, '{ region, nodes }'), ...refusals },
      }),
      async (c) => c.json(await liantu.chain(c.req.valid('query').region), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/diagnosis',
        summary: "A region's chain diagnosis: weak links, concentration, single points, partners",
        request: { query: S.RequiredRegionQuery },
        responses: { 200: jsonOf(R.DiagnosisBody, 'diagnosis'), ...refusals },
      }),
      async (c) => {
        const { region, now } = c.req.valid('query');
        return c.json(await liantu.diagnosis(region, now), 200);
      },
    );
}
