import type { Gazetteer } from '../annotate/gazetteer.js';
import type { AnnotationLexicon } from '../annotate/lexicon.js';
import { attachEvent, type ChainLink, ChainMatcher } from '../chain/attach.js';
import type { AttachmentRules } from '../chain/attachment-rules.js';
import { type KnownBusinesses, knownBusinessIndex } from '../chain/known-businesses.js';
import { industryIndex, type ListedIndustry } from '../chain/listed-industries.js';
import { attachOrganization, organizationAttacher } from '../chain/organization.js';
import type { ChainTaxonomy } from '../chain/taxonomy.js';
import type { Resources } from '../resources/index.js';
import { type AliasFile, parseRegion, readAliasFile } from './alias-file.js';
import { mergeEvents } from './events.js';
import { nameKey } from './names.js';
import { organizationSigns } from './organization-signs.js';
import { resolveOrganizations } from './orgs.js';
import { resolvePeople } from './people.js';
import { corpusTies } from './ties.js';
import type { DocumentFacts, MergedEvent, OrgEntity, ResolvedCorpus } from './types.js';

export interface ResolveContext {
  places: Gazetteer;
  lexicon: AnnotationLexicon;
  aliasFile: AliasFile;
  taxonomy: ChainTaxonomy;
  attachment: AttachmentRules;
  listedIndustries: readonly ListedIndustry[];
  knownBusinesses: KnownBusinesses;
}

/** What resolution reads from the resources, with another alias file than theirs where one is given. */
export function resolveContextOf(resources: Resources, aliasPath?: string): ResolveContext {
  return {
    places: resources.places,
    lexicon: resources.annotation,
    aliasFile: aliasPath ? readAliasFile(resources.places, aliasPath) : resources.aliasFile,
    taxonomy: resources.taxonomy,
    attachment: resources.chainAttachment,
    listedIndustries: resources.listedIndustries,
    knownBusinesses: resources.knownBusinesses,
  };
}

/** Keyword hits kept as evidence per link: enough to judge it, few enough to store for every link. */
const EVIDENCE_PER_LINK = 5;

function trimmed(links: readonly ChainLink[], minScore: number): ChainLink[] {
  return links
    .filter((link) => link.score >= minScore)
    .map((link) => ({ ...link, evidence: link.evidence.slice(0, EVIDENCE_PER_LINK) }));
}

/** How much a statement of where an organization is counts: its headquarters over its address over a mention. */
const STATEMENT_WEIGHT: Record<DocumentFacts['headquarters'][number]['kind'], number> = {
  headquarters: 3,
  registered: 2,
  located: 1,
};

/**
 * An organization without a known city takes the place its articles most say it is (headquarters first, then a
 * registered address, then where it is said to be), with the sentence that says it.
 */
function statedHeadquarters(
  organizations: OrgEntity[],
  docs: readonly DocumentFacts[],
  idOf: (name: string) => number | null,
  places: Gazetteer,
): void {
  const votes = new Map<number, Map<string, { weight: number; kind: string; evidence: string }>>();
  for (const doc of docs) {
    for (const statement of doc.headquarters) {
      const id = idOf(statement.org);
      if (id === null) continue;
      const counts = votes.get(id) ?? new Map();
      const vote = counts.get(statement.place) ?? {
        weight: 0,
        kind: statement.kind,
        evidence: statement.evidence,
      };
      vote.weight += STATEMENT_WEIGHT[statement.kind];
      if (STATEMENT_WEIGHT[statement.kind] > STATEMENT_WEIGHT[vote.kind as keyof typeof STATEMENT_WEIGHT]) {
        vote.kind = statement.kind;
        vote.evidence = statement.evidence;
      }
      counts.set(statement.place, vote);
      votes.set(id, counts);
    }
  }
  for (const org of organizations) {
    const counts = votes.get(org.id);
    if (!counts || org.regionSource === 'alias-file' || org.region?.city) continue;
    const [place, vote] =
      [...counts].sort(([a, x], [b, y]) => y.weight - x.weight || (a < b ? -1 : 1))[0] ?? [];
    const region = place ? parseRegion(place, places) : null;
    // A province read from the name is narrowed to a stated city in it, never moved to another province.
    if (!region || !vote || (org.region && org.region.province !== region.province)) continue;
    org.region = region;
    org.regionSource = vote.kind === 'headquarters' ? 'stated-headquarters' : 'stated-location';
    org.regionEvidence = vote.evidence;
  }
}

/** An organization without a known home takes the place where the corpus says its headquarters settled. */
function headquartersRegions(
  organizations: OrgEntity[],
  events: readonly MergedEvent[],
  evidenceOf: (event: MergedEvent) => string[],
): void {
  const byId = new Map(organizations.map((org) => [org.id, org]));
  for (const event of events) {
    const [party, ...others] = event.parties;
    if (event.type !== 'settlement' || !party || others.length || !event.region) continue;
    const org = byId.get(party.entityId);
    if (!org || org.region || !evidenceOf(event).some((sentence) => sentence.includes('总部'))) continue;
    org.region = event.region;
    org.regionSource = 'headquarters';
    org.regionEvidence = evidenceOf(event).find((sentence) => sentence.includes('总部')) ?? null;
  }
}

type BusinessLookups = {
  industryOf: (names: readonly string[]) => string | null;
  knownNodesOf: (names: readonly string[]) => string[];
};
const businessLookups = new WeakMap<
  readonly ListedIndustry[],
  { built: Pick<ResolveContext, 'knownBusinesses' | 'places'>; lookups: BusinessLookups }
>();

/** The listed industries and known businesses by name, built once per loaded lists (every resolve reads them). */
function businessLookupsOf(context: ResolveContext): BusinessLookups {
  const cached = businessLookups.get(context.listedIndustries);
  if (
    cached &&
    cached.built.knownBusinesses === context.knownBusinesses &&
    cached.built.places === context.places
  )
    return cached.lookups;
  const keyOf = (name: string): string => nameKey(name, context.places);
  const lookups = {
    industryOf: industryIndex(context.listedIndustries, keyOf),
    knownNodesOf: knownBusinessIndex(context.knownBusinesses, keyOf),
  };
  const built = { knownBusinesses: context.knownBusinesses, places: context.places };
  businessLookups.set(context.listedIndustries, { built, lookups });
  return lookups;
}

/**
 * The knowledge graph of a corpus: organizations and people resolved across articles, events merged across
 * reports, each attached to the chain, and the typed ties between organizations. Pure: all it needs is passed in.
 */
export function resolveCorpus(docs: readonly DocumentFacts[], context: ResolveContext): ResolvedCorpus {
  const orgs = resolveOrganizations(docs, context);
  const people = resolvePeople(docs, orgs);
  const events = mergeEvents(docs, orgs, people, context.places);
  const eventFacts = new Map(docs.flatMap((doc) => doc.events.map((event) => [event.id, event])));
  const evidenceOf = (event: MergedEvent) =>
    event.reports.flatMap(
      (report) => eventFacts.get(report.eventId)?.evidence.map((item) => item.text) ?? [],
    );
  statedHeadquarters(orgs.organizations, docs, (name) => orgs.idOf(name), context.places);
  headquartersRegions(orgs.organizations, events, evidenceOf);

  const matcher = new ChainMatcher(context.taxonomy);
  const { minScore } = context.attachment;
  const eventLinks = new Map<number, ChainLink[]>();
  for (const event of events) {
    const evidence = event.reports.flatMap((report) => eventFacts.get(report.eventId)?.evidence ?? []);
    eventLinks.set(event.id, trimmed(attachEvent({ domains: event.domains, evidence }, matcher), minScore));
  }
  const ties = corpusTies(docs, orgs, events);
  const signs = organizationSigns({
    organizations: orgs.organizations,
    docs,
    events,
    ties,
    idOf: (name) => orgs.idOf(name),
    evidenceOf,
    ...businessLookupsOf(context),
    rules: context.attachment,
  });
  const attacher = organizationAttacher(matcher, context.taxonomy, context.attachment);
  const orgLinks = new Map<number, ChainLink[]>();
  for (const org of orgs.organizations) {
    const own = signs.get(org.id);
    const links = own ? trimmed(attachOrganization(own, attacher), minScore) : [];
    if (links.length) orgLinks.set(org.id, links);
  }

  return {
    warnings: orgs.warnings,
    organizations: orgs.organizations,
    people: people.people,
    events,
    orgLinks,
    eventLinks,
    ties,
  };
}

export type { DocumentFacts, KnowledgeGraph, ResolvedCorpus } from './types.js';
export { parseRegion };
