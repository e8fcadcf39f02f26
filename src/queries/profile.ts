import { type ChainTaxonomy, lineage } from '../chain/taxonomy.js';
import type { Store } from '../store/store.js';
import type { EntitySummary } from '../store/types.js';

/** Everything the store knows of one entity, in the shape `entity --format json` writes. */
export function entityProfile(
  store: Store,
  taxonomy: ChainTaxonomy,
  entity: EntitySummary,
  eventLimit = 100,
) {
  const events = store.graph.mergedEvents({ entityId: entity.id, limit: eventLimit });
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    type: entity.type,
    ...(entity.kind === 'person'
      ? { title: entity.title, org: entity.orgId ? { id: entity.orgId, name: entity.orgName } : null }
      : {}),
    region: entity.province
      ? { province: entity.province, city: entity.city, source: entity.regionSource }
      : null,
    aliases: store.graph.aliases(entity.id),
    segments: store.graph.links('entity', entity.id).map((link) => ({
      node: link.node,
      name: taxonomy.nodes.get(link.node)?.name ?? link.node,
      path: lineage(taxonomy, link.node)
        .reverse()
        .map((node) => node.name),
      score: link.score,
      evidence: link.evidence,
    })),
    metrics: { degree: entity.degree, betweenness: entity.betweenness, community: entity.community },
    mentions: entity.mentions,
    documents: entity.documents,
    partners: store.graph.partners(entity.id),
    /** All its events; `events` lists the latest of them. */
    eventCount: store.graph.countEventsOf(entity.id),
    people:
      entity.kind === 'org'
        ? store.graph.peopleOf(entity.id).map(({ id, name, title }) => ({ id, name, title }))
        : [],
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      date: event.date,
      location: event.location,
      parties: event.parties.map((party) => party.name),
      role:
        event.people.find((person) => person.id === entity.id)?.role ??
        (event.parties.some((party) => party.id === entity.id) ? 'party' : null),
      sources: event.sources.length,
      evidence: event.evidence[0]?.text ?? null,
    })),
  };
}
