import { z } from 'zod';
import { parseYaml } from '../resources/yaml.js';
import type { ChainTaxonomy } from './taxonomy.js';

/** Chain node → the names of well-known companies that make what it holds (data/chain/known-businesses.yaml). */
export type KnownBusinesses = Record<string, string[]>;

const schema = z.record(z.string(), z.array(z.string().min(1)).min(1));

/** Reads the known businesses; a node the taxonomy lacks is an error naming it. */
export function parseKnownBusinesses(
  content: string,
  where: string,
  taxonomy: ChainTaxonomy,
): KnownBusinesses {
  const known = parseYaml(content, where, schema);
  for (const node of Object.keys(known)) {
    if (!taxonomy.nodes.has(node)) throw new Error(`${where}: ${node}: no chain node "${node}"`);
  }
  return known;
}

/** The nodes general knowledge gives a company, by any of its names, compared by identity key. */
export function knownBusinessIndex(
  known: KnownBusinesses,
  keyOf: (name: string) => string,
): (names: readonly string[]) => string[] {
  const byKey = new Map<string, Set<string>>();
  for (const [node, names] of Object.entries(known)) {
    for (const name of names) {
      const key = keyOf(name);
      if (!key) continue;
      const nodes = byKey.get(key) ?? new Set<string>();
      nodes.add(node);
      byKey.set(key, nodes);
    }
  }
  return (names) => [...new Set(names.flatMap((name) => [...(byKey.get(keyOf(name)) ?? [])]))];
}
