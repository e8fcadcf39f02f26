import { type ChainTaxonomy, subtree } from '../chain/taxonomy.js';
import { quarterOf } from '../domain/dates.js';
import type { SnapshotTie } from '../domain/snapshot.js';
import { isRiskType } from '../extract/types.js';
import type { Region } from '../resolve/types.js';
import { articulationPoints, componentsWithout } from './articulation.js';
import { chokePoints, isChainPlayer } from './choke-points.js';
import { institutions } from './institutions.js';
import type { ChainSnapshot, SnapshotEvent, SnapshotOrganization } from './snapshot.js';
import type {
  ChokePoint,
  Concentration,
  Diagnosis,
  FindingEvidence,
  NodeDiagnosis,
  PartnerCandidate,
  SinglePoint,
  WeakLink,
} from './types.js';

export interface DiagnoseOptions {
  /** Today, for the trend's quarters (YYYY-MM-DD). */
  now: string;
  /** A node is a possible weak link only where the corpus has at least this many organizations in it. */
  minNationalOrganizations?: number;
  /** Thin: the region's share of a node's organizations under this fraction of its share of all organizations. */
  thinRatio?: number;
  /** Quarters of trend, the current one last. */
  quarters?: number;
  partnersPerWeakLink?: number;
}

const inRegion = (place: { province: string | null; city: string | null }, region: Region): boolean =>
  place.province === region.province && (region.city === null || place.city === region.city);

function lastQuarters(now: string, count: number): string[] {
  let year = Number(now.slice(0, 4));
  let quarter = Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < count; i++) {
    quarters.unshift(`${year}Q${quarter}`);
    quarter--;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return quarters;
}

/** What the chain's players are tied by in its analysis: supply and cooperation (not membership or hosting). */
const PLAYER_TIES = new Set(['supplies', 'cooperates']);

/** Pairs of the members tied by supply or cooperation. */
function ties(all: readonly SnapshotTie[], members: ReadonlySet<number>): Map<string, [number, number]> {
  const pairs = new Map<string, [number, number]>();
  for (const tie of all) {
    if (!PLAYER_TIES.has(tie.type) || !members.has(tie.from) || !members.has(tie.to)) continue;
    const [a, b] = tie.from < tie.to ? [tie.from, tie.to] : [tie.to, tie.from];
    pairs.set(`${a}-${b}`, [a, b]);
  }
  return pairs;
}

function adjacencyOf(pairs: Iterable<[number, number]>): Map<number, number[]> {
  const adjacency = new Map<number, number[]>();
  for (const [a, b] of pairs) {
    adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), a]);
  }
  return adjacency;
}

function orgEvidence(org: SnapshotOrganization, nodes: ReadonlySet<string>): FindingEvidence {
  const keywords = [
    ...new Set(org.links.filter((link) => nodes.has(link.node)).flatMap((link) => link.keywords)),
  ];
  return { kind: 'organization', id: org.id, label: org.name, text: keywords.join('、') };
}

function eventEvidence(event: SnapshotEvent): FindingEvidence {
  return {
    kind: 'event',
    id: event.id,
    label: `${event.type} ${event.date ?? ''}`.trim(),
    text: event.evidence,
  };
}

/**
 * The chain seen from a region against the whole corpus: per node (counting everything below it), the
 * organizations based in the region, the events held there or involving them, their risk events, how densely
 * the region's organizations cooperate, and a quarterly trend. From that: weak links (nodes the corpus has
 * but the region lacks or holds thinly; a node under a reported one is not repeated), concentration of each
 * node's supply and cooperation ties among companies (top share, HHI, over the corpus), single points of failure
 * in that network, the suppliers most customers depend on (choke points), partner candidates elsewhere for each
 * weak link, and the region's governments, alliances and research bodies apart from the chain's players. Every
 * finding carries its evidence. Pure.
 */
export function diagnose(
  snapshot: ChainSnapshot,
  taxonomy: ChainTaxonomy,
  region: Region,
  options: DiagnoseOptions,
): Diagnosis {
  const minNational = options.minNationalOrganizations ?? 2;
  const thinRatio = options.thinRatio ?? 0.5;
  const quarters = lastQuarters(options.now, options.quarters ?? 4);
  const orgById = new Map(snapshot.organizations.map((org) => [org.id, org]));
  const eventsByParty = new Map<number, SnapshotEvent[]>();
  for (const event of snapshot.events) {
    for (const id of new Set(event.partyIds))
      eventsByParty.set(id, [...(eventsByParty.get(id) ?? []), event]);
  }
  const regionOrg = (id: number): boolean => {
    const org = orgById.get(id);
    return org ? inRegion(org, region) : false;
  };
  const eventInRegion = (event: SnapshotEvent): boolean =>
    inRegion(event, region) || event.partyIds.some(regionOrg);

  // The chain's players: governments, alliances and research bodies are listed apart (institutions).
  const chained = snapshot.organizations.filter((org) => org.links.length > 0 && isChainPlayer(org));
  const regionChained = chained.filter((org) => inRegion(org, region));
  const expectedShare = chained.length ? regionChained.length / chained.length : 0;

  const nodes: NodeDiagnosis[] = [];
  const weakLinks: WeakLink[] = [];
  const concentration: Concentration[] = [];
  const singlePoints: SinglePoint[] = [];
  const partners: PartnerCandidate[] = [];
  const chokes: ChokePoint[] = [];
  const reportedWeak = new Set<string>();

  for (const node of taxonomy.nodes.values()) {
    const below = new Set(subtree(taxonomy, node.id));
    const orgs = chained.filter((org) => org.links.some((link) => below.has(link.node)));
    const events = snapshot.events.filter((event) => event.nodes.some((id) => below.has(id)));
    const localOrgs = orgs.filter((org) => inRegion(org, region));
    const localEvents = events.filter(eventInRegion);
    const localIds = new Set(localOrgs.map((org) => org.id));
    const localTies = ties(snapshot.ties, localIds).size;
    const possible = (localIds.size * (localIds.size - 1)) / 2;
    nodes.push({
      node: node.id,
      name: node.name,
      en: node.en,
      depth: node.depth,
      parent: node.parent,
      region: {
        organizations: localOrgs.length,
        events: localEvents.length,
        riskEvents: localEvents.filter((event) => isRiskType(event.type)).length,
      },
      nation: {
        organizations: orgs.length,
        events: events.length,
        riskEvents: events.filter((event) => isRiskType(event.type)).length,
      },
      cooperationDensity: possible ? Number((localTies / possible).toFixed(3)) : 0,
      trend: quarters.map((quarter) => ({
        quarter,
        events: localEvents.filter((event) => event.date && quarterOf(event.date) === quarter).length,
      })),
    });

    const underReported = node.parent !== null && reportedWeak.has(node.parent);
    if (underReported) reportedWeak.add(node.id);
    if (node.depth >= 1 && orgs.length >= minNational && !underReported) {
      const relativeShare = expectedShare ? localOrgs.length / orgs.length / expectedShare : 0;
      const status = localOrgs.length === 0 ? 'missing' : relativeShare < thinRatio ? 'thin' : null;
      if (status) {
        reportedWeak.add(node.id);
        const strongest = [...orgs]
          .sort((a, b) => bestScore(b, below) - bestScore(a, below) || a.name.localeCompare(b.name))
          .slice(0, 5);
        weakLinks.push({
          node: node.id,
          name: node.name,
          status,
          regionOrganizations: localOrgs.length,
          nationOrganizations: orgs.length,
          relativeShare: Number(relativeShare.toFixed(3)),
          evidence: strongest.map((org) => orgEvidence(org, below)),
        });
        partners.push(
          ...partnerCandidates(node, below, orgs, events, region, options.partnersPerWeakLink ?? 5),
        );
      }
    }

    if (node.depth >= 1) chokes.push(...chokePoints(snapshot, node, (org) => inRegion(org, region)));
    const members = new Set(orgs.map((org) => org.id));
    const pairs = ties(snapshot.ties, members);
    if (node.depth >= 1 && pairs.size >= 2) {
      const ends = new Map<number, number>();
      for (const [a, b] of pairs.values()) {
        ends.set(a, (ends.get(a) ?? 0) + 1);
        ends.set(b, (ends.get(b) ?? 0) + 1);
      }
      const ranked = [...ends].sort(([a, x], [b, y]) => y - x || a - b);
      const [topId, topTies] = ranked[0] as [number, number];
      // Shares of tie ends sum to 1 but never exceed ½ each, so HHI is doubled: 1 when one pair holds every tie.
      const hhi = 2 * [...ends.values()].reduce((sum, count) => sum + (count / (pairs.size * 2)) ** 2, 0);
      if (pairs.size >= MIN_TIES)
        concentration.push({
          node: node.id,
          name: node.name,
          ties: pairs.size,
          top: {
            id: topId,
            name: orgById.get(topId)?.name ?? String(topId),
            share: Number((topTies / pairs.size).toFixed(3)),
          },
          hhi: Number(hhi.toFixed(3)),
        });
      const adjacency = adjacencyOf(pairs.values());
      const points = [...articulationPoints(adjacency)]
        .map((point) => ({ point, groups: componentsWithout(adjacency, point) }))
        // The points that cut off the most are the ones to know first.
        .sort((a, b) => (b.groups[1]?.length ?? 0) - (a.groups[1]?.length ?? 0) || a.point - b.point)
        .slice(0, SINGLE_POINTS_PER_NODE);
      for (const { point, groups } of points) {
        const org = orgById.get(point);
        if (!org) continue;
        singlePoints.push({
          node: node.id,
          name: node.name,
          organization: { id: org.id, name: org.name },
          separates: groups.map((group) => namesOf(group, orgById)),
          evidence: (eventsByParty.get(point) ?? [])
            .filter((event) => !isRiskType(event.type) && event.nodes.some((id) => below.has(id)))
            .slice(0, 5)
            .map(eventEvidence),
        });
      }
    }
  }

  const regionEvents = snapshot.events.filter(eventInRegion);
  return {
    region: {
      province: region.province,
      city: region.city,
      label:
        region.city && region.city !== region.province ? `${region.province}${region.city}` : region.province,
    },
    generatedAt: options.now,
    totals: {
      region: {
        organizations: snapshot.organizations.filter((org) => inRegion(org, region)).length,
        events: regionEvents.length,
        riskEvents: regionEvents.filter((event) => isRiskType(event.type)).length,
      },
      nation: {
        organizations: snapshot.organizations.length,
        events: snapshot.events.length,
        riskEvents: snapshot.events.filter((event) => isRiskType(event.type)).length,
      },
    },
    nodes,
    weakLinks,
    concentration: concentration.sort((a, b) => b.hhi - a.hhi || b.ties - a.ties),
    singlePoints,
    partners,
    chokePoints: chokes.sort((a, b) => b.customers.length - a.customers.length),
    institutions: institutions(snapshot, (org) => inRegion(org, region)),
  };
}

/** Ties a node needs before its concentration says anything. */
const MIN_TIES = 3;
const SINGLE_POINTS_PER_NODE = 5;
const NAMES_PER_GROUP = 5;

/** A group's names, the first few and how many more: 甲、乙、丙 … (+12). */
function namesOf(group: readonly number[], orgById: ReadonlyMap<number, SnapshotOrganization>): string[] {
  const names = group.map((id) => orgById.get(id)?.name ?? String(id)).sort();
  return names.length > NAMES_PER_GROUP
    ? [...names.slice(0, NAMES_PER_GROUP), `…（另 ${names.length - NAMES_PER_GROUP} 家）`]
    : names;
}

function bestScore(org: SnapshotOrganization, nodes: ReadonlySet<string>): number {
  return Math.max(0, ...org.links.filter((link) => nodes.has(link.node)).map((link) => link.score));
}

/**
 * Companies based elsewhere that are strong in a weak node: by their link score, raised by how many of the
 * node's events they took part in; their latest events in the node are the evidence.
 */
function partnerCandidates(
  node: { id: string; name: string },
  below: ReadonlySet<string>,
  orgs: readonly SnapshotOrganization[],
  events: readonly SnapshotEvent[],
  region: Region,
  limit: number,
): PartnerCandidate[] {
  const byParty = new Map<number, SnapshotEvent[]>();
  for (const event of events) {
    if (isRiskType(event.type)) continue;
    for (const id of new Set(event.partyIds)) byParty.set(id, [...(byParty.get(id) ?? []), event]);
  }
  // Candidates are companies known to be based elsewhere: a company of unknown home may be the region's own.
  return orgs
    .filter(
      (org) =>
        org.province !== null && !inRegion(org, region) && (org.type === null || org.type === 'company'),
    )
    .map((org) => {
      const own = [...(byParty.get(org.id) ?? [])].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
      const score = bestScore(org, below) * (1 + Math.log1p(own.length));
      return {
        node: node.id,
        name: node.name,
        organization: { id: org.id, name: org.name, province: org.province, city: org.city },
        score: Number(score.toFixed(3)),
        evidence: [orgEvidence(org, below), ...own.slice(0, 3).map(eventEvidence)],
      };
    })
    .sort((a, b) => b.score - a.score || a.organization.name.localeCompare(b.organization.name))
    .slice(0, limit);
}
