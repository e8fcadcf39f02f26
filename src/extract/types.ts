/** The extraction contract of DESIGN.md: what `liantu extract --format jsonl` writes for one document. */
export type EventType =
  | 'cooperation_agreement'
  | 'alliance_founded'
  | 'settlement'
  | 'investment'
  | 'meeting';

export const EVENT_TYPES: readonly EventType[] = [
  'cooperation_agreement',
  'alliance_founded',
  'settlement',
  'investment',
  'meeting',
];

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
}

/** Where an article says an organization has its headquarters (an extra field). */
export interface HeadquartersStatement {
  org: string;
  place: string;
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
}
