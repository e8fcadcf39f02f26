import type { ChainSnapshot, SnapshotOrganization } from '../domain/snapshot.js';
import { isChainPlayer } from './choke-points.js';
import type { Institution } from './types.js';

const TIED_SHOWN = 8;

/**
 * The region's governments, alliances and research bodies, apart from the chain's players: each with what it
 * hosts (settlements, projects, alliances), the members it convenes, or whom it works with.
 */
export function institutions(
  snapshot: ChainSnapshot,
  inRegion: (org: SnapshotOrganization) => boolean,
): Institution[] {
  const orgById = new Map(snapshot.organizations.map((org) => [org.id, org]));
  const tied = new Map<number, Set<number>>();
  const add = (id: number, other: number) => tied.set(id, (tied.get(id) ?? new Set()).add(other));
  for (const tie of snapshot.ties) {
    add(tie.from, tie.to);
    add(tie.to, tie.from);
  }
  const found: Institution[] = [];
  for (const org of snapshot.organizations) {
    if (isChainPlayer(org) || !inRegion(org)) continue;
    const role = org.type === 'government' ? 'host' : org.type === 'association' ? 'convener' : 'research';
    if (role === 'research' && org.type !== 'research') continue;
    const others = [...(tied.get(org.id) ?? [])]
      .map((id) => orgById.get(id))
      .filter((other): other is SnapshotOrganization => other !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (!others.length) continue;
    found.push({
      organization: { id: org.id, name: org.name, type: org.type },
      role,
      tied: others.slice(0, TIED_SHOWN).map(({ id, name }) => ({ id, name })),
    });
  }
  return found.sort(
    (a, b) => b.tied.length - a.tied.length || a.organization.name.localeCompare(b.organization.name),
  );
}
