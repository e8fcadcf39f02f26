import type { Annotated, Sentence } from '../annotate/types.js';
import { bundledResources, type Resources } from '../resources/index.js';
import { businessStatements } from './business.js';
import { domainsIn } from './domains.js';
import {
  DEFAULT_EVENT_POLICY,
  DEFAULT_PARTY_POLICY,
  EVENT_POLICIES,
  type EventPolicyName,
  PARTY_POLICIES,
  type PartyPolicyName,
} from './event-policy.js';
import { type EventCandidate, findEvents, isAgreement } from './events/index.js';
import { headquartersStatements } from './headquarters.js';
import type { EventModel } from './learned/event-model.js';
import type { EventLexicon } from './lexicon.js';
import { OrgNames } from './names.js';
import { documentPeople, eventPeople } from './people.js';
import { findRisks } from './risks.js';
import { supplyStatements } from './supply-statements.js';
import type { ExtractedEvent, Extraction, SupplyStatement } from './types.js';

export type * from './types.js';

export interface ExtractInput {
  file: string;
  title: string | null;
  published: string | null;
  text: string;
}

export interface ExtractOptions {
  /** How the rules' event triggers and the learned model's meet (`DEFAULT_EVENT_POLICY` by default). */
  eventPolicy?: EventPolicyName;
  /** How the rules' parties and the party labeller's meet (`DEFAULT_PARTY_POLICY` by default). */
  partyPolicy?: PartyPolicyName;
  /** The learned event layer (the resources' model by default; null: the rules alone). */
  eventModel?: EventModel | null;
  /** The lexicons and models (the bundled ones unless given). */
  resources?: Resources;
}

/**
 * The event each sentence's people belong to: the event the sentence reports; else the event whose occasion it
 * names (出席签约仪式 → the signing), the latest one begun before it; else the latest event begun before it; else
 * the first. With one event, every sentence is its.
 */
function sentenceOwners(
  sentences: readonly Sentence[],
  events: readonly EventCandidate[],
  sentenceAt: ReadonlyMap<number, Sentence>,
  occasions: EventLexicon['occasions'],
): number[] {
  const firstIndex = events.map((event) =>
    Math.min(
      ...event.evidence.map((evidence) => sentenceAt.get(evidence.start)?.index ?? event.sentence.index),
    ),
  );
  const reported = new Map<number, number>();
  events.forEach((event, e) => {
    for (const evidence of event.evidence) {
      const index = sentenceAt.get(evidence.start)?.index;
      if (index === undefined) continue;
      const current = reported.get(index);
      if (
        current === undefined ||
        (isAgreement(event.type) && !isAgreement(events[current]?.type ?? 'meeting'))
      )
        reported.set(index, e);
    }
  });
  const latestBefore = (candidates: number[], index: number): number | undefined => {
    const before = candidates.filter((e) => (firstIndex[e] ?? 0) <= index);
    return before.length > 0
      ? before.reduce((best, e) => ((firstIndex[e] ?? 0) > (firstIndex[best] ?? 0) ? e : best))
      : candidates[0];
  };
  const all = events.map((_, e) => e);
  return sentences.map((sentence) => {
    const direct = reported.get(sentence.index);
    if (direct !== undefined) return direct;
    const named = all.filter((e) => occasions.get((events[e] as EventCandidate).type)?.test(sentence.text));
    return (named.length > 0 ? latestBefore(named, sentence.index) : latestBefore(all, sentence.index)) ?? 0;
  });
}

/** A supply deal whose sides its own sentence leaves open, read from the article's statement of the pair (根据协议，甲将为乙供应…). */
function withStatedDirection(event: ExtractedEvent, supplies: readonly SupplyStatement[]): ExtractedEvent {
  if (event.type !== 'supply_agreement' || event.supplier || event.customer || event.parties.length !== 2)
    return event;
  const stated = supplies.find(
    (statement) => event.parties.includes(statement.supplier) && event.parties.includes(statement.customer),
  );
  return stated ? { ...event, supplier: stated.supplier, customer: stated.customer } : event;
}

/** Events, organizations and people of one clean document, per the extraction contract. Pure. */
export function extract(input: ExtractInput, annotated: Annotated, options: ExtractOptions = {}): Extraction {
  const resources = options.resources ?? bundledResources();
  const lexicon = resources.events;
  const names = new OrgNames(annotated);
  const candidates = findEvents(
    annotated,
    names,
    lexicon,
    EVENT_POLICIES[options.eventPolicy ?? DEFAULT_EVENT_POLICY],
    options.eventModel === undefined ? resources.eventModel : options.eventModel,
    PARTY_POLICIES[options.partyPolicy ?? DEFAULT_PARTY_POLICY],
  );
  const sentenceAt = new Map(annotated.sentences.map((sentence) => [sentence.start, sentence]));
  const owners = sentenceOwners(annotated.sentences, candidates, sentenceAt, lexicon.occasions);
  const events: ExtractedEvent[] = candidates.map((candidate, index) => {
    const sentences = candidate.evidence
      .map((evidence) => sentenceAt.get(evidence.start))
      .filter((sentence) => sentence !== undefined);
    const following = annotated.sentences.slice(candidate.sentence.index, candidate.sentence.index + 3);
    return {
      type: candidate.type,
      date: candidate.date,
      location: candidate.location,
      parties: candidate.parties,
      people: eventPeople(
        annotated,
        names,
        lexicon,
        sentences,
        candidate.type,
        (sentence) => owners[sentence.index] === index,
      ),
      domains: domainsIn(isAgreement(candidate.type) ? following : [candidate.sentence], lexicon),
      evidence: candidate.evidence,
      foundBy: candidate.foundBy,
      ...(candidate.type === 'supply_agreement'
        ? { supplier: candidate.supplier ?? null, customer: candidate.customer ?? null }
        : {}),
      ...(candidate.type === 'investment' ? { target: candidate.target ?? null } : {}),
    };
  });
  // Government bodies named only inside titles (浙江省经信厅副厅长) are no organizations of the article.
  const inTitle = new Uint8Array(annotated.text.length + 1);
  for (const person of annotated.people) {
    if (person.titleSpan) inTitle.fill(1, person.titleSpan.start, person.titleSpan.end);
  }
  const withinTitle = (org: Annotated['orgs'][number]): boolean =>
    inTitle.subarray(org.start, org.end).every((covered) => covered === 1);
  const titleOnly = new Set(
    annotated.orgs.filter((org) => org.orgType === 'government' && withinTitle(org)).map((org) => org.text),
  );
  const outsideTitles = new Set(annotated.orgs.filter((org) => !withinTitle(org)).map((org) => org.text));
  const supplies = supplyStatements(annotated, names);
  const allEvents = [
    ...events.map((event) => withStatedDirection(event, supplies)),
    ...findRisks(annotated, names, resources.risks, input.title),
  ];
  // News media are the article's sources, not organizations it reports on.
  const organizations = [
    ...new Set([
      ...annotated.orgs
        .filter((org) => !(titleOnly.has(org.text) && !outsideTitles.has(org.text)))
        .filter((org) => org.orgType !== 'media')
        .map((org) => names.canonicalOf(org)),
      // A party read from a signing's wording (甲与乙签订) is an organization of the article too.
      ...allEvents.flatMap((event) => event.parties),
    ]),
  ];
  return {
    file: input.file,
    title: input.title,
    published: input.published,
    events: allEvents,
    organizations,
    people: documentPeople(annotated),
    aliases: names.aliasesByName(),
    headquarters: headquartersStatements(annotated, names),
    supplies,
    business: businessStatements(annotated, names),
  };
}
