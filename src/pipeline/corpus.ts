import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { coverAlerts } from '../analyze/alert-covering.js';
import { type AlertRule, readAlertRules } from '../analyze/alert-rules.js';
import { evaluateAlerts, latestDate, type ResolvedRule } from '../analyze/alerts.js';
import { corpusNetwork, networkMetrics } from '../analyze/network.js';
import { findNode, subtree } from '../chain/taxonomy.js';
import type { Alert } from '../domain/alerts.js';
import { today } from '../domain/dates.js';
import type { Region } from '../domain/graph.js';
import { parseRegion, resolveContextOf, resolveCorpus } from '../resolve/index.js';
import { nameKey, normaliseName } from '../resolve/names.js';
import type { Resources } from '../resources/index.js';
import type { GraphBuild, RunCounts, StoreApi, Watch } from '../store/types.js';

/** Runs `body` as a run of the store (started, then finished with its counts); the run id is passed in. */
export async function withRun<T>(
  store: StoreApi,
  command: string,
  args: readonly string[],
  body: (runId: number) => Promise<{ result: T; counts: RunCounts }>,
): Promise<T> {
  const runId = await store.runs.start(command, args);
  const { result, counts } = await body(runId);
  await store.runs.finish(runId, counts);
  return result;
}

/**
 * Resolves every stored document into the knowledge graph and replaces the stored one. The alias file is the one
 * given, else the one the last build used, else the resources' own; alias-file conflicts are returned as warnings.
 */
export async function rebuildGraph(
  store: StoreApi,
  resources: Resources,
  aliasPath?: string,
): Promise<{ build: GraphBuild; seconds: number; warnings: string[] }> {
  const started = performance.now();
  const chosen = aliasPath ? resolve(aliasPath) : ((await store.graph.lastBuild())?.aliasFile ?? undefined);
  const facts = await store.documents.facts();
  const resolved = resolveCorpus(facts, resolveContextOf(resources, chosen));
  const graph = { ...resolved, metrics: networkMetrics(corpusNetwork(resolved)) };
  await store.graph.replace(graph, facts.length, chosen ?? null);
  const build = await store.graph.lastBuild();
  if (!build) throw new Error('the knowledge graph was not written');
  return { build, seconds: (performance.now() - started) / 1000, warnings: graph.warnings };
}

/** The user's rules file: the one named, else liantu-alerts.yaml beside a store file, if there is one. */
export function userRulesPath(location: string, named?: string): string | null {
  if (named) return named;
  if (location === ':memory:' || location === '' || location.includes('://')) return null;
  const beside = join(dirname(location), 'liantu-alerts.yaml');
  return existsSync(beside) ? beside : null;
}

function watchRule(watch: Watch): AlertRule {
  return {
    id: `watch-${watch.id}`,
    description: `关注 ${watch.value}${watch.note ? `（${watch.note}）` : ''}`,
    types: null,
    minSeverity: watch.minSeverity,
    entities: watch.kind === 'entity' ? [watch.value] : null,
    segments: watch.kind === 'segment' ? [watch.value] : null,
    regions: watch.kind === 'region' ? [watch.value] : null,
    spike: null,
  };
}

/** Names in a rule made into ids, nodes and regions; what names nothing is reported and matches nothing. */
async function resolveRule(
  store: StoreApi,
  resources: Resources,
  rule: AlertRule,
  warn: (message: string) => void,
): Promise<ResolvedRule> {
  const { places, taxonomy } = resources;
  let entityIds: Set<number> | null = null;
  if (rule.entities) {
    entityIds = new Set();
    for (const name of rule.entities) {
      const [found] = await store.graph.findEntities({
        normalised: normaliseName(name),
        key: nameKey(name, places),
        kind: 'org',
      });
      if (found) entityIds.add(found.id);
      else warn(`alert rule ${rule.id}: no organization named ${name} yet`);
    }
  }
  const nodes = rule.segments
    ? new Set(
        rule.segments.flatMap((segment) => {
          const node = findNode(taxonomy, segment);
          if (!node) warn(`alert rule ${rule.id}: no chain node ${segment}`);
          return node ? subtree(taxonomy, node.id) : [];
        }),
      )
    : null;
  const regions = rule.regions
    ? rule.regions.flatMap((place): Region[] => {
        const region = parseRegion(place, places);
        if (!region) warn(`alert rule ${rule.id}: ${place} names no province or city`);
        return region ? [region] : [];
      })
    : null;
  const { entities: _entities, segments: _segments, regions: _regions, ...rest } = rule;
  return { ...rest, entityIds, nodes, regions };
}

export interface AlertOptions {
  runId: number | null;
  /** A rules file besides the shipped rules and the watches (else liantu-alerts.yaml beside the store). */
  rulesPath?: string;
  /** The end of the spike windows: by default the latest event date of the corpus. */
  now?: string;
}

/**
 * Evaluates the shipped rules, the user's rules file and the watches on the stored graph, and stores the alerts
 * not raised before (`coverAlerts`), with the run that raised them.
 */
export async function raiseAlerts(
  store: StoreApi,
  resources: Resources,
  options: AlertOptions,
  warn: (message: string) => void = () => {},
): Promise<{ added: Alert[]; rules: number }> {
  const userPath = userRulesPath(store.location, options.rulesPath);
  const rules = [
    ...resources.alertRules,
    ...(userPath ? readAlertRules(userPath) : []),
    ...(await store.alerts.listWatches()).map(watchRule),
  ];
  const snapshot = await store.graph.snapshot();
  const now = options.now ?? latestDate(snapshot) ?? today();
  const resolved: ResolvedRule[] = [];
  for (const rule of rules) resolved.push(await resolveRule(store, resources, rule, warn));
  const raised = evaluateAlerts(snapshot, resolved, now);
  const ruleIds = [...new Set(raised.map((alert) => alert.rule))];
  const reportIds = [...new Set(raised.flatMap((alert) => alert.reportIds))];
  const changes = coverAlerts(
    raised,
    await store.alerts.coverage(ruleIds, reportIds),
    await store.alerts.spikeKeys(ruleIds),
  );
  return { added: await store.alerts.apply(changes, options.runId), rules: rules.length };
}

/** The graph resolved again from every stored document, then the alerts raised on it. */
export async function rebuildCorpus(
  store: StoreApi,
  resources: Resources,
  options: AlertOptions & { aliasPath?: string },
  warn: (message: string) => void = () => {},
): Promise<{ build: GraphBuild; seconds: number; alerts: Alert[] }> {
  const { build, seconds, warnings } = await rebuildGraph(store, resources, options.aliasPath);
  for (const warning of warnings) warn(warning);
  const { added } = await raiseAlerts(store, resources, options, warn);
  return { build, seconds, alerts: added };
}

/** What a run changed: the documents it stored or gave a new source. */
export interface CorpusChange {
  documents: readonly number[];
}

/**
 * The corpus loop after documents changed: nothing when none did and the graph is built, else the corpus
 * rebuilt. Resolution is still of the whole corpus; the change names what an incremental one may limit itself to.
 */
export async function updateCorpus(
  store: StoreApi,
  resources: Resources,
  change: CorpusChange,
  options: AlertOptions,
  warn: (message: string) => void = () => {},
): Promise<{ build: GraphBuild; seconds: number; alerts: Alert[] } | null> {
  if (change.documents.length === 0 && (await store.graph.lastBuild())) return null;
  return rebuildCorpus(store, resources, options, warn);
}

export function describeBuild(build: GraphBuild, seconds: number): string {
  return (
    `Knowledge graph: ${build.organizations} organizations, ${build.people} people, ` +
    `${build.events} events from ${build.reports} reports (resolved in ${seconds.toFixed(1)} s).`
  );
}

export function describeAlerts(count: number): string {
  return count ? ` ${count} new alert${count === 1 ? '' : 's'} (liantu alerts).` : '';
}
