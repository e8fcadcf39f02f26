// Builders for the resolve tests (kept out of the build with the tests).
import assert from 'node:assert/strict';
import type { EventType } from '../extract/types.js';
import { bundledResources } from '../resources/index.js';
import { parseAliasFile } from './alias-file.js';
import type { ResolveContext } from './index.js';
import type { DocumentFacts, EventFact, OrgFact, ResolvedCorpus } from './types.js';

export const places = bundledResources().places;

export function context(aliasYaml = ''): ResolveContext {
  return {
    places,
    lexicon: bundledResources().annotation,
    aliasFile: parseAliasFile(aliasYaml, 'test aliases', places),
    taxonomy: bundledResources().taxonomy,
    attachment: bundledResources().chainAttachment,
    listedIndustries: bundledResources().listedIndustries,
    knownBusinesses: bundledResources().knownBusinesses,
  };
}

let nextEventId = 1;

export function event(
  type: EventType,
  parties: string[],
  date: string | null,
  more: Partial<EventFact> = {},
): EventFact {
  return {
    id: nextEventId++,
    type,
    date,
    location: null,
    parties,
    people: [],
    domains: [],
    evidence: [{ start: 0, end: 10, text: `${parties.join('与')}签署合作协议。` }],
    ...more,
  };
}

export function org(text: string, canonical = text, type: OrgFact['type'] = 'company'): OrgFact {
  return { text, canonical, type, foundBy: 'suffix' };
}

export function doc(id: number, facts: Partial<DocumentFacts>): DocumentFacts {
  return {
    id,
    clusterId: id,
    published: null,
    uris: [`file:///news/${id}.txt`],
    orgs: [],
    people: [],
    events: [],
    headquarters: [],
    supplies: [],
    business: [],
    ...facts,
  };
}

export const orgNamed = (graph: ResolvedCorpus, name: string) => {
  const found = graph.organizations.find((entity) => entity.aliases.some((alias) => alias.name === name));
  assert.ok(found, `an organization written ${name}`);
  return found;
};
