import type { Resources } from '../resources/index.js';
import type { StoreApi } from '../store/types.js';
import type { ServiceContext } from './context.js';
import * as corpus from './corpus-ops.js';
import * as network from './network-ops.js';
import * as reads from './read-ops.js';
import * as watches from './watch-ops.js';

export type { IngestFilesOptions, Upload } from './corpus-ops.js';
export { LiantuError } from './errors.js';
export type { PathHop } from './network-ops.js';
export type { EventsQuery } from './read-ops.js';
export type { NewWatch } from './watch-ops.js';

type Operations<T> = {
  [K in keyof T]: T[K] extends (context: ServiceContext, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

/** An operation module with its context bound: what the front ends call. */
function bind<T extends Record<string, unknown>>(module: T, context: ServiceContext): Operations<T> {
  return Object.fromEntries(
    Object.entries(module).map(([name, operation]) => [
      name,
      (...args: unknown[]) =>
        (operation as (context: ServiceContext, ...rest: unknown[]) => unknown)(context, ...args),
    ]),
  ) as Operations<T>;
}

/**
 * The operations every front end uses: the CLI, the HTTP API, the reports and exports call these and nothing
 * below them. One store and one set of resources per instance.
 */
export function createLiantu(options: {
  store: StoreApi;
  resources: Resources;
  warn?: (message: string) => void;
}) {
  const context: ServiceContext = {
    store: options.store,
    resources: options.resources,
    warn: options.warn ?? ((message) => process.stderr.write(`warning: ${message}\n`)),
    cache: {},
  };
  return {
    store: options.store,
    resources: options.resources,
    ...bind(corpus, context),
    ...bind(reads, context),
    ...bind(network, context),
    ...bind(watches, context),
    close: () => options.store.close(),
  };
}

export type Liantu = ReturnType<typeof createLiantu>;
