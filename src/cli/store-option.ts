import { type Command, Option } from 'commander';
import { resolveDbPath, Store } from '../store/store.js';

export function addDbOption(command: Command): Command {
  return command.addOption(
    new Option('--db <path>', 'the SQLite store (default: $LIANTU_DB or ./liantu.db)').env('LIANTU_DB'),
  );
}

/** A store upgraded from a version that extracted less says how to catch up. */
function adviseReprocess(store: Store): Store {
  if (store.staleExtraction) {
    process.stderr.write(
      `note: ${store.path} was written by an older Liantu; run liantu reprocess to extract what is new (risk events)\n`,
    );
  }
  return store;
}

/** The store for a command that writes (created when missing). */
export function openStore(options: { db?: string }): Store {
  return adviseReprocess(Store.open(resolveDbPath(options.db)));
}

/** The store for a command that only reads: it must exist. */
export function openExistingStore(options: { db?: string }): Store {
  return adviseReprocess(Store.openExisting(resolveDbPath(options.db)));
}

/** Runs `use` on the existing store, and closes it whatever happens. */
export function withExistingStore<T>(options: { db?: string }, use: (store: Store) => T): T {
  const store = openExistingStore(options);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** A parser for options that take a whole number of at least `min`. */
export const wholeNumber =
  (name: string, min = 0) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min)
      throw new Error(`${name} must be a whole number ≥ ${min}, not "${value}"`);
    return number;
  };

export function formatOption(allowed: readonly string[], fallback: string): Option {
  return new Option('-f, --format <format>', 'output format').choices([...allowed]).default(fallback);
}

/** --no-ner: extraction by the rules alone, without the organizations and people the learned tagger adds. */
export function nerOption(): Option {
  return new Option('--no-ner', 'rules only: leave out what the learned tagger adds to extraction');
}
