import type { AttachmentRules } from '../chain/attachment-rules.js';
import type { OrganizationSigns, SignText } from '../chain/organization.js';
import { cuePhrases } from '../chain/sign-phrases.js';
import type { DocumentFacts, MergedEvent, OrgEntity, Tie } from '../domain/graph.js';
import { pushTo } from './group.js';

const namesOf = (org: OrgEntity): string[] => [org.name, ...org.aliases.map((alias) => alias.name)];

/** Event types in which a company builds or settles something of its own (not an investment in another company). */
const BUILDING_EVENTS: ReadonlySet<MergedEvent['type']> = new Set(['settlement', 'investment']);

/**
 * Every sign of where each organization sits in the chain, from the whole corpus: what the articles say it makes
 * or does, what its own projects make (a settlement or an investment of a single company that buys no other company),
 * what its supply ties say it supplies, and its listed industry.
 */
export function organizationSigns(input: {
  organizations: readonly OrgEntity[];
  docs: readonly DocumentFacts[];
  events: readonly MergedEvent[];
  ties: readonly Tie[];
  idOf: (name: string) => number | null;
  evidenceOf: (event: MergedEvent) => string[];
  industryOf: (names: readonly string[]) => string | null;
  knownNodesOf: (names: readonly string[]) => string[];
  rules: AttachmentRules;
}): Map<number, OrganizationSigns> {
  const { organizations, rules } = input;
  const business = new Map<number, SignText[]>();
  for (const doc of input.docs) {
    for (const statement of doc.business) {
      const id = input.idOf(statement.org);
      if (id !== null) pushTo(business, id, { phrase: statement.phrase, sentence: statement.evidence });
    }
  }
  const typeOf = new Map(organizations.map((org) => [org.id, org.type]));
  const investments = new Set(
    input.ties.filter((tie) => tie.type === 'invests_in').flatMap((tie) => tie.events),
  );
  const project = new Map<number, SignText[]>();
  for (const event of input.events) {
    if (!BUILDING_EVENTS.has(event.type) || investments.has(event.id)) continue;
    const builders = event.parties.filter((party) => typeOf.get(party.entityId) === 'company');
    const [builder, ...others] = builders;
    if (!builder || others.length) continue;
    for (const sentence of input.evidenceOf(event)) {
      for (const phrase of cuePhrases(sentence, rules.projectCues))
        pushTo(project, builder.entityId, { phrase, sentence });
    }
  }
  const topic = new Map<number, SignText[]>();
  for (const event of input.events) {
    if (investments.has(event.id)) continue;
    for (const party of event.parties) {
      if (typeOf.get(party.entityId) !== 'company') continue;
      for (const domain of event.domains) pushTo(topic, party.entityId, { phrase: domain, sentence: domain });
    }
  }
  const supply = new Map<number, SignText[]>();
  for (const tie of input.ties) {
    if (tie.type !== 'supplies' || !tie.directed) continue;
    for (const { text } of tie.evidence) {
      for (const phrase of cuePhrases(text, rules.supplyCues))
        pushTo(supply, tie.from, { phrase, sentence: text });
    }
  }
  return new Map(
    organizations.map((org) => [
      org.id,
      {
        name: org.name,
        type: org.type,
        business: business.get(org.id) ?? [],
        project: project.get(org.id) ?? [],
        supply: supply.get(org.id) ?? [],
        topic: topic.get(org.id) ?? [],
        industry: input.industryOf(namesOf(org)),
        known: input.knownNodesOf(namesOf(org)),
      },
    ]),
  );
}
