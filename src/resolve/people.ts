import type { OrgResolution } from './orgs.js';
import { documentAliases } from './orgs.js';
import type { DocumentFacts, PersonEntity } from './types.js';

export interface PersonResolution {
  people: PersonEntity[];
  /** The person a name stands for in one document. */
  idOf(name: string, documentId: number): number | null;
}

interface Draft {
  name: string;
  orgId: number | null;
  titles: Map<string, number>;
  mentions: number;
  documents: Set<number>;
}

/**
 * People by name and organization: 张雷 of one company and 张雷 of another are two people. A name written
 * without an organization takes the one the same article gives it elsewhere, or else the only organized
 * person of that name in the corpus; with several, it stays a person of its own.
 */
export function resolvePeople(
  docs: readonly DocumentFacts[],
  orgs: OrgResolution,
  firstId: number,
): PersonResolution {
  const drafts = new Map<string, Draft>();
  const keyOf = (name: string, orgId: number | null): string => `${name}\u0000${orgId ?? ''}`;
  const byDocument = new Map<number, Map<string, number | null>>();
  const organizedByName = new Map<string, Set<number>>();

  const facts = docs.map((doc) => {
    const aliases = documentAliases(doc);
    const written = [
      ...doc.people,
      ...doc.events.flatMap((event) => event.people.map(({ name, title, org }) => ({ name, title, org }))),
    ].map((person) => ({ ...person, orgId: person.org ? orgs.idOf(person.org, aliases) : null }));
    const orgOfName = new Map<string, number | null>();
    for (const person of written) {
      if (person.orgId !== null || !orgOfName.has(person.name)) orgOfName.set(person.name, person.orgId);
      if (person.orgId !== null) {
        const ids = organizedByName.get(person.name) ?? new Set<number>();
        ids.add(person.orgId);
        organizedByName.set(person.name, ids);
      }
    }
    byDocument.set(doc.id, orgOfName);
    return { doc, written, orgOfName };
  });

  for (const { doc, written, orgOfName } of facts) {
    for (const [name, orgId] of orgOfName) {
      const onlyOne = organizedByName.get(name);
      if (orgId === null && onlyOne?.size === 1) orgOfName.set(name, [...onlyOne][0] as number);
    }
    for (const person of written) {
      const orgId = orgOfName.get(person.name) ?? null;
      const key = keyOf(person.name, orgId);
      const draft = drafts.get(key) ?? {
        name: person.name,
        orgId,
        titles: new Map<string, number>(),
        mentions: 0,
        documents: new Set<number>(),
      };
      draft.mentions++;
      draft.documents.add(doc.id);
      if (person.title) draft.titles.set(person.title, (draft.titles.get(person.title) ?? 0) + 1);
      drafts.set(key, draft);
    }
  }

  const sorted = [...drafts].sort(
    ([, a], [, b]) => b.documents.size - a.documents.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const idByKey = new Map<string, number>();
  const people = sorted.map(([key, draft], index): PersonEntity => {
    idByKey.set(key, firstId + index);
    const titles = [...draft.titles.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    return {
      id: firstId + index,
      name: draft.name,
      title: titles[0] ?? null,
      orgId: draft.orgId,
      mentions: draft.mentions,
      documents: draft.documents.size,
    };
  });
  return {
    people,
    idOf(name, documentId) {
      const orgOfName = byDocument.get(documentId);
      if (!orgOfName?.has(name)) return null;
      return idByKey.get(keyOf(name, orgOfName.get(name) ?? null)) ?? null;
    },
  };
}
