import type { Tie } from './graph.js';
import type { Severity } from './severity.js';

/** The knowledge graph as the analysis reads it: organizations, merged events, their chain links and the ties. */
export interface ChainSnapshot {
  organizations: SnapshotOrganization[];
  events: SnapshotEvent[];
  ties: SnapshotTie[];
}

/** A typed tie as the analysis reads it: its ends, its events, and its first sentence. */
export type SnapshotTie = Pick<Tie, 'id' | 'type' | 'from' | 'to' | 'directed' | 'events'> & {
  evidence: string;
};

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

/** A tie as the network sees it: its type, its ends, and the events and documents behind it. */
export type NetworkTie = Pick<
  Tie,
  'id' | 'type' | 'from' | 'to' | 'directed' | 'events' | 'firstDate' | 'lastDate'
> & { sources: number };
