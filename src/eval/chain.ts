import { z } from 'zod';
import type { ChainTaxonomy } from '../chain/taxonomy.js';
import { parseYaml } from '../resources/yaml.js';

/** One organization of a chain gold file: its names and the production nodes it belongs to ([] for none). */
export interface ChainGoldEntry {
  org: string;
  aliases: string[];
  nodes: string[];
}

const entrySchema = z
  .object({
    org: z.union([z.string(), z.number()]).transform(String),
    aliases: z
      .array(z.union([z.string(), z.number()]).transform(String))
      .optional()
      .default([]),
    nodes: z.array(z.string()),
  })
  .strict();

/** A gold file (test/gold/chain-attachment/README.md): every node id must be one of the taxonomy's. */
export function parseChainGold(content: string, where: string, taxonomy: ChainTaxonomy): ChainGoldEntry[] {
  const entries = parseYaml(content, where, z.array(entrySchema));
  entries.forEach((entry, index) => {
    for (const node of entry.nodes) {
      if (!taxonomy.nodes.has(node))
        throw new Error(`${where}: [${index}] ${entry.org}: no chain node "${node}"`);
    }
  });
  return entries;
}

/** A resolved organization as the chain eval sees it: its names (to match the gold by) and its production nodes. */
export interface ScoredOrganization {
  id: number;
  name: string;
  type: string | null;
  /** The identity keys of its aliases (the service's `nameKey`). */
  keys: string[];
  nodes: string[];
}

export interface ChainEntryResult {
  org: string;
  gold: string[];
  predicted: string[];
  /** The resolved organizations the entry matched, by name. */
  matched: string[];
  /** Predicted nodes that are neither a gold node nor below one. */
  wrong: string[];
  /** Gold nodes with no predicted node at or below them. */
  missed: string[];
}

export interface ChainScore {
  precision: number;
  recall: number;
  f1: number;
  /** Predicted (entry, node) pairs that are hits, and all of them. */
  hits: number;
  predicted: number;
  /** Gold (entry, node) pairs with a predicted node at or below them, and all of them. */
  found: number;
  gold: number;
  entries: ChainEntryResult[];
  /** Gold entries no resolved organization matched. */
  unmatched: number;
  /** Resolved organizations with production links that no gold entry names (not scored). */
  unscored: { name: string; nodes: string[] }[];
  /** Production nodes per resolved organization of type company. */
  nodesPerCompany: {
    companies: number;
    max: number;
    mean: number;
    most: { name: string; nodes: string[] }[];
  };
}

/** Whether `node` is `ancestor` or lies below it. */
function atOrBelow(taxonomy: ChainTaxonomy, node: string, ancestor: string): boolean {
  for (let at = taxonomy.nodes.get(node); at; at = at.parent ? taxonomy.nodes.get(at.parent) : undefined) {
    if (at.id === ancestor) return true;
  }
  return false;
}

/**
 * Precision and recall of (organization, node) pairs against a gold file. A predicted node is a hit when it is a
 * gold node of the entry or lies below one; a gold node is found when a predicted node is it or lies below it. A
 * predicted ancestor of a gold node is no hit (too broad). `keyOf` gives a gold name's identity key.
 */
export function scoreChain(
  gold: readonly ChainGoldEntry[],
  organizations: readonly ScoredOrganization[],
  taxonomy: ChainTaxonomy,
  keyOf: (name: string) => string,
): ChainScore {
  const byKey = new Map<string, ScoredOrganization[]>();
  for (const org of organizations) {
    for (const key of new Set(org.keys)) byKey.set(key, [...(byKey.get(key) ?? []), org]);
  }
  const scored = new Set<number>();
  let tp = 0;
  let predictedCount = 0;
  let goldCount = 0;
  let found = 0;
  let unmatched = 0;
  const entries: ChainEntryResult[] = [];
  for (const entry of gold) {
    const matched = new Map<number, ScoredOrganization>();
    for (const name of [entry.org, ...entry.aliases]) {
      for (const org of byKey.get(keyOf(name)) ?? []) matched.set(org.id, org);
    }
    if (matched.size === 0) unmatched++;
    for (const id of matched.keys()) scored.add(id);
    const predicted = [...new Set([...matched.values()].flatMap((org) => org.nodes))].sort();
    const wrong = predicted.filter((node) => !entry.nodes.some((g) => atOrBelow(taxonomy, node, g)));
    const missed = entry.nodes.filter((g) => !predicted.some((node) => atOrBelow(taxonomy, node, g)));
    tp += predicted.length - wrong.length;
    predictedCount += predicted.length;
    goldCount += entry.nodes.length;
    found += entry.nodes.length - missed.length;
    entries.push({
      org: entry.org,
      gold: entry.nodes,
      predicted,
      matched: [...matched.values()].map((org) => org.name),
      wrong,
      missed,
    });
  }
  const precision = predictedCount ? tp / predictedCount : 1;
  const recall = goldCount ? found / goldCount : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const companies = organizations.filter((org) => org.type === 'company');
  const counts = companies.map((org) => org.nodes.length);
  const max = counts.length ? Math.max(...counts) : 0;
  return {
    precision,
    recall,
    f1,
    hits: tp,
    predicted: predictedCount,
    found,
    gold: goldCount,
    entries,
    unmatched,
    unscored: organizations
      .filter((org) => !scored.has(org.id) && org.nodes.length > 0)
      .map((org) => ({ name: org.name, nodes: org.nodes })),
    nodesPerCompany: {
      companies: companies.length,
      max,
      mean: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
      most: companies
        .filter((org) => org.nodes.length === max && max > 0)
        .map((org) => ({ name: org.name, nodes: org.nodes })),
    },
  };
}
