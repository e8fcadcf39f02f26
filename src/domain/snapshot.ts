import type { Severity } from './severity.js';

/** The knowledge graph as the analysis reads it: organizations, merged events and their chain links. */
export interface ChainSnapshot {
  organizations: SnapshotOrganization[];
  events: SnapshotEvent[];
}

export interface SnapshotOrganization {
  id: number;
  name: string;
  type: string | null;
  province: string | null;
  city: string | null;
  /** Chain links with the keywords behind them. */
  links: { node: string; score: number; keywords: string[] }[];
}

export interface SnapshotEvent {
  id: number;
  type: string;
  date: string | null;
  province: string | null;
  city: string | null;
  partyIds: number[];
  subjectId: number | null;
  severity: Severity | null;
  sources: number;
  /** The first evidence sentence. */
  evidence: string;
  /** Chain nodes the event is attached to. */
  nodes: string[];
  /** The extracted events (one per report) it merges: what an alert about it covers. */
  reportIds: number[];
}

/** An organization as a node of the cooperation network. */
export interface NetworkNode {
  id: number;
  name: string;
  type: string;
  province: string | null;
  city: string | null;
  segments: string[];
}

/** An event as the network sees it: which organizations it joins. */
export interface NetworkEvent {
  id: number;
  type: string;
  date: string | null;
  partyIds: number[];
  sources: number;
}
