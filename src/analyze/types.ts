/** What the diagnosis, the alerts and the reports of a region are made of. Plain data, JSON-ready. */

import type { Severity } from '../extract/types.js';

export type { Alert, FindingEvidence } from '../domain/alerts.js';
export type { Severity } from '../extract/types.js';
export { SEVERITIES } from '../extract/types.js';

import type { Alert, FindingEvidence } from '../domain/alerts.js';

/** One chain node seen from a region, against the whole corpus (subtree counts: the node and all below it). */
export interface NodeDiagnosis {
  node: string;
  name: string;
  en: string;
  depth: number;
  parent: string | null;
  region: { organizations: number; events: number; riskEvents: number };
  nation: { organizations: number; events: number; riskEvents: number };
  /** Cooperation ties among the node's organizations in the region over the ties they could have (0–1). */
  cooperationDensity: number;
  /** Events of the node in the region per quarter, oldest first: [{quarter: '2025Q1', events: 3}]. */
  trend: { quarter: string; events: number }[];
}

/** A 短板: a node present nationally but missing or thin in the region. */
export interface WeakLink {
  node: string;
  name: string;
  status: 'missing' | 'thin';
  regionOrganizations: number;
  nationOrganizations: number;
  /** The region's share of the node's organizations over its share of all organizations (1 = as expected). */
  relativeShare: number;
  evidence: FindingEvidence[];
}

/** How much of a node's cooperation one organization holds. */
export interface Concentration {
  node: string;
  name: string;
  ties: number;
  top: { id: number; name: string; share: number } | null;
  /** Herfindahl–Hirschman index of the organizations' shares of tie ends (0–1; 1 = one organization holds all). */
  hhi: number;
}

/** An organization whose removal splits a node's cooperation network. */
export interface SinglePoint {
  node: string;
  name: string;
  organization: { id: number; name: string };
  /** The groups of organizations it alone connects. */
  separates: string[][];
  evidence: FindingEvidence[];
}

/** An organization elsewhere that is strong in a weak node: a 补链 / 招商 candidate. */
export interface PartnerCandidate {
  node: string;
  name: string;
  organization: { id: number; name: string; province: string | null; city: string | null };
  score: number;
  /** Its events in the node, the latest first. */
  evidence: FindingEvidence[];
}

/** A 卡脖子 supplier of a node: the customers in the corpus that its supply ties say depend on it. */
export interface ChokePoint {
  node: string;
  name: string;
  supplier: { id: number; name: string; province: string | null; city: string | null };
  customers: { id: number; name: string; inRegion: boolean }[];
  /** The sentences that say it supplies each (one per customer). */
  evidence: FindingEvidence[];
}

/** A government, alliance or research body of the region: not a chain player, but a host or convener of them. */
export interface Institution {
  organization: { id: number; name: string; type: string | null };
  role: 'host' | 'convener' | 'research';
  /** The companies it hosts, the members it convenes, or the organizations it works with. */
  tied: { id: number; name: string }[];
}

export interface Diagnosis {
  region: { province: string; city: string | null; label: string };
  generatedAt: string;
  totals: {
    region: { organizations: number; events: number; riskEvents: number };
    nation: { organizations: number; events: number; riskEvents: number };
  };
  nodes: NodeDiagnosis[];
  weakLinks: WeakLink[];
  concentration: Concentration[];
  singlePoints: SinglePoint[];
  partners: PartnerCandidate[];
  chokePoints: ChokePoint[];
  institutions: Institution[];
}

/** An event as a region report lists it on its timeline. */
export interface TimelineEvent {
  id: number;
  type: string;
  date: string | null;
  parties: string[];
  severity: Severity | null;
  sources: number;
  evidence: string;
}

/** Everything a region report shows. */
export interface RegionReport {
  title: string;
  diagnosis: Diagnosis;
  alerts: Alert[];
  timeline: TimelineEvent[];
  /** Event counts per month and type in the region, for the timeline chart: [{month: '2025-03', type, events}]. */
  monthly: { month: string; type: string; events: number }[];
}
