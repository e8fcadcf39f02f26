import { resolve } from 'node:path';
import { resolveContextOf, resolveCorpus } from '../resolve/index.js';
import type { Resources } from '../resources/index.js';
import type { Store } from '../store/store.js';
import type { GraphBuild } from '../store/types.js';

/** Resolves every stored document into the knowledge graph and replaces the stored one. */
/**
 * Resolves every stored document into the knowledge graph and replaces the stored one. The alias file is the one
 * given, else the one the last build used, else data/aliases.yaml; alias-file conflicts are written to stderr.
 */
export function rebuildGraph(
  store: Store,
  resources: Resources,
  aliasPath?: string,
): { build: GraphBuild; seconds: number } {
  const started = performance.now();
  const chosen = aliasPath ? resolve(aliasPath) : (store.graph.lastBuild()?.aliasFile ?? undefined);
  const context = resolveContextOf(resources, chosen);
  const facts = store.graph.corpusFacts();
  const graph = resolveCorpus(facts, context);
  for (const warning of graph.warnings) process.stderr.write(`warning: ${warning}\n`);
  store.graph.replace(graph, facts.length, chosen ?? null);
  const build = store.graph.lastBuild();
  if (!build) throw new Error('the knowledge graph was not written');
  return { build, seconds: (performance.now() - started) / 1000 };
}

export function describeBuild(build: GraphBuild, seconds: number): string {
  return (
    `Knowledge graph: ${build.organizations} organizations, ${build.people} people, ` +
    `${build.events} events from ${build.reports} reports (resolved in ${seconds.toFixed(1)} s).`
  );
}
