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
  /** Known organizations: every form maps to the group of forms of one organization. */
  knownOrgs: Map<string, { type: OrgType; names: string[] }>;
}

interface TitlesFile {
  words: string[];
  weak: string[];
  governmentBody: string;
}

type SuffixFile = Record<OrgType | 'descriptors' | 'generic' | 'kinds', string[]>;

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
    names: string[];
  }[];
  const orgTypes: OrgType[] = ['company', 'government', 'association', 'research', 'media'];
  const knownOrgs = new Map<string, { type: OrgType; names: string[] }>();
  for (const group of known) for (const name of group.names) knownOrgs.set(String(name), group);
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
    knownOrgs,
  };
  return cached;
}
