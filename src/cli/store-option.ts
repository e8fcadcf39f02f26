import { type Command, Option } from 'commander';
import { createLiantu, type Liantu } from '../service.js';
import { openStore, resolveDbPath } from '../store/index.js';
import { cliResources } from './resources-option.js';

export function addDbOption(command: Command): Command {
  return command.addOption(
    new Option('--db <path>', 'the SQLite store (default: $LIANTU_DB or ./liantu.db)').env('LIANTU_DB'),
  );
}

/**
 * Runs `use` on the service over the store (which a command that only reads needs to exist), and closes it
 * whatever happens. A store upgraded from a version that extracted less says how to catch up.
 */
export async function withLiantu<T>(
  options: { db?: string },
  use: (liantu: Liantu) => Promise<T>,
  { mustExist = true }: { mustExist?: boolean } = {},
): Promise<T> {
  const store = await openStore(resolveDbPath(options.db), { mustExist });
  if (store.staleExtraction) {
    process.stderr.write(
      `note: ${store.location} was written by an older Liantu; run liantu reprocess to extract what is new (supply relations between companies, investment targets, what articles say companies make)\n`,
    );
  }
  const liantu = createLiantu({ store, resources: cliResources() });
  try {
    return await use(liantu);
  } finally {
    await liantu.close();
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
