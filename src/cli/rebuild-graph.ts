import { defaultResolveContext, resolveCorpus } from '../resolve/index.js';
import type { Store } from '../store/store.js';
import type { GraphBuild } from '../store/types.js';

/** Resolves every stored document into the knowledge graph and replaces the stored one. */
export function rebuildGraph(store: Store, aliasPath?: string): { build: GraphBuild; seconds: number } {
  const started = performance.now();
  const context = defaultResolveContext(aliasPath);
  const facts = store.graph.corpusFacts();
  store.graph.replace(resolveCorpus(facts, context), facts.length);
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
