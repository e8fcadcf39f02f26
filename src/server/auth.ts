import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Writes need `Authorization: Bearer <LIANTU_TOKEN>`. Without a token configured, writes are off (403); with one,
 * a missing or wrong token is a 401. The comparison takes the same time whatever the token.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return c.json({ error: 'writes are disabled: start the server with LIANTU_TOKEN set' }, 403);
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const expected = Buffer.from(token);
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      return c.json({ error: 'missing or wrong token (Authorization: Bearer <LIANTU_TOKEN>)' }, 401);
    }
    await next();
  };
}
