import type { Region } from '../resolve/types.js';
import type { ChainSnapshot, SnapshotEvent } from './snapshot.js';
import type { Alert, Diagnosis, RegionReport, TimelineEvent } from './types.js';

const inRegion = (place: { province: string | null; city: string | null }, region: Region): boolean =>
  place.province === region.province && (region.city === null || place.city === region.city);

/**
 * What a region report shows: the diagnosis, the alerts about the region's events or organizations, the
 * region's events as a timeline (latest first) and their counts per month and type. Pure.
 */
export function regionReport(
  snapshot: ChainSnapshot,
  diagnosis: Diagnosis,
  alerts: readonly Alert[],
  region: Region,
  timelineLength = 50,
): RegionReport {
  const orgs = new Map(snapshot.organizations.map((org) => [org.id, org]));
  const local = (event: SnapshotEvent): boolean =>
    inRegion(event, region) ||
    event.partyIds.some((id) => {
      const org = orgs.get(id);
      return org !== undefined && inRegion(org, region);
    });
  const events = snapshot.events.filter(local);
  const eventIds = new Set(events.map((event) => event.id));
  const localAlerts = alerts.filter(
    (alert) =>
      (alert.eventId !== null && eventIds.has(alert.eventId)) ||
      alert.evidence.some((item) => item.kind === 'event' && eventIds.has(item.id)),
  );
  const timeline: TimelineEvent[] = [...events]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id)
    .slice(0, timelineLength)
    .map((event) => ({
      id: event.id,
      type: event.type,
      date: event.date,
      parties: event.partyIds.map((id) => orgs.get(id)?.name ?? String(id)),
      severity: event.severity,
      sources: event.sources,
      evidence: event.evidence,
    }));
  const counts = new Map<string, number>();
  for (const event of events) {
    if (!event.date) continue;
    const key = `${event.date.slice(0, 7)}\u0000${event.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const monthly = [...counts]
    .map(([key, count]) => {
      const [month, type] = key.split('\u0000') as [string, string];
      return { month, type, events: count };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.type.localeCompare(b.type));
  return {
    title: `${diagnosis.region.label}新能源汽车产业链诊断报告`,
    diagnosis,
    alerts: localAlerts,
    timeline,
    monthly,
  };
}
