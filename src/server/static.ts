import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The dashboard's built files (dist/web): a path outside the folder is never served; unknown paths get the app. */
export function serveDashboard(root: string): (c: Context) => Response {
  const base = normalize(root) + sep;
  return (c) => {
    if (!existsSync(join(root, 'index.html'))) {
      return c.text('The dashboard is not built: run npm run build (the API is at /api).', 404);
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      path = '/';
    }
    const wanted = normalize(join(root, path));
    const file =
      wanted.startsWith(base) && existsSync(wanted) && statSync(wanted).isFile()
        ? wanted
        : join(root, 'index.html');
    return c.body(readFileSync(file), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes(`${sep}assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
  };
}
