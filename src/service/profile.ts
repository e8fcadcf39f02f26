import { type ChainTaxonomy, lineage } from '../chain/taxonomy.js';
import type { EntitySummary, StoreApi } from '../store/types.js';

/** Everything the store knows of one entity, in the shape `entity --format json` writes. */
export async function entityProfile(
  store: StoreApi,
  taxonomy: ChainTaxonomy,
  entity: EntitySummary,
  eventLimit = 100,
) {
  const { graph } = store;
  const [events, aliases, links, partners, ties, eventCount, people] = await Promise.all([
    graph.mergedEvents({ entityId: entity.id, limit: eventLimit }),
    graph.aliases(entity.id),
    graph.links('entity', entity.id),
    graph.partners(entity.id),
    graph.ties(entity.id),
    graph.countEventsOf(entity.id),
    entity.kind === 'org' ? graph.peopleOf(entity.id) : Promise.resolve([]),
  ]);
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    type: entity.type,
    ...(entity.kind === 'person'
      ? { title: entity.title, org: entity.orgId ? { id: entity.orgId, name: entity.orgName } : null }
      : {}),
    region: entity.province
      ? {
          province: entity.province,
          city: entity.city,
          source: entity.regionSource,
          evidence: entity.regionEvidence,
        }
      : null,
    aliases,
    segments: links.map((link) => ({
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
    partners,
    /** Its typed ties: `out` where it supplies, invests, joins or hosts; `in` where another does so to it. */
    ties: ties.map((tie) => {
      const outgoing = tie.from === entity.id;
      return {
        id: tie.id,
        type: tie.type,
        direction: tie.directed ? (outgoing ? ('out' as const) : ('in' as const)) : ('both' as const),
        other: outgoing ? { id: tie.to, name: tie.toName } : { id: tie.from, name: tie.fromName },
        events: tie.events.length,
        documents: tie.documents,
        firstDate: tie.firstDate,
        lastDate: tie.lastDate,
        evidence: tie.evidence[0]?.text ?? null,
      };
    }),
    /** All its events; `events` lists the latest of them. */
    eventCount,
    people: people.map(({ id, name, title }) => ({ id, name, title })),
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
