import type { Gazetteer } from '../annotate/gazetteer.js';
import { ROLES } from '../extract/types.js';
import { parseRegion } from './alias-file.js';
import { dayRange, daysApart } from './dates.js';
import type { OrgResolution } from './orgs.js';
import { documentAliases } from './orgs.js';
import type { PersonResolution } from './people.js';
import type { DocumentFacts, EventFact, MergedEvent, MergedPerson } from './types.js';
import { UnionFind } from './union-find.js';

/** Reports of one event may date it a few days apart (the signing, the press release, the repost). */
export const MERGE_WINDOW_DAYS = 3;

interface Report {
  key: string;
  event: EventFact;
  doc: DocumentFacts;
  partyIds: number[];
  /** The event's own date, or the article's publication date when it gives none. */
  when: [number, number] | null;
}

const sameSet = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((id, index) => id === b[index]);

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? null;
}

/**
 * Events, not reports. Reports of one near-duplicate cluster merge first: events of one type with the same
 * parties (or, failing that, the same place in their articles and shared parties). Then across the corpus,
 * events of one type with the same resolved parties dated within MERGE_WINDOW_DAYS merge. Two events of one
 * article never merge: the extractor already told them apart.
 */
export function mergeEvents(
  docs: readonly DocumentFacts[],
  orgs: OrgResolution,
  people: PersonResolution,
  places: Gazetteer,
  firstId = 1,
): MergedEvent[] {
  const reports: Report[] = [];
  for (const doc of docs) {
    const aliases = documentAliases(doc);
    doc.events.forEach((event, ordinal) => {
      const partyIds = [
        ...new Set(event.parties.map((party) => orgs.idOf(party, aliases)).filter((id) => id !== null)),
      ].sort((a, b) => a - b);
      reports.push({
        key: `${doc.id}:${ordinal}`,
        event,
        doc,
        partyIds,
        when: dayRange(event.date) ?? dayRange(doc.published),
      });
    });
  }
  const sets = new UnionFind();
  for (const report of reports) sets.add(report.key);
  const byDocument = new Map<number, string[]>();
  for (const report of reports)
    byDocument.set(report.doc.id, [...(byDocument.get(report.doc.id) ?? []), report.key]);
  sets.keepApart([...byDocument.values()].filter((keys) => keys.length > 1));

  const groups = (keyOf: (report: Report) => string | null): Report[][] => {
    const grouped = new Map<string, Report[]>();
    for (const report of reports) {
      const key = keyOf(report);
      if (key !== null) grouped.set(key, [...(grouped.get(key) ?? []), report]);
    }
    return [...grouped.values()].filter((group) => group.length > 1);
  };

  for (const cluster of groups((report) => `${report.doc.clusterId}\u0000${report.event.type}`)) {
    for (const [index, a] of cluster.entries()) {
      for (const b of cluster.slice(index + 1)) {
        if (a.doc.id === b.doc.id) continue;
        const ordinalA = a.doc.events.indexOf(a.event);
        const ordinalB = b.doc.events.indexOf(b.event);
        const shared = a.partyIds.some((id) => b.partyIds.includes(id));
        const bothUnnamed = a.partyIds.length === 0 && b.partyIds.length === 0;
        if (sameSet(a.partyIds, b.partyIds) || (ordinalA === ordinalB && (shared || bothUnnamed))) {
          sets.union(a.key, b.key);
        }
      }
    }
  }

  for (const group of groups((report) =>
    report.partyIds.length && report.when ? `${report.event.type}\u0000${report.partyIds.join(',')}` : null,
  )) {
    group.sort((a, b) => (a.when?.[0] ?? 0) - (b.when?.[0] ?? 0));
    for (const [index, a] of group.entries()) {
      for (const b of group.slice(index + 1)) {
        if (!a.when || !b.when) continue;
        if (b.when[0] - a.when[1] > MERGE_WINDOW_DAYS) break;
        if (daysApart(a.when, b.when) <= MERGE_WINDOW_DAYS) sets.union(a.key, b.key);
      }
    }
  }

  const merged = new Map<string, Report[]>();
  for (const report of reports) {
    const root = sets.find(report.key);
    merged.set(root, [...(merged.get(root) ?? []), report]);
  }
  const names = new Map(orgs.organizations.map((org) => [org.id, org.name]));
  const events = [...merged.values()].map((members): Omit<MergedEvent, 'id'> => {
    const first = members[0] as Report;
    const dates = members.map((member) => member.event.date);
    const precise = dates.filter((date) => date && date.length === 10);
    const location = mostCommon(members.map((member) => member.event.location));
    const partyIds = [...new Set(members.flatMap((member) => member.partyIds))];
    const firstSeen = new Map<number, number>();
    for (const member of members) {
      const aliases = documentAliases(member.doc);
      member.event.parties.forEach((party, index) => {
        const id = orgs.idOf(party, aliases);
        if (id !== null && !firstSeen.has(id)) firstSeen.set(id, firstSeen.size * 100 + index);
      });
    }
    partyIds.sort((a, b) => (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
    const attendees = new Map<number, MergedPerson>();
    for (const member of members) {
      const aliases = documentAliases(member.doc);
      for (const person of member.event.people) {
        const entityId = people.idOf(person.name, member.doc.id);
        if (entityId === null) continue;
        const known = attendees.get(entityId);
        const stronger = !known || ROLES.indexOf(person.role) < ROLES.indexOf(known.role);
        const title = [known?.title, person.title].reduce<string | null>(
          (best, next) => (next && (!best || next.length > best.length) ? next : (best ?? null)),
          null,
        );
        attendees.set(entityId, {
          entityId,
          name: person.name,
          title,
          role: stronger ? person.role : (known?.role ?? person.role),
          orgId: person.org ? orgs.idOf(person.org, aliases) : (known?.orgId ?? null),
        });
      }
    }
    return {
      type: first.event.type,
      date: mostCommon(precise.length ? precise : dates),
      location,
      region: location ? parseRegion(location, places) : null,
      parties: partyIds.map((entityId) => ({ entityId, name: names.get(entityId) ?? '' })),
      people: [...attendees.values()],
      domains: [...new Set(members.flatMap((member) => member.event.domains))],
      reports: members.map((member) => ({ eventId: member.event.id, documentId: member.doc.id })),
      sources: [...new Set(members.flatMap((member) => member.doc.uris))],
    };
  });
  events.sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      (a.reports[0]?.eventId ?? 0) - (b.reports[0]?.eventId ?? 0),
  );
  return events.map((event, index) => ({ id: firstId + index, ...event }));
}
