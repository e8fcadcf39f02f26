import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Command, Option } from 'commander';
import { projectRoot } from '../../project-root.js';
import { createApp } from '../../server/app.js';
import { createLiantu } from '../../service.js';
import { openStore, resolveDbPath } from '../../store/index.js';
import { cliResources } from '../resources-option.js';
import { addDbOption, wholeNumber } from '../store-option.js';

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('the HTTP API (/api, OpenAPI at /api/openapi.json) and the web dashboard')
    .addOption(new Option('-p, --port <port>', 'port').default(8080).argParser(wholeNumber('--port', 0)))
    .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .addHelpText(
      'after',
      '\nWrites (uploading documents, watches) are enabled only when LIANTU_TOKEN is set, and need the header\n' +
        'Authorization: Bearer $LIANTU_TOKEN.',
    );
  addDbOption(command).action(async (options: { db?: string; port: number; host: string }) => {
    const store = await openStore(resolveDbPath(options.db));
    const liantu = createLiantu({ store, resources: cliResources() });
    const token = process.env.LIANTU_TOKEN || undefined;
    const app = createApp(liantu, { ...(token ? { token } : {}), webRoot: join(projectRoot, 'dist', 'web') });
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      process.stdout.write(
        `Liantu is serving ${store.location} at http://${host}:${info.port}/ (API: /api, OpenAPI: /api/openapi.json)\n` +
          `Writes are ${token ? 'enabled with LIANTU_TOKEN' : 'disabled (set LIANTU_TOKEN to enable them)'}. Ctrl-C stops.\n`,
      );
    });
    const stop = (): void => {
      server.close();
      void liantu.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
