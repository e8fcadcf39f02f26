import type { z } from '@hono/zod-openapi';
import { ErrorBody } from '../responses.js';

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
