import type { ChainTaxonomy } from '../chain/taxonomy.js';

/** A chain node with what is attached to it and below it. */
export interface ChainCount {
  id: string;
  name: string;
  en: string;
  /** Organizations and events attached to this node itself. */
  entities: number;
  events: number;
  /** Distinct organizations and events attached to it or any node below. */
  totalEntities: number;
  totalEvents: number;
  /** The organizations attached to this node itself, most written-about first (ids and names). */
  organizations: { id: number; name: string }[];
  children: ChainCount[];
}

export function chainCounts(
  taxonomy: ChainTaxonomy,
  attached: { entities: Map<string, number[]>; events: Map<string, number[]> },
  names: ReadonlyMap<number, string>,
): ChainCount[] {
  const build = (id: string): { count: ChainCount; entityIds: Set<number>; eventIds: Set<number> } => {
    const node = taxonomy.nodes.get(id);
    if (!node) throw new Error(`unknown chain node ${id}`);
    const own = attached.entities.get(id) ?? [];
    const entityIds = new Set(own);
    const eventIds = new Set(attached.events.get(id) ?? []);
    const children = node.children.map(build);
    for (const child of children) {
      for (const entity of child.entityIds) entityIds.add(entity);
      for (const event of child.eventIds) eventIds.add(event);
    }
    return {
      count: {
        id,
        name: node.name,
        en: node.en,
        entities: own.length,
        events: attached.events.get(id)?.length ?? 0,
        totalEntities: entityIds.size,
        totalEvents: eventIds.size,
        organizations: own.map((entity) => ({ id: entity, name: names.get(entity) ?? String(entity) })),
        children: children.map((child) => child.count),
      },
      entityIds,
      eventIds,
    };
  };
  return taxonomy.roots.map((root) => build(root).count);
}
