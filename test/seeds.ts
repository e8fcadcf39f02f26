import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';

/** The shared seed articles beside the checkout (`../shared/seeds`); CI has them, a bare clone may not. */
export const seedsDir = join(projectRoot, '..', 'shared', 'seeds');
export const haveSeeds = existsSync(seedsDir);

export interface Seed {
  name: string;
  path: string;
  gold: { title: string | null; published: string | null; [key: string]: unknown };
}

export function loadSeeds(): Seed[] {
  if (!haveSeeds) return [];
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const base = name.replace(/\.txt$/, '');
      const gold = JSON.parse(
        readFileSync(join(seedsDir, 'gold', `${base}.gold.json`), 'utf8'),
      ) as Seed['gold'];
      return { name: base, path: join(seedsDir, name), gold };
    });
}
