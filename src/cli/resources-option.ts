import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { BUNDLED_DATA_DIR, loadResources, type Resources } from '../resources/index.js';

let dataDir = BUNDLED_DATA_DIR;
let loaded: Resources | null = null;

/** --data DIR: run with another data folder's lexicons, rules and models (a copy of data/ edited). */
export function addDataOption(program: Command): void {
  program.addOption(
    new Option('--data <dir>', "the lexicons, rules and models (default: Liantu's data/)").env('LIANTU_DATA'),
  );
  program.hook('preAction', (_program, action) => {
    const chosen = action.optsWithGlobals<{ data?: string }>().data;
    if (chosen) dataDir = resolve(chosen);
  });
}

/** The resources of the data folder the command runs with, loaded once. */
export function cliResources(): Resources {
  loaded ??= loadResources(dataDir);
  return loaded;
}
