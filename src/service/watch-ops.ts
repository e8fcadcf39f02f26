import type { Severity } from '../domain/severity.js';
import { raiseAlerts, withRun } from '../pipeline/corpus.js';
import type { Watch } from '../store/types.js';
import { requireGraph, type ServiceContext } from './context.js';
import { LiantuError } from './errors.js';
import { findEntities, regionOf, segmentNodes } from './lookup.js';

export interface NewWatch {
  kind: Watch['kind'];
  value: string;
  minSeverity: Severity;
  note?: string | null;
  /** A rules file evaluated with the watch (besides the shipped rules and liantu-alerts.yaml). */
  rulesPath?: string;
}

/**
 * The one organization a watched name means: one named so exactly (any of its names or short forms), else the only
 * one whose name holds it. A part of several names is refused with them as suggestions: a watch means one.
 */
async function watchedOrganization(context: ServiceContext, name: string) {
  const { store, resources } = context;
  const exact = await findEntities(store, resources.places, name, { kind: 'org', exact: true });
  if (exact.length > 1)
    throw new LiantuError(
      'invalid',
      `"${name}" may mean ${exact.map((entity) => entity.name).join(', ')}; give the full name`,
      'value',
    );
  if (exact[0]) return exact[0];
  const partial = await findEntities(store, resources.places, name, { kind: 'org' });
  if (partial.length === 1 && partial[0]) return partial[0];
  const hint = partial.length
    ? `; did you mean ${partial
        .slice(0, 3)
        .map((entity) => entity.name)
        .join(', ')}?`
    : '';
  throw new LiantuError('invalid', `no organization named "${name}"${hint}`, 'value');
}

/** Watches an organization, a chain segment or a region, and raises the alerts it finds already. */
export async function addWatch(
  context: ServiceContext,
  request: NewWatch,
  args: readonly string[] = [],
): Promise<{ watch: Watch; alerts: number }> {
  await requireGraph(context);
  const { store, resources, warn } = context;
  let value = request.value;
  if (request.kind === 'segment') segmentNodes(value, resources.taxonomy, 'value');
  if (request.kind === 'region') regionOf(value, resources.places, 'value');
  if (request.kind === 'entity') value = (await watchedOrganization(context, value)).name;
  const watch = await store.alerts.addWatch({
    kind: request.kind,
    value,
    minSeverity: request.minSeverity,
    note: request.note ?? null,
  });
  const { added } = await withRun(store, 'watch', args, async (runId) => ({
    result: await raiseAlerts(
      store,
      resources,
      { runId, ...(request.rulesPath ? { rulesPath: request.rulesPath } : {}) },
      warn,
    ),
    counts: { ingested: 0, duplicates: 0, failed: 0 },
  }));
  return { watch, alerts: added.length };
}

export async function listWatches(context: ServiceContext): Promise<Watch[]> {
  return context.store.alerts.listWatches();
}

/** Stops watching (alerts already raised stay). */
export async function removeWatch(context: ServiceContext, id: number): Promise<void> {
  if (!(await context.store.alerts.removeWatch(id))) throw new LiantuError('not-found', `no watch ${id}`);
}
