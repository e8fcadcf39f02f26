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
  raisedAt: string;
  runId: number | null;
}

/**
 * An alert before it is stored. `reportIds` are the reports of the event it is about (empty for a spike): an
 * event whose reports an earlier alert of the rule covers is not alerted again. A spike's `key` names its window.
 */
export type RaisedAlert = Omit<Alert, 'id' | 'raisedAt' | 'runId'> & { key: string; reportIds: number[] };
