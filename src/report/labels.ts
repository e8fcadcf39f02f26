export { eventTypeLabel } from '../extract/labels.js';

import type { Alert, FindingEvidence, Institution, Severity, WeakLink } from '../analyze/types.js';

const SEVERITIES: Record<Severity, string> = { high: '高 · high', medium: '中 · medium', low: '低 · low' };

const WEAK_STATUS: Record<WeakLink['status'], string> = { missing: '缺失 · missing', thin: '薄弱 · thin' };

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function severityLabel(severity: Severity | null): string {
  return severity ? SEVERITIES[severity] : '—';
}

export function weakStatusLabel(status: WeakLink['status']): string {
  return WEAK_STATUS[status];
}

/** A 0–1 share as a percentage with one decimal. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** The region's part of the nation's count, or a dash when the nation has none. */
export function regionShare(region: number, nation: number): string {
  return nation > 0 ? percent(region / nation) : '—';
}

export function place(province: string | null, city: string | null): string {
  return [province, city].filter((part): part is string => Boolean(part)).join(' ') || '—';
}

/** The date part of an ISO timestamp. */
export function day(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** Alerts, the most severe first, otherwise as given. */
export function alertsBySeverity<T extends { severity: Severity }>(alerts: readonly T[]): T[] {
  return [...alerts].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** An alert's evidence: the event's sentence, then each supply link a travelling risk came down. */
export function alertEvidence(alert: Alert): FindingEvidence[] {
  return [
    ...alert.evidence,
    ...(alert.path ?? []).map((hop) => ({
      kind: 'organization' as const,
      id: hop.customer.id,
      label: `${hop.supplier.name} → ${hop.customer.name}`,
      text: hop.evidence,
    })),
  ];
}

const INSTITUTION_ROLES: Record<Institution['role'], string> = {
  host: '承接 · host',
  convener: '组织 · convener',
  research: '研发 · research',
};

export const institutionRole = (role: Institution['role']): string => INSTITUTION_ROLES[role];
