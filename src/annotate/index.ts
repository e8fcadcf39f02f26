import { recognize } from '../ner/index.js';
import { inferAbbreviations } from './aliases.js';
import { findDates } from './dates.js';
import { gazetteer } from './gazetteer.js';
import { annotationLexicon } from './lexicon.js';
import { findModelOrgs } from './model-orgs.js';
import { findModelPeople } from './model-people.js';
import { findMoney } from './money.js';
import {
  findInvestors,
  findKnownOrgs,
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
import type { Annotated, OrgMention, PersonMention } from './types.js';

export type * from './types.js';

export interface AnnotateOptions {
  /** Whether the learned tagger adds organizations the rules miss (on by default). */
  ner: boolean;
}

/** Annotates one clean document: sentences, tokens, organizations, people with titles, places, dates, money. */
export function annotate(
  text: string,
  published: string | null,
  options: AnnotateOptions = { ner: true },
): Annotated {
  const lexicon = annotationLexicon();
  const places = gazetteer();
  const tokens = tokenize(text);
  const context: OrgContext = { text, tokens, lexicon, gazetteer: places };

  const ruleOrgs = resolveOverlaps([
    ...findQuotedOrgs(context),
    ...findKnownOrgs(context),
    ...findOrgsBySuffix(context),
    ...findInvestors(context),
  ]);
  const tagged = options.ner ? recognize(text, tokens) : [];
  const modelOrgs = findModelOrgs(tagged, { ...context, ruleOrgs });
  let orgs = resolveOverlaps([...ruleOrgs, ...modelOrgs]);
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
  const modelPeople = findModelPeople(tagged, { text, lexicon, orgs, rulePeople });
  const people = withNameRepeats(
    text,
    [...rulePeople, ...modelPeople].sort((a, b) => a.start - b.start),
    orgs,
  );
  // Places inside an organization's or a person's name are part of that name.
  const occupied = new Uint8Array(text.length + 1);
  for (const span of [...orgs, ...people]) occupied.fill(1, span.start, span.end);
  return {
    text,
    published,
    sentences: splitSentences(text),
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
