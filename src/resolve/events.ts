import type { Gazetteer } from '../annotate/gazetteer.js';
import { dayRange, daysApart } from '../domain/dates.js';
import { graver } from '../domain/severity.js';
import { ROLES, type Severity } from '../extract/types.js';
import { parseRegion } from './alias-file.js';
import { pushTo } from './group.js';
import type { OrgResolution } from './orgs.js';
import { documentAliases } from './orgs.js';
import type { PersonResolution } from './people.js';
import type { DocumentFacts, EventFact, MergedEvent, MergedPerson, Region } from './types.js';
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
  region: Region | null;
  /** A risk event's subject: reports of one risk name different affected parties, but one subject. */
  subjectId: number | null;
}

/** What must agree for reports in different articles to be one event: the type and the parties (for a risk, its subject). */
function identityOf(report: Report): string | null {
  if (report.subjectId !== null) return `${report.event.type}\u0000s${report.subjectId}`;
  return report.partyIds.length ? `${report.event.type}\u0000${report.partyIds.join(',')}` : null;
}

/** Places that cannot be one: two provinces, or two cities of one province. Unknown places agree with any. */
function placesDisagree(a: Region | null, b: Region | null): boolean {
  if (!a || !b) return false;
  return a.province !== b.province || (a.city !== null && b.city !== null && a.city !== b.city);
}

const isDay = (when: [number, number] | null): when is [number, number] =>
  when !== null && when[0] === when[1];

function highestSeverity(values: readonly (Severity | null)[]): Severity | null {
  let best: Severity | null = null;
  for (const value of values) {
    if (value) best = best ? graver(best, value) : value;
  }
  return best;
}

/** The organization a merged risk event is about: what most of its reports name as subject. */
function subjectOf(members: readonly Report[], orgs: OrgResolution): number | null {
  const votes = new Map<number, number>();
  for (const member of members) {
    if (!member.event.subject) continue;
    const id = orgs.idOf(member.event.subject, documentAliases(member.doc), member.doc.id);
    if (id !== null) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  return [...votes].sort(([a, x], [b, y]) => y - x || a - b)[0]?.[0] ?? null;
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
): MergedEvent[] {
  const reports: Report[] = [];
  for (const doc of docs) {
    const aliases = documentAliases(doc);
    doc.events.forEach((event, ordinal) => {
      const partyIds = [
        ...new Set(
          event.parties.map((party) => orgs.idOf(party, aliases, doc.id)).filter((id) => id !== null),
        ),
      ].sort((a, b) => a - b);
      reports.push({
        key: `${doc.id}:${ordinal}`,
        event,
        doc,
        partyIds,
        when: dayRange(event.date) ?? dayRange(doc.published),
        region: event.location ? parseRegion(event.location, places) : null,
        subjectId: event.subject ? orgs.idOf(event.subject, aliases, doc.id) : null,
      });
    });
  }
  const sets = new UnionFind();
  for (const report of reports) sets.add(report.key);
  const byDocument = new Map<number, string[]>();
  for (const report of reports) pushTo(byDocument, report.doc.id, report.key);
  sets.keepApart([...byDocument.values()].filter((keys) => keys.length > 1));

  const groups = (keyOf: (report: Report) => string | null): Report[][] => {
    const grouped = new Map<string, Report[]>();
    for (const report of reports) {
      const key = keyOf(report);
      if (key !== null) pushTo(grouped, key, report);
    }
    return [...grouped.values()].filter((group) => group.length > 1);
  };

  for (const cluster of groups((report) => `${report.doc.clusterId}\u0000${report.event.type}`)) {
    for (const [index, a] of cluster.entries()) {
      for (const b of cluster.slice(index + 1)) {
        if (a.doc.id === b.doc.id || placesDisagree(a.region, b.region)) continue;
        if (a.when && b.when && daysApart(a.when, b.when) > MERGE_WINDOW_DAYS) continue;
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

  // Across the corpus: one type, the same parties, no two places. Each group is anchored on its first day and
  // takes reports within the window of that day, so a series of signings a week apart never chains into one.
  // A month-only report joins the one group of its month, if there is exactly one.
  for (const group of groups((report) => (report.when ? identityOf(report) : null))) {
    const anchored: { anchor: Report; members: Report[] }[] = [];
    const days = group
      .filter((report) => isDay(report.when))
      .sort((a, b) => (a.when?.[0] ?? 0) - (b.when?.[0] ?? 0));
    for (const report of days) {
      const day = report.when?.[0] ?? 0;
      let home: (typeof anchored)[number] | undefined;
      // Anchors are in day order: only the last few can be within the window.
      for (let at = anchored.length - 1; at >= 0; at--) {
        const candidate = anchored[at] as (typeof anchored)[number];
        if (day - (candidate.anchor.when?.[0] ?? 0) > MERGE_WINDOW_DAYS) break;
        const fits = candidate.members.every(
          (member) => !placesDisagree(member.region, report.region) && member.doc.id !== report.doc.id,
        );
        if (fits) home = candidate;
      }
      if (home) {
        home.members.push(report);
        sets.union(home.anchor.key, report.key);
      } else anchored.push({ anchor: report, members: [report] });
    }
    const months = group.filter((report) => !isDay(report.when));
    for (const report of months) {
      const when = report.when as [number, number];
      const inMonth = anchored.filter(
        ({ anchor, members }) =>
          daysApart(when, anchor.when as [number, number]) === 0 &&
          members.every(
            (member) => !placesDisagree(member.region, report.region) && member.doc.id !== report.doc.id,
          ),
      );
      if (inMonth.length === 1) sets.union((inMonth[0] as (typeof anchored)[number]).anchor.key, report.key);
    }
  }

  const merged = new Map<string, Report[]>();
  for (const report of reports) {
    const root = sets.find(report.key);
    const members = merged.get(root);
    if (members) members.push(report);
    else merged.set(root, [report]);
  }
  const names = new Map(orgs.organizations.map((org) => [org.id, org.name]));
  const events = [...merged.values()].map((members): MergedEvent => {
    const first = members[0] as Report;
    const dates = members.map((member) => member.event.date);
    const precise = dates.filter((date) => date && date.length === 10);
    const location = mostCommon(members.map((member) => member.event.location));
    const partyIds = [...new Set(members.flatMap((member) => member.partyIds))];
    const firstSeen = new Map<number, number>();
    for (const member of members) {
      const aliases = documentAliases(member.doc);
      member.event.parties.forEach((party, index) => {
        const id = orgs.idOf(party, aliases, member.doc.id);
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
          orgId: person.org ? orgs.idOf(person.org, aliases, member.doc.id) : (known?.orgId ?? null),
        });
      }
    }
    return {
      // The first report's id: reports keep their ids, so a merged event keeps its id across rebuilds.
      id: Math.min(...members.map((member) => member.event.id)),
      type: first.event.type,
      date: mostCommon(precise.length ? precise : dates),
      location,
      region: location ? parseRegion(location, places) : null,
      parties: partyIds.map((entityId) => ({ entityId, name: names.get(entityId) ?? '' })),
      people: [...attendees.values()],
      domains: [...new Set(members.flatMap((member) => member.event.domains))],
      reports: members.map((member) => ({ eventId: member.event.id, documentId: member.doc.id })),
      sources: [...new Set(members.flatMap((member) => member.doc.uris))],
      severity: highestSeverity(members.map((member) => member.event.severity ?? null)),
      subjectId: subjectOf(members, orgs),
    };
  });
  return events.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id - b.id);
}
