import { z } from 'zod';
import { parseYaml, pattern, words } from '../resources/yaml.js';
import type { OrgType } from './types.js';

export interface AnnotationLexicon {
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  titleWords: string[];
  weakTitleWords: Set<string>;
  governmentBody: RegExp;
  /** Endings that are also common nouns (汽车, 能源, 科技): a name with one needs a distinctive part. */
  weakEndings: Set<string>;
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

const ORG_TYPES = ['company', 'government', 'association', 'research', 'media'] as const;

/** data/annotate/titles.yaml. */
export const TITLES_FILE = z.object({ words, weak: words, governmentBody: pattern() });

/** data/annotate/org-suffixes.yaml. */
export const SUFFIXES_FILE = z.object({
  company: words,
  government: words,
  association: words,
  research: words,
  media: words,
  weak: words,
  zones: words,
  zone_places_after: words,
  not_endings: words,
  descriptors: words,
  generic: words,
  kinds: words,
  before_names: words,
  not_first: words,
});

/** data/annotate/known-orgs.yaml. */
export const KNOWN_ORGS_FILE = z.array(
  z.object({ type: z.enum(ORG_TYPES), names: words.min(1), common: words.optional() }),
);

/** The texts of the files the annotation lexicon is made of, with where each came from (for messages). */
export interface AnnotationLexiconFiles {
  surnames: string;
  titles: { content: string; where: string };
  suffixes: { content: string; where: string };
  knownOrgs: { content: string; where: string };
}

function groupByLast<T>(items: readonly T[], text: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const last = text(item).slice(-1);
    groups.set(last, [...(groups.get(last) ?? []), item]);
  }
  return groups;
}

const byLength = (a: string, b: string): number => b.length - a.length;

/** The annotation lexicon from its files; a mistake names the file and the entry. */
export function buildAnnotationLexicon(files: AnnotationLexiconFiles): AnnotationLexicon {
  const surnameWords = files.surnames
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  const titles = parseYaml(files.titles.content, files.titles.where, TITLES_FILE);
  const suffixes = parseYaml(files.suffixes.content, files.suffixes.where, SUFFIXES_FILE);
  const known = parseYaml(files.knownOrgs.content, files.knownOrgs.where, KNOWN_ORGS_FILE);
  const knownOrgs = new Map<string, KnownOrg>();
  for (const entry of known) {
    const group: KnownOrg = { type: entry.type, names: entry.names, common: new Set(entry.common ?? []) };
    for (const name of group.names) knownOrgs.set(name, group);
  }
  const orgSuffixes = ORG_TYPES.flatMap((type) => suffixes[type].map((suffix) => ({ suffix, type }))).sort(
    (a, b) => byLength(a.suffix, b.suffix),
  );
  const titleWords = [...titles.words].sort(byLength);
  return {
    surnames: new Set(surnameWords.filter((word) => word.length === 1)),
    compoundSurnames: new Set(surnameWords.filter((word) => word.length === 2)),
    titleWords,
    titleWordsByLast: groupByLast(titleWords, (word) => word),
    orgSuffixesByLast: groupByLast(orgSuffixes, (entry) => entry.suffix),
    weakTitleWords: new Set(titles.weak),
    governmentBody: titles.governmentBody,
    orgSuffixes,
    weakEndings: new Set(suffixes.weak),
    descriptors: new Set(suffixes.descriptors),
    generic: new Set(suffixes.generic),
    kinds: suffixes.kinds,
    beforeNames: [...suffixes.before_names].sort(byLength),
    notFirst: new Set(suffixes.not_first),
    zones: [...suffixes.zones].sort(byLength),
    zonePlacesAfter: suffixes.zone_places_after,
    notEndings: suffixes.not_endings,
    knownOrgs,
  };
}
