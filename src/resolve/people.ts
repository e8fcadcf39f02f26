import { stableId } from './ids.js';
import { normaliseName } from './names.js';
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
 * without an organization takes the one the same article, or a repost of it, gives it; else it stays a person
 * of that article alone, since nothing says which namesake it is.
 */
export function resolvePeople(docs: readonly DocumentFacts[], orgs: OrgResolution): PersonResolution {
  const drafts = new Map<string, Draft>();
  const byDocument = new Map<number, Map<string, string>>();
  const organizedInCluster = new Map<string, Set<number>>();
  const clusterKey = (name: string, clusterId: number): string => `${name}\u0000@${clusterId}`;

  const facts = docs.map((doc) => {
    const aliases = documentAliases(doc);
    const written = [
      ...doc.people,
      ...doc.events.flatMap((event) => event.people.map(({ name, title, org }) => ({ name, title, org }))),
    ].map((person) => ({ ...person, orgId: person.org ? orgs.idOf(person.org, aliases, doc.id) : null }));
    for (const person of written) {
      if (person.orgId === null) continue;
      const ids = organizedInCluster.get(clusterKey(person.name, doc.clusterId)) ?? new Set<number>();
      ids.add(person.orgId);
      organizedInCluster.set(clusterKey(person.name, doc.clusterId), ids);
    }
    return { doc, written };
  });

  for (const { doc, written } of facts) {
    const keyOfName = new Map<string, string>();
    for (const person of written) {
      let orgId = person.orgId;
      if (orgId === null) {
        const inCluster = organizedInCluster.get(clusterKey(person.name, doc.clusterId));
        if (inCluster?.size === 1) orgId = [...inCluster][0] as number;
      }
      const key = orgId !== null ? `${person.name}\u0000${orgId}` : clusterKey(person.name, doc.clusterId);
      if (orgId !== null || !keyOfName.has(person.name)) keyOfName.set(person.name, key);
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
    byDocument.set(doc.id, keyOfName);
  }

  const idByKey = new Map<string, number>();
  const people = [...drafts]
    .map(([key, draft]): PersonEntity => {
      const id = stableId(`person:${key}`);
      idByKey.set(key, id);
      const titles = [...draft.titles.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      return {
        id,
        name: draft.name,
        normalised: normaliseName(draft.name),
        title: titles[0] ?? null,
        orgId: draft.orgId,
        mentions: draft.mentions,
        documents: draft.documents.size,
      };
    })
    .sort((a, b) => b.documents - a.documents || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  return {
    people,
    idOf(name, documentId) {
      const key = byDocument.get(documentId)?.get(name);
      return key === undefined ? null : (idByKey.get(key) ?? null);
    },
  };
}
