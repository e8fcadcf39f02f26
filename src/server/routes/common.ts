import type { RouteConfig, z } from '@hono/zod-openapi';
import { ErrorBody } from '../responses.js';
import { READ_SUMMARIES, type ReadPath } from './summaries.js';

/** A JSON response of a schema. */
export const jsonOf = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The refusals every route may give: a bad request naming its fields, or what it asks for is not there. */
export const refusals = {
  400: jsonOf(ErrorBody, 'invalid request: { error, issues: [{ field, message }] }'),
  404: jsonOf(ErrorBody, 'not found, or the knowledge graph is not built yet: { error }'),
};

/** A read's route config, for createRoute: GET of a path with its request's schemas, one body or a refusal. */
export function read<
  P extends ReadPath,
  Request extends NonNullable<RouteConfig['request']>,
  Body extends z.ZodType,
>(path: P, request: Request, body: Body) {
  const summary = READ_SUMMARIES[path];
  return {
    method: 'get' as const,
    path,
    summary,
    request,
    responses: { 200: jsonOf(body, summary), ...refusals },
  };
}
