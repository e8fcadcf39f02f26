import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { LiantuError } from '../service.js';

/** What a request field got wrong: where the 400 body's `issues` come from. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A failed validation of the request as a 400 that names each field (`(body)` for a body that is no JSON). */
export function invalidRequest(issues: readonly FieldIssue[]): HTTPException {
  const message = `invalid ${issues.map((issue) => issue.field).join(', ')}`;
  return new HTTPException(400, {
    res: Response.json({ error: message, issues }, { status: 400 }),
  });
}

/**
 * The one error handler: an HTTPException answers as it says; the service's errors answer 404 (not found, graph
 * not built) or 400 naming the field; anything else is a 500 whose details stay in the server's log.
 */
export function onError(error: Error, c: Context): Response {
  if (error instanceof LiantuError) {
    const status = error.kind === 'invalid' ? 400 : 404;
    return c.json(
      {
        error: error.message,
        ...(error.field ? { issues: [{ field: error.field, message: error.message }] } : {}),
      },
      status,
    );
  }
  if (error instanceof HTTPException) {
    if (error.res) return error.res;
    const message =
      error.status === 415 ? 'send the body as JSON (content-type: application/json)' : error.message;
    const status =
      error.status === 415 || error.status === 413 || error.status === 401 || error.status === 403
        ? error.status
        : 400;
    return c.json({ error: message, issues: [{ field: '(body)', message }] }, status);
  }
  process.stderr.write(`error: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}\n`);
  return c.json({ error: 'internal error (the server log has the details)' }, 500);
}
