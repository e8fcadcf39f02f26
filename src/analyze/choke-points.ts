import type { ChainSnapshot, SnapshotOrganization, SnapshotTie } from '../domain/snapshot.js';
import type { ChokePoint, FindingEvidence } from './types.js';

/** Customers a supplier needs in the corpus before it is a choke point of its node. */
const MIN_CUSTOMERS = 2;
const CHOKE_POINTS_PER_NODE = 5;

/** Whether an organization plays in the chain: a company (or of unknown kind), not a host, alliance or lab. */
export const isChainPlayer = (org: { type: string | null }): boolean =>
  org.type === null || org.type === 'company';

function tieEvidence(tie: SnapshotTie, customer: SnapshotOrganization): FindingEvidence {
  const event = tie.events[0];
  return event === undefined
    ? { kind: 'organization', id: customer.id, label: customer.name, text: tie.evidence }
    : { kind: 'event', id: event, label: `supplies → ${customer.name}`, text: tie.evidence };
}

/**
 * The suppliers attached to a node that the most customers of the corpus depend on: chain players with directed
 * supply ties to at least MIN_CUSTOMERS companies, most customers first, each customer with its evidence.
 */
export function chokePoints(
  snapshot: ChainSnapshot,
  node: { id: string; name: string },
  inRegion: (org: SnapshotOrganization) => boolean,
): ChokePoint[] {
  const orgById = new Map(snapshot.organizations.map((org) => [org.id, org]));
  const supplies = new Map<number, SnapshotTie[]>();
  for (const tie of snapshot.ties) {
    if (tie.type !== 'supplies' || !tie.directed) continue;
    supplies.set(tie.from, [...(supplies.get(tie.from) ?? []), tie]);
  }
  const found: ChokePoint[] = [];
  for (const [supplierId, ties] of supplies) {
    const supplier = orgById.get(supplierId);
    if (!supplier || !isChainPlayer(supplier) || !supplier.links.some((link) => link.node === node.id))
      continue;
    const customers = new Map<number, { org: SnapshotOrganization; tie: SnapshotTie }>();
    for (const tie of ties) {
      const customer = orgById.get(tie.to);
      if (customer && isChainPlayer(customer) && !customers.has(customer.id))
        customers.set(customer.id, { org: customer, tie });
    }
    if (customers.size < MIN_CUSTOMERS) continue;
    const listed = [...customers.values()].sort((a, b) => a.org.name.localeCompare(b.org.name));
    found.push({
      node: node.id,
      name: node.name,
      supplier: { id: supplier.id, name: supplier.name, province: supplier.province, city: supplier.city },
      customers: listed.map(({ org }) => ({ id: org.id, name: org.name, inRegion: inRegion(org) })),
      evidence: listed.map(({ org, tie }) => tieEvidence(tie, org)),
    });
  }
  return found
    .sort((a, b) => b.customers.length - a.customers.length || a.supplier.name.localeCompare(b.supplier.name))
    .slice(0, CHOKE_POINTS_PER_NODE);
}
