import type { NerModel, ScoredSpan } from '../ner/index.js';
import { bundledResources, type Resources } from '../resources/index.js';
import { findActingPlaces } from './acting-places.js';
import { inferAbbreviations } from './aliases.js';
import { findDates } from './dates.js';
import { findLatinOrgs } from './latin-orgs.js';
import { findListOrgs } from './list-orgs.js';
import { findNamedOrgs } from './listed-orgs.js';
import { findModelPeople } from './model-people.js';
import { findMoney } from './money.js';
import { DEFAULT_ORG_POLICY, ORG_POLICIES, type OrgPolicyName } from './org-policy.js';
import {
  findInvestors,
  findOrgsBySuffix,
  findQuotedOrgs,
  findRepeats,
  findStatedAliases,
  type OrgContext,
  resolveOverlaps,
} from './orgs.js';
import { findPeopleWithTitles } from './people.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';
import type { Annotated, OrgMention, PersonMention, Sentence, Token } from './types.js';
import { findZones } from './zones.js';

export type * from './types.js';

/** Sentences longer than this are not tagged: lists and tables the cleaner left, where the tagger costs most. */
const SENTENCE_LIMIT = 600;

export interface AnnotateOptions {
  /** Whether the learned tagger weighs in on organizations and people (on by default). */
  ner: boolean;
  /** The lexicons, name lists and tagger (the bundled ones unless given). */
  resources?: Resources;
  /** How rule-found and tagger-found organizations meet (`DEFAULT_ORG_POLICY` by default). */
  orgPolicy?: OrgPolicyName;
}

/** Annotates one clean document: sentences, tokens, organizations, people with titles, places, dates, money. */
export function annotate(
  text: string,
  published: string | null,
  options: AnnotateOptions = { ner: true },
): Annotated {
  const resources = options.resources ?? bundledResources();
  const lexicon = resources.annotation;
  const places = resources.places;
  const tokens = tokenize(text);
  const context: OrgContext = { text, tokens, lexicon, gazetteer: places, names: resources.names };

  const foundFirst = [
    ...findQuotedOrgs(context),
    ...findNamedOrgs(context),
    ...findOrgsBySuffix(context),
    ...findInvestors(context),
    ...findZones(context),
  ];
  // Latin names and list items are read beside what the rules above found.
  const ruleOrgs = [
    ...foundFirst,
    ...findLatinOrgs(context, foundFirst),
    ...findListOrgs(context, foundFirst),
    ...findActingPlaces(context, foundFirst),
  ];
  const sentences = splitSentences(text);
  const tagger = options.ner ? resources.tagger() : null;
  const tagged = tagger ? tagSentences(tagger, tokens, sentences, taggerCanHelp(text, ruleOrgs)) : [];
  const policy = ORG_POLICIES[options.orgPolicy ?? DEFAULT_ORG_POLICY];
  let orgs = policy(
    ruleOrgs,
    tagged.filter((span) => span.label === 'ORG'),
    context,
  );
  const stated = findStatedAliases(text, orgs);
  const names = new Map<string, OrgMention>();
  for (const org of orgs) if (!names.has(org.text)) names.set(org.text, org);
  for (const [alias, org] of stated) names.set(alias, org);
  orgs = resolveOverlaps([...orgs, ...findRepeats(text, names)]);
  const inferred = inferAbbreviations(tokens, orgs, lexicon, places);
  for (const [alias, full] of inferred) {
    const org = names.get(full);
    if (org && !names.has(alias)) names.set(alias, org);
  }
  orgs = resolveOverlaps([...orgs, ...findRepeats(text, names)]);

  const aliases = new Map<string, string>();
  for (const [alias, org] of names) if (alias !== org.text) aliases.set(alias, org.text);
  for (const [alias, full] of inferred) aliases.set(alias, full);
  linkKnownForms(orgs, aliases, lexicon.knownOrgs);

  const rulePeople = findPeopleWithTitles({ text, orgs, lexicon });
  const modelPeople = findModelPeople(
    tagged.filter((span) => span.label === 'PER'),
    { text, lexicon, orgs, rulePeople },
  );
  const people = withNameRepeats(
    text,
    [...rulePeople, ...modelPeople].sort((a, b) => a.start - b.start),
    orgs,
  );
  // Places inside an organization's or a person's name are part of that name; a place that acts as a party, or
  // names a zone, stays a place too.
  const occupied = new Uint8Array(text.length + 1);
  const placeToo = (org: OrgMention): boolean =>
    org.source === 'actor' || lexicon.zones.some((zone) => org.text.endsWith(zone));
  for (const org of orgs) if (!placeToo(org)) occupied.fill(1, org.start, org.end);
  for (const person of people) occupied.fill(1, person.start, person.end);
  return {
    text,
    published,
    sentences,
    tokens,
    orgs,
    people,
    places: places
      .find(text)
      .filter((place) => !occupied.subarray(place.start, place.end).every((covered) => covered === 1)),
    dates: findDates(text, published),
    money: findMoney(text),
    aliases,
  };
}

/**
 * The tagger's spans (PER, LOC, ORG), sentence by sentence (the model saw sentences), each organization with the
 * probability the model gives it; the other spans are not scored (confidence 1), which saves the forward–backward
 * pass in sentences without an organization.
 */
function tagSentences(
  model: NerModel,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  worthTagging: (words: readonly Token[]) => boolean,
): ScoredSpan[] {
  const spans: ScoredSpan[] = [];
  let first = 0;
  for (const sentence of sentences) {
    while (first < tokens.length && (tokens[first] as Token).start < sentence.start) first++;
    let stop = first;
    while (stop < tokens.length && (tokens[stop] as Token).end <= sentence.end) stop++;
    const words = tokens.slice(first, stop);
    first = stop;
    if (words.length === 0 || sentence.text.length > SENTENCE_LIMIT || !worthTagging(words)) continue;
    const local = words.map((word) => ({
      ...word,
      start: word.start - sentence.start,
      end: word.end - sentence.start,
    }));
    const tagged = model.tagText(sentence.text, local);
    const orgs = tagged.spans.filter((span) => span.label === 'ORG');
    const probabilities = orgs.length > 0 ? model.confidences(tagged, orgs) : [];
    const confidence = new Map(orgs.map((span, index) => [span, probabilities[index] ?? 0]));
    for (const span of tagged.spans) {
      spans.push({
        ...span,
        start: span.start + sentence.start,
        end: span.end + sentence.start,
        confidence: confidence.get(span) ?? 1,
      });
    }
  }
  return spans;
}

/**
 * Parts of speech of the words where an organization the rules missed hides: jieba's organizations (nt), other
 * proper nouns (nz), abbreviations (j) and Latin words (eng). With person names and unknown words too the tagger
 * ran on half as much text again and found nothing more on news-dev.
 */
const NAME_POS = /^(nt|nz|j|eng)$/;

/**
 * Which sentences the tagger can change something in: those with a candidate that waits for its support, and
 * those with a name-like word (`NAME_POS`) that no name the rules found firmly covers. Elsewhere tagging would cost
 * time and change little.
 */
function taggerCanHelp(text: string, ruleOrgs: readonly OrgMention[]): (words: readonly Token[]) => boolean {
  const firm = new Uint8Array(text.length + 1);
  const waiting = new Uint8Array(text.length + 1);
  for (const org of ruleOrgs) (org.needsSupport ? waiting : firm).fill(1, org.start, org.end);
  return (words) =>
    words.some(
      (word) =>
        waiting[word.start] === 1 ||
        (NAME_POS.test(word.pos) &&
          /[\p{L}]{2}/u.test(word.text) &&
          !firm.subarray(word.start, word.end).every((bit) => bit === 1)),
    );
}

/** Forms of one well-known organization that this article uses are one organization, under its longest form. */
function linkKnownForms(
  orgs: readonly OrgMention[],
  aliases: Map<string, string>,
  known: Map<string, { names: string[] }>,
): void {
  const used = new Set(orgs.map((org) => org.text));
  for (const form of used) {
    const group = known.get(form);
    if (!group) continue;
    const present = group.names.filter((name) => used.has(name));
    const canonical = present.reduce(
      (longest, name) => (name.length > longest.length ? name : longest),
      form,
    );
    for (const name of present) if (name !== canonical && !aliases.has(name)) aliases.set(name, canonical);
  }
}

/** Later mentions of a titled person by name alone (景俊海指出), outside organization names and titles. */
function withNameRepeats(
  text: string,
  people: PersonMention[],
  orgs: readonly OrgMention[],
): PersonMention[] {
  const all = [...people];
  const occupied = new Uint8Array(text.length + 1);
  for (const span of [...orgs, ...people]) occupied.fill(1, span.start, span.end);
  for (const person of people)
    if (person.titleSpan) occupied.fill(1, person.titleSpan.start, person.titleSpan.end);
  const taken = (start: number, end: number): boolean => occupied.subarray(start, end).includes(1);
  for (const name of new Set(people.map((person) => person.text))) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (taken(at, at + name.length)) continue;
      all.push({
        label: 'person',
        start: at,
        end: at + name.length,
        text: name,
        title: null,
        titleSpan: null,
        org: null,
      });
      occupied.fill(1, at, at + name.length);
    }
  }
  return all.sort((a, b) => a.start - b.start);
}
