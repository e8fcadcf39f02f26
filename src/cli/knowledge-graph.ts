import { storedNetwork as networkOf } from '../queries/network.js';
import { nameKey } from '../resolve/names.js';
import type { Store } from '../store/store.js';
import type { EntitySummary } from '../store/types.js';
import { cliResources } from './resources-option.js';

/** Stops with advice when the store's knowledge graph was never built. */
export function requireGraph(store: Store): void {
  if (!store.graph.lastBuild()) {
    throw new Error(`the knowledge graph of ${store.path} is not built yet: run liantu resolve (or ingest)`);
  }
}

/**
 * The entity a name given on the command line means: an exact alias first, else a partial one; the most
 * written-about wins and the other candidates are named on stderr.
 */
export function pickEntity(store: Store, name: string, kind?: 'org' | 'person'): EntitySummary {
  requireGraph(store);
  const [best, ...others] = store.graph.findEntities(name, kind, nameKey(name, cliResources().places));
  if (!best)
    throw new Error(
      `no ${kind === 'person' ? 'person' : 'entity'} named "${name}" (liantu entities lists them)`,
    );
  if (others.length) {
    const names = others.slice(0, 5).map((other) => `${other.name} (#${other.id})`);
    process.stderr.write(
      `"${name}" may also mean: ${names.join(', ')}; showing ${best.name} (#${best.id})\n`,
    );
  }
  return best;
}

/** The stored cooperation network; an error when the graph was never built. */
export function storedNetwork(store: Store): ReturnType<typeof networkOf> {
  requireGraph(store);
  return networkOf(store);
}
