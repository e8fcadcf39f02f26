import { SqliteStore } from './sqlite/index.js';
import type { StoreApi } from './types.js';

export type * from './types.js';

export const DEFAULT_DB = 'liantu.db';

/** The store's location: an explicit option, else LIANTU_DB, else ./liantu.db. */
export function resolveDbPath(explicit?: string): string {
  return explicit || process.env.LIANTU_DB || DEFAULT_DB;
}

/**
 * The store at a location: a SQLite file (created unless `mustExist`, which a command that only reads asks for), or
 * `:memory:`.
 */
export async function openStore(location: string, options: { mustExist?: boolean } = {}): Promise<StoreApi> {
  return SqliteStore.open(location, options);
}
