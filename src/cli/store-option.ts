import { type Command, Option } from 'commander';
import { resolveDbPath, Store } from '../store/store.js';

export function addDbOption(command: Command): Command {
  return command.addOption(
    new Option('--db <path>', 'the SQLite store (default: $LIANTU_DB or ./liantu.db)').env('LIANTU_DB'),
  );
}

export function openStore(options: { db?: string }): Store {
  return Store.open(resolveDbPath(options.db));
}

export function formatOption(allowed: readonly string[], fallback: string): Option {
  return new Option('-f, --format <format>', 'output format').choices([...allowed]).default(fallback);
}
