import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dataPath } from '../data-path.js';
import type { OrgType } from './types.js';

export interface AnnotationLexicon {
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  titleWords: string[];
  weakTitleWords: Set<string>;
  governmentBody: RegExp;
  /** Organization endings, longest first, with the type each implies. */
  orgSuffixes: { suffix: string; type: OrgType }[];
  /** The same endings grouped by their last character, for scanning text. */
  orgSuffixesByLast: Map<string, { suffix: string; type: OrgType }[]>;
  /** Title words grouped by their last character, longest first. */
  titleWordsByLast: Map<string, string[]>;
  descriptors: Set<string>;
  generic: Set<string>;
  /** Collective nouns for kinds of organization (科研院所, 金融机构). */
  kinds: string[];
  /** Words that stand before a name and never inside one (子公司, 制造商, 转载自). */
  beforeNames: string[];
  /** Words a name does not start with (据, 前日, 预计). */
  notFirst: Set<string>;
  /** Endings of zones and parks (经开区, 高新区), longest first. */
  zones: string[];
  /** Words before a zone that make it a place rather than an actor (位于, 落户). */
  zonePlacesAfter: string[];
  /** Endings no organization's name has (工厂, 总部, 推介会). */
  notEndings: string[];
  /** Known organizations: every form maps to the group of forms of one organization. */
  knownOrgs: Map<string, KnownOrg>;
}

/** One well-known organization: its forms, and those of them that are ordinary words too (理想, 大众). */
export interface KnownOrg {
  type: OrgType;
  names: string[];
  common: Set<string>;
}

interface TitlesFile {
  words: string[];
  weak: string[];
  governmentBody: string;
}

type SuffixFile = Record<
  | OrgType
  | 'descriptors'
  | 'generic'
  | 'kinds'
  | 'before_names'
  | 'not_first'
  | 'zones'
  | 'zone_places_after'
  | 'not_endings',
  string[]
>;

let cached: AnnotationLexicon | null = null;

function groupByLast<T>(items: readonly T[], text: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const last = text(item).slice(-1);
    groups.set(last, [...(groups.get(last) ?? []), item]);
  }
  return groups;
}

export function annotationLexicon(): AnnotationLexicon {
  if (cached) return cached;
  const surnameWords = readFileSync(dataPath('annotate', 'surnames.txt'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  const titles = parse(readFileSync(dataPath('annotate', 'titles.yaml'), 'utf8')) as TitlesFile;
  const suffixes = parse(readFileSync(dataPath('annotate', 'org-suffixes.yaml'), 'utf8')) as SuffixFile;
  const known = parse(readFileSync(dataPath('annotate', 'known-orgs.yaml'), 'utf8')) as {
    type: OrgType;
    names: unknown[];
    common?: unknown[];
  }[];
  const orgTypes: OrgType[] = ['company', 'government', 'association', 'research', 'media'];
  const knownOrgs = new Map<string, KnownOrg>();
  for (const entry of known) {
    const group: KnownOrg = {
      type: entry.type,
      names: entry.names.map(String),
      common: new Set((entry.common ?? []).map(String)),
    };
    for (const name of group.names) knownOrgs.set(name, group);
  }
  const orgSuffixes = orgTypes
    .flatMap((type) => (suffixes[type] ?? []).map((suffix) => ({ suffix: String(suffix), type })))
    .sort((a, b) => b.suffix.length - a.suffix.length);
  const titleWords = [...titles.words.map(String)].sort((a, b) => b.length - a.length);
  cached = {
    surnames: new Set(surnameWords.filter((word) => word.length === 1)),
    compoundSurnames: new Set(surnameWords.filter((word) => word.length === 2)),
    titleWords,
    titleWordsByLast: groupByLast(titleWords, (word) => word),
    orgSuffixesByLast: groupByLast(orgSuffixes, (entry) => entry.suffix),
    weakTitleWords: new Set(titles.weak.map(String)),
    governmentBody: new RegExp(titles.governmentBody, 'u'),
    orgSuffixes,
    descriptors: new Set(suffixes.descriptors.map(String)),
    generic: new Set(suffixes.generic.map(String)),
    kinds: (suffixes.kinds ?? []).map(String),
    beforeNames: (suffixes.before_names ?? []).map(String).sort((a, b) => b.length - a.length),
    notFirst: new Set((suffixes.not_first ?? []).map(String)),
    zones: (suffixes.zones ?? []).map(String).sort((a, b) => b.length - a.length),
    zonePlacesAfter: (suffixes.zone_places_after ?? []).map(String),
    notEndings: (suffixes.not_endings ?? []).map(String),
    knownOrgs,
  };
  return cached;
}
