/** The extraction contract of DESIGN.md: what `liantu extract --format jsonl` writes for one document. */

/** Business events: the five of the design's contract. */
export type BusinessEventType =
  | 'cooperation_agreement'
  | 'supply_agreement'
  | 'alliance_founded'
  | 'settlement'
  | 'investment'
  | 'meeting';

export const BUSINESS_EVENT_TYPES: readonly BusinessEventType[] = [
  'cooperation_agreement',
  'supply_agreement',
  'alliance_founded',
  'settlement',
  'investment',
  'meeting',
];

/** Risk events, which extend the contract's type list. */
export type RiskEventType =
  | 'supply_disruption'
  | 'accident'
  | 'recall'
  | 'regulatory_action'
  | 'financial_distress'
  | 'price_shock';

export const RISK_EVENT_TYPES: readonly RiskEventType[] = [
  'supply_disruption',
  'accident',
  'recall',
  'regulatory_action',
  'financial_distress',
  'price_shock',
];

export type EventType = BusinessEventType | RiskEventType;

export const EVENT_TYPES: readonly EventType[] = [...BUSINESS_EVENT_TYPES, ...RISK_EVENT_TYPES];

export const isRiskType = (type: string): type is RiskEventType =>
  (RISK_EVENT_TYPES as readonly string[]).includes(type);

export { SEVERITIES, type Severity } from '../domain/severity.js';

import type { Severity } from '../domain/severity.js';

export type Role = 'signatory' | 'witness' | 'host' | 'speaker' | 'attendee';

/** Strongest first: where several apply, the first wins. */
export const ROLES: readonly Role[] = ['signatory', 'witness', 'host', 'speaker', 'attendee'];

export interface EventPerson {
  name: string;
  title: string | null;
  org: string | null;
  role: Role;
}

export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface ExtractedEvent {
  type: EventType;
  date: string | null;
  location: string | null;
  parties: string[];
  people: EventPerson[];
  domains: string[];
  evidence: Evidence[];
  /** Risk events (extra fields): the organization the risk is about, and how serious it is. */
  subject?: string | null;
  severity?: Severity | null;
  /** Whether a rule or the learned model found the event's trigger (an extra field). */
  foundBy?: 'rules' | 'model';
  /** Supply agreements (extra fields): which party supplies and which buys, null where the text does not say. */
  supplier?: string | null;
  customer?: string | null;
  /** Investments (an extra field): the party invested in, null for a project investment. */
  target?: string | null;
}

/** A supply relation an article states between two companies: who supplies whom (an extra field). */
export interface SupplyStatement {
  supplier: string;
  customer: string;
  evidence: Evidence;
}

/** What an article says an organization makes or does, in its own words: 主要从事正极材料研发, 动力电池企业. */
export interface BusinessStatement {
  org: string;
  /** The words that say the business (the chain's keywords are looked up in them). */
  phrase: string;
  evidence: Evidence;
}

/** Where an article says an organization is: its headquarters, registered address or place (an extra field). */
export interface HeadquartersStatement {
  org: string;
  place: string;
  /** What the sentence says is there: its headquarters, its registered address, or the organization itself. */
  kind: 'headquarters' | 'registered' | 'located';
  evidence: Evidence;
}

export interface Extraction {
  file: string;
  title: string | null;
  published: string | null;
  events: ExtractedEvent[];
  organizations: string[];
  people: { name: string; title: string | null }[];
  /** Short forms used in the article, by full name (an extra field). */
  aliases: Record<string, string[]>;
  /** Where the article says organizations have their headquarters (an extra field). */
  headquarters: HeadquartersStatement[];
  /** Supply relations the article states between companies (an extra field). */
  supplies: SupplyStatement[];
  /** What the article says organizations make or do (an extra field). */
  business: BusinessStatement[];
}
