import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AlertRule, readAlertRules } from '../analyze/alert-rules.js';
import { evaluateAlerts, latestDate, type ResolvedRule } from '../analyze/alerts.js';
import type { Alert } from '../analyze/types.js';
import { findNode, subtree } from '../chain/taxonomy.js';
import { parseRegion } from '../resolve/index.js';
import { nameKey } from '../resolve/names.js';
import type { Region } from '../resolve/types.js';
import type { Resources } from '../resources/index.js';
import type { Store } from '../store/store.js';
import type { Watch } from '../store/types.js';

/** The user's rules file: the one named, else liantu-alerts.yaml beside the store, if there is one. */
export function userRulesPath(store: Store, named?: string): string | null {
  if (named) return named;
  if (store.path === ':memory:' || store.path === '') return null;
  const beside = join(dirname(store.path), 'liantu-alerts.yaml');
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
function resolveRule(
  store: Store,
  resources: Resources,
  rule: AlertRule,
  warn: (message: string) => void,
): ResolvedRule {
  const { places, taxonomy } = resources;
  const entityIds = rule.entities
    ? new Set(
        rule.entities.flatMap((name) => {
          const found = store.graph.findEntities(name, 'org', nameKey(name, places))[0];
          if (!found) warn(`alert rule ${rule.id}: no organization named ${name} yet`);
          return found ? [found.id] : [];
        }),
      )
    : null;
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

/**
 * Evaluates the shipped rules, the user's rules file and the watches on the stored graph, and stores the alerts
 * not raised before, with the run that raised them. `now` bounds spike windows: by default the latest event date
 * of the corpus.
 */
export function raiseAlerts(
  store: Store,
  resources: Resources,
  options: { runId: number | null; rulesPath?: string; now?: string },
): { added: Alert[]; rules: number } {
  const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);
  const userPath = userRulesPath(store, options.rulesPath);
  const rules = [
    ...resources.alertRules,
    ...(userPath ? readAlertRules(userPath) : []),
    ...store.graph.listWatches().map(watchRule),
  ];
  const snapshot = store.graph.snapshot();
  const now = options.now ?? latestDate(snapshot) ?? new Date().toISOString().slice(0, 10);
  const raised = evaluateAlerts(
    snapshot,
    rules.map((rule) => resolveRule(store, resources, rule, warn)),
    now,
  );
  return { added: store.graph.addAlerts(raised, options.runId), rules: rules.length };
}

export function describeAlerts(count: number): string {
  return count ? ` ${count} new alert${count === 1 ? '' : 's'} (liantu alerts).` : '';
}
