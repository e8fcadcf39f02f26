import type { OrgMention, OrgType } from '../annotate/types.js';
import type { ChainLink } from '../chain/attach.js';
import type {
  EventPerson,
  Evidence,
  ExtractedEvent,
  HeadquartersStatement,
  Severity,
} from '../extract/types.js';

/** Where an entity or event is: a province, and the city within it when known (both full names). */
export interface Region {
  province: string;
  city: string | null;
}

/** An organization as one article writes it: the form, the full name the article gives it, its kind. */
export interface OrgFact {
  text: string;
  /** The article's full name for it (the text itself, or what the short form stands for in this article). */
  canonical: string;
  type: OrgType;
  foundBy: OrgMention['source'] | null;
}

export interface PersonFact {
  name: string;
  title: string | null;
  /** The organization written at the head of the title, as written. */
  org: string | null;
}

export interface EventFact extends ExtractedEvent {
  id: number;
}

/** What the resolver needs of one stored document. */
export interface DocumentFacts {
  id: number;
  /** The near-duplicate cluster: reposts of one article share it. */
  clusterId: number;
  published: string | null;
  uris: string[];
  orgs: OrgFact[];
  people: PersonFact[];
  events: EventFact[];
  /** Where the article says organizations are (full name → place as written), and the sentence that says it. */
  headquarters: { org: string; place: string; kind: HeadquartersStatement['kind']; evidence: string }[];
  /** Who the article says supplies whom (full names), with the sentence that says it. */
  supplies: { supplier: string; customer: string; evidence: Evidence }[];
  /** What the article says organizations make or do (full name → the words that say it), and the sentence. */
  business: { org: string; phrase: string; evidence: string }[];
}

/** How an alias came to belong to an entity. */
export type AliasSource = 'written' | 'short-form' | 'known' | 'alias-file';

export interface Alias {
  name: string;
  /** The form as lookups compare it: one script and width, no quotes or spaces, lower case. */
  normalised: string;
  /** The identity of the name (legal form off, 人民政府 as 政府…): what a lookup compares. */
  key: string;
  source: AliasSource;
  /** Mentions written in this form (0 for forms known from a list but not yet seen). */
  count: number;
}

export interface OrgEntity {
  id: number;
  name: string;
  type: OrgType;
  region: Region | null;
  /**
   * What the region was read from: the alias file, the name, a stated headquarters, a registered address or
   * location the articles state, or a headquarters settlement.
   */
  regionSource: 'alias-file' | 'name' | 'stated-headquarters' | 'stated-location' | 'headquarters' | null;
  /** The sentence that says where it is (none for a region from the name or the alias file). */
  regionEvidence: string | null;
  aliases: Alias[];
  mentions: number;
  documents: number;
}

export interface PersonEntity {
  id: number;
  name: string;
  /** The name as lookups compare it. */
  normalised: string;
  /** The fullest title written for them. */
  title: string | null;
  orgId: number | null;
  mentions: number;
  documents: number;
}

export interface MergedParty {
  entityId: number;
  name: string;
}

export interface MergedPerson extends Omit<EventPerson, 'org'> {
  entityId: number;
  orgId: number | null;
}

/** One event, merged from every report of it. */
export interface MergedEvent {
  id: number;
  type: ExtractedEvent['type'];
  date: string | null;
  location: string | null;
  region: Region | null;
  parties: MergedParty[];
  people: MergedPerson[];
  domains: string[];
  /** The extracted events it merges (one per report), with their documents. */
  reports: { eventId: number; documentId: number }[];
  /** Distinct source addresses of all its documents. */
  sources: string[];
  /** Risk events: the highest severity of its reports, and the organization it is about. */
  severity: Severity | null;
  subjectId: number | null;
}

/**
 * How two organizations are tied: `supplies` (supplier → customer), `cooperates` (an agreement between them),
 * `invests_in` (investor → the company invested in), `member_of` (member → the alliance or body it joins),
 * `hosts` (a government or park → the company settling or investing there, or the body it convenes).
 */
export type TieType = 'supplies' | 'cooperates' | 'invests_in' | 'member_of' | 'hosts';

export const TIE_TYPES: readonly TieType[] = ['supplies', 'cooperates', 'invests_in', 'member_of', 'hosts'];

/** A sentence behind a tie: in a document, as clean-text offsets. */
export interface TieEvidence {
  documentId: number;
  start: number;
  end: number;
  text: string;
}

/** A typed tie between two organizations, with the merged events and the sentences that make it. */
export interface Tie {
  id: number;
  type: TieType;
  /** The supplier, investor, member or host; for an undirected tie, the lower id. */
  from: number;
  to: number;
  /** False where the text does not say which way it runs (cooperation; a supply deal without sides). */
  directed: boolean;
  /** The merged events behind it (none for a supply relation an article only states). */
  events: number[];
  evidence: TieEvidence[];
  /** Distinct documents behind it (the evidence keeps a few of their sentences). */
  documents: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface NetworkMetrics {
  degree: number;
  /** Normalised betweenness centrality in the cooperation network. */
  betweenness: number;
  /** Louvain community, numbered from 0; null for an entity without partners. */
  community: number | null;
}

/** The resolved corpus: entities, merged events and chain links. */
export interface ResolvedCorpus {
  /** What could not be applied as asked (alias-file conflicts). */
  warnings: string[];
  organizations: OrgEntity[];
  people: PersonEntity[];
  events: MergedEvent[];
  orgLinks: Map<number, ChainLink[]>;
  eventLinks: Map<number, ChainLink[]>;
  ties: Tie[];
}

/** The knowledge graph as stored: the resolved corpus and its cooperation network's metrics. */
export interface KnowledgeGraph extends ResolvedCorpus {
  metrics: Map<number, NetworkMetrics>;
}
