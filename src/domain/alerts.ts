import type { Severity } from './severity.js';

/** A fact behind a finding: an event with its evidence sentence, or an organization with why it counts. */
export interface FindingEvidence {
  kind: 'event' | 'organization';
  id: number;
  /** The event type and date, or the organization's name. */
  label: string;
  /** The evidence sentence, or the keywords that attach the organization to the node. */
  text: string;
}

/** One link of the supply chain a risk travels along: who supplies whom, and the sentence that says so. */
export interface SupplyHop {
  supplier: { id: number; name: string };
  customer: { id: number; name: string };
  evidence: string;
}

/** An alert raised by a rule on an event (or, for a spike, on a kind of event in a window). */
export interface Alert {
  id: number;
  rule: string;
  severity: Severity;
  /** One line saying what happened and to whom. */
  message: string;
  eventId: number | null;
  subject: { id: number; name: string } | null;
  date: string | null;
  evidence: FindingEvidence[];
  /**
   * For a risk that reached what is watched through the supply chain: the links from the event's subject to it
   * (A's fire → A supplies B → B supplies C, the watched one). Null for an alert on the event itself.
   */
  path: SupplyHop[] | null;
  raisedAt: string;
  runId: number | null;
}

/**
 * An alert before it is stored. `reportIds` are the reports of the event it is about (empty for a spike): an
 * event whose reports an earlier alert of the rule covers is not alerted again. A spike's `key` names its window.
 */
export type RaisedAlert = Omit<Alert, 'id' | 'raisedAt' | 'runId'> & { key: string; reportIds: number[] };
