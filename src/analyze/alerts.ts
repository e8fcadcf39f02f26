import { atLeast } from '../domain/severity.js';
import { EVENT_TYPE_NAMES } from '../extract/labels.js';
import { type EventType, RISK_EVENT_TYPES, type Severity } from '../extract/types.js';
import type { Region } from '../resolve/types.js';
import type { AlertRule, SpikeTest } from './alert-rules.js';
import type { ChainSnapshot, SnapshotEvent, SnapshotOrganization } from './snapshot.js';
import type { FindingEvidence } from './types.js';

/** A rule with its names resolved: organizations to ids, segments to the chain nodes they cover, places to regions. */
export interface ResolvedRule extends Omit<AlertRule, 'entities' | 'segments' | 'regions'> {
  entityIds: Set<number> | null;
  nodes: Set<string> | null;
  regions: Region[] | null;
}

export type { RaisedAlert, SupplyHop } from '../domain/alerts.js';

import type { RaisedAlert, SupplyHop } from '../domain/alerts.js';

const DAY_MS = 86_400_000;
const dayOf = (date: string): number =>
  Date.parse(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`) / DAY_MS;

const inRegion = (place: { province: string | null; city: string | null }, region: Region): boolean =>
  place.province === region.province && (region.city === null || place.city === region.city);

/** Whether an event is of the kind a rule watches: type, severity, organizations, segments, regions. */
function matches(
  event: SnapshotEvent,
  rule: ResolvedRule,
  orgs: ReadonlyMap<number, SnapshotOrganization>,
): boolean {
  const types: readonly string[] = rule.types ?? RISK_EVENT_TYPES;
  if (!types.includes(event.type)) return false;
  const risk = (RISK_EVENT_TYPES as readonly string[]).includes(event.type);
  if (risk && !atLeast(event.severity, rule.minSeverity)) return false;
  const involved = [...new Set([...(event.subjectId === null ? [] : [event.subjectId]), ...event.partyIds])];
  if (rule.entityIds && !involved.some((id) => rule.entityIds?.has(id))) return false;
  if (rule.nodes) {
    const nodes = rule.nodes;
    const attached =
      event.nodes.some((node) => nodes.has(node)) ||
      involved.some((id) => orgs.get(id)?.links.some((link) => nodes.has(link.node)));
    if (!attached) return false;
  }
  if (rule.regions) {
    const regions = rule.regions;
    const located =
      regions.some((region) => inRegion(event, region)) ||
      involved.some((id) => {
        const org = orgs.get(id);
        return org !== undefined && regions.some((region) => inRegion(org, region));
      });
    if (!located) return false;
  }
  return true;
}

function describe(event: SnapshotEvent, orgs: ReadonlyMap<number, SnapshotOrganization>): string {
  const names = EVENT_TYPE_NAMES[event.type as EventType];
  const who =
    (event.subjectId !== null ? orgs.get(event.subjectId)?.name : undefined) ??
    event.partyIds.map((id) => orgs.get(id)?.name ?? String(id)).join('、');
  const what = names ? `${names.zh}（${names.en}）` : event.type;
  return `${who || '（未具名）'}：${what}${event.severity ? `，严重度 ${event.severity}` : ''}${event.date ? `，${event.date}` : ''}`;
}

const evidenceOf = (event: SnapshotEvent): FindingEvidence => ({
  kind: 'event',
  id: event.id,
  label: `${event.type} ${event.date ?? ''}`.trim(),
  text: event.evidence,
});

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

/**
 * A spike: the matching events dated in the last `days` before `now`, against the rate of the `baselineDays`
 * before that, shortened to the history the corpus has (no test with less than one window of it). One-sided
 * Poisson test with λ = (baseline + 0.5) × days / baseline days (the half event keeps an empty baseline from
 * making any first events a spike). Fires when p < alpha and the count reaches minCount. The alert is keyed on
 * the first event of the burst, so one burst raises one alert however long it lasts.
 */
function spikeAlert(
  rule: ResolvedRule,
  test: SpikeTest,
  events: readonly SnapshotEvent[],
  now: string,
  earliest: number,
): RaisedAlert | null {
  const today = dayOf(now);
  const windowStart = today - test.days;
  const history = Math.min(test.baselineDays, windowStart - earliest);
  if (history < test.days) return null;
  const dated = events.filter((event) => event.date !== null);
  const recent = dated
    .filter((event) => {
      const day = dayOf(event.date as string);
      return day > windowStart && day <= today;
    })
    .sort((a, b) => (a.date as string).localeCompare(b.date as string) || a.id - b.id);
  const baseline = dated.filter((event) => {
    const day = dayOf(event.date as string);
    return day > windowStart - history && day <= windowStart;
  });
  const lambda = ((baseline.length + 0.5) * test.days) / history;
  const p = poissonTail(recent.length, lambda);
  if (recent.length < test.minCount || p >= test.alpha) return null;
  const highest = recent.reduce<Severity>(
    (best, event) => (event.severity && atLeast(event.severity, best) ? event.severity : best),
    'low',
  );
  return {
    key: `${rule.id}:spike:${recent[0]?.id ?? 0}`,
    rule: rule.id,
    severity: highest,
    message:
      `${rule.description ?? rule.id}：近 ${test.days} 天 ${recent.length} 起，此前 ${Math.round(history)} 天 ${baseline.length} 起` +
      `（期望 ${lambda.toFixed(2)}，p = ${p.toExponential(2)}）`,
    eventId: null,
    subject: null,
    date: now,
    evidence: recent.slice(0, 10).map(evidenceOf),
    path: null,
    reportIds: [],
  };
}

/** Supply tiers a risk travels down to reach what is watched: the supplier's customers, and theirs. */
const TIERS = 2;

/** Who each organization supplies, by directed supply ties, with the sentence that says so. */
function customersBySupplier(snapshot: ChainSnapshot): Map<number, { customer: number; evidence: string }[]> {
  const out = new Map<number, { customer: number; evidence: string }[]>();
  for (const tie of snapshot.ties) {
    if (tie.type !== 'supplies' || !tie.directed) continue;
    out.set(tie.from, [...(out.get(tie.from) ?? []), { customer: tie.to, evidence: tie.evidence }]);
  }
  return out;
}

/**
 * The shortest supply path (at most TIERS links) from a risk's subject to an organization a rule watches, or
 * null: breadth first, customers in id order, so that the same corpus always gives the same path.
 */
function supplyPath(
  from: number,
  watched: ReadonlySet<number>,
  customers: ReadonlyMap<number, { customer: number; evidence: string }[]>,
  orgs: ReadonlyMap<number, SnapshotOrganization>,
): SupplyHop[] | null {
  let frontier: { at: number; path: SupplyHop[] }[] = [{ at: from, path: [] }];
  const seen = new Set([from]);
  const named = (id: number) => ({ id, name: orgs.get(id)?.name ?? String(id) });
  for (let tier = 0; tier < TIERS; tier++) {
    const next: typeof frontier = [];
    for (const { at, path } of frontier) {
      const links = [...(customers.get(at) ?? [])].sort((a, b) => a.customer - b.customer);
      for (const { customer, evidence } of links) {
        if (seen.has(customer)) continue;
        seen.add(customer);
        const extended = [...path, { supplier: named(at), customer: named(customer), evidence }];
        if (watched.has(customer)) return extended;
        next.push({ at: customer, path: extended });
      }
    }
    frontier = next;
  }
  return null;
}

/** A risk event of one's supplier (or a supplier's supplier) as a rule on organizations sees it. */
function travelled(
  event: SnapshotEvent,
  rule: ResolvedRule,
  customers: ReadonlyMap<number, { customer: number; evidence: string }[]>,
  orgs: ReadonlyMap<number, SnapshotOrganization>,
): SupplyHop[] | null {
  if (!rule.entityIds || event.subjectId === null) return null;
  if (!(RISK_EVENT_TYPES as readonly string[]).includes(event.type)) return null;
  if (!((rule.types ?? RISK_EVENT_TYPES) as readonly string[]).includes(event.type)) return null;
  if (!atLeast(event.severity, rule.minSeverity)) return null;
  return supplyPath(event.subjectId, rule.entityIds, customers, orgs);
}

function pathText(path: readonly SupplyHop[]): string {
  const [first] = path;
  if (!first) return '';
  return [first.supplier.name, ...path.map((hop) => hop.customer.name)].join(' → ');
}

/** Alerts the rules raise on a snapshot of the graph; `now` bounds spike windows. Pure. */
export function evaluateAlerts(
  snapshot: ChainSnapshot,
  rules: readonly ResolvedRule[],
  now: string,
): RaisedAlert[] {
  const orgs = new Map(snapshot.organizations.map((org) => [org.id, org]));
  const days = snapshot.events.filter((event) => event.date).map((event) => dayOf(event.date as string));
  const earliest = days.length ? Math.min(...days) : dayOf(now);
  const customers = customersBySupplier(snapshot);
  const alerts: RaisedAlert[] = [];
  for (const rule of rules) {
    const matching = snapshot.events.filter((event) => matches(event, rule, orgs));
    if (rule.spike) {
      const spike = spikeAlert(rule, rule.spike, matching, now, earliest);
      if (spike) alerts.push(spike);
      continue;
    }
    for (const event of matching) {
      const subjectId = event.subjectId ?? event.partyIds[0] ?? null;
      alerts.push({
        key: `${rule.id}:event:${event.id}`,
        rule: rule.id,
        severity: event.severity ?? 'low',
        message: describe(event, orgs),
        eventId: event.id,
        subject:
          subjectId === null ? null : { id: subjectId, name: orgs.get(subjectId)?.name ?? String(subjectId) },
        date: event.date,
        evidence: [evidenceOf(event)],
        path: null,
        reportIds: event.reportIds,
      });
    }
    // A risk at a supplier reaches its customers: the watched one hears of it, with the chain it came down.
    const direct = new Set(matching.map((event) => event.id));
    for (const event of snapshot.events) {
      if (direct.has(event.id)) continue;
      const path = travelled(event, rule, customers, orgs);
      if (!path || event.subjectId === null) continue;
      alerts.push({
        key: `${rule.id}:event:${event.id}`,
        rule: rule.id,
        severity: event.severity ?? 'low',
        message: `${describe(event, orgs)}；经供应链传导：${pathText(path)}`,
        eventId: event.id,
        subject: { id: event.subjectId, name: orgs.get(event.subjectId)?.name ?? String(event.subjectId) },
        date: event.date,
        evidence: [evidenceOf(event)],
        path,
        reportIds: event.reportIds,
      });
    }
  }
  return alerts;
}

/** The latest event date of a snapshot: the corpus's own today, for spike windows over historical news. */
export function latestDate(snapshot: ChainSnapshot): string | null {
  let latest: string | null = null;
  for (const event of snapshot.events) {
    if (event.date && event.date.length === 10 && (!latest || event.date > latest)) latest = event.date;
  }
  return latest;
}
