import type { Resources } from '../resources/index.js';
import type { StoreApi } from '../store/types.js';
import { LiantuError } from './errors.js';
import type { StoredNetwork } from './network.js';

/** What every operation of the service works on. */
export interface ServiceContext {
  store: StoreApi;
  resources: Resources;
  /** Where warnings go (an alias-file conflict, an alert rule naming nothing): stderr for the CLI. */
  warn: (message: string) => void;
  /** What is costly to rebuild from the store, each with the build it was made from. */
  cache: { network?: { key: string; value: StoredNetwork } };
}

/** Stops with advice when the store's knowledge graph was never built. */
export async function requireGraph(context: ServiceContext): Promise<void> {
  if (!(await context.store.graph.lastBuild())) {
    throw new LiantuError(
      'not-built',
      `the knowledge graph of ${context.store.location} is not built yet: ingest something, or run liantu resolve`,
    );
  }
}
