import type { Gazetteer } from '../annotate/gazetteer.js';
import { type ChainTaxonomy, findNode, subtree } from '../chain/taxonomy.js';
import type { Region } from '../domain/graph.js';
import { parseRegion } from '../resolve/alias-file.js';
import { nameKey, normaliseName } from '../resolve/names.js';
import type { EntitySummary, StoreApi } from '../store/types.js';
import { LiantuError } from './errors.js';

/**
 * A province or city written as places (浙江, 宁波, 浙江省宁波市), or one parsed already; an error naming the field
 * otherwise.
 */
export function regionOf(text: string | Region, places: Gazetteer, field = 'region'): Region {
  if (typeof text !== 'string') return text;
  const region = parseRegion(text, places);
  if (!region) throw new LiantuError('invalid', `"${text}" names no province or city`, field);
  return region;
}

/** The chain nodes a segment means (its node and every node below it): an id, a name or a keyword. */
export function segmentNodes(text: string, taxonomy: ChainTaxonomy, field = 'segment'): string[] {
  const node = findNode(taxonomy, text);
  if (!node)
    throw new LiantuError('invalid', `"${text}" names no chain node (liantu chain lists them)`, field);
  return subtree(taxonomy, node.id);
}

/**
 * The entities a name may mean, the most written-about first: those with the name as an alias (any script or
 * width), else those whose alias has the same identity (宁波市政府 for 宁波市人民政府), else those with an alias that
 * holds the name. With `exact`, only the first two: a watch or an alert rule must mean one organization.
 */
export async function findEntities(
  store: StoreApi,
  places: Gazetteer,
  name: string,
  options: { kind?: 'org' | 'person'; exact?: boolean } = {},
): Promise<EntitySummary[]> {
  const normalised = normaliseName(name);
  const key = nameKey(name, places);
  const found = await store.graph.findEntities({
    normalised,
    key,
    ...(options.kind ? { kind: options.kind } : {}),
  });
  if (!options.exact) return found;
  const exact: EntitySummary[] = [];
  for (const entity of found) {
    const aliases = await store.graph.aliases(entity.id);
    if (
      aliases.some((alias) => normaliseName(alias.name) === normalised || nameKey(alias.name, places) === key)
    )
      exact.push(entity);
  }
  return exact;
}
