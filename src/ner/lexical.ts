import type { Gazetteer } from '../annotate/gazetteer.js';
import type { AnnotationLexicon } from '../annotate/lexicon.js';
import type { ListedKind, NameLists } from '../annotate/name-lists.js';
import { PrefixTable } from './prefix-table.js';

/** The lexicons whose hits the tagger reads as features: a model is trained with, and tags with, one source. */
export interface LexicalSource {
  lexicon: AnnotationLexicon;
  names: NameLists;
  places: Gazetteer;
}

/**
 * What the project's lexicons say about each character of a text, as small codes: which kind of span covers it
 * and where in that span it sits (1 begin, 2 inside, 3 end, 4 single), `kind * 8 + place`; 0 where none does.
 */
export interface LexicalHits {
  orgSuffix: Int32Array;
  title: Int32Array;
  place: Int32Array;
  knownOrg: Int32Array;
  surname: Int32Array;
  bracket: Int32Array;
  /** Names in the lists of listed companies and government bodies. */
  listed: Int32Array;
}

function mark(codes: Int32Array, start: number, end: number, kind: number): void {
  for (let i = start; i < end; i++) if (codes[i] !== 0) return;
  for (let i = start; i < end; i++) {
    const place = end - start === 1 ? 4 : i === start ? 1 : i === end - 1 ? 3 : 2;
    codes[i] = kind * 8 + place;
  }
}

const ORG_TYPE_CODES: Record<string, number> = {
  company: 1,
  government: 2,
  association: 3,
  research: 4,
  media: 5,
  other: 6,
};
const PLACE_LEVEL_CODES: Record<string, number> = {
  province: 1,
  city: 2,
  district: 3,
  region: 4,
  country: 5,
};
const BRACKETS: Record<string, string> = { '《': '》', '“': '”', '「': '」', '〈': '〉' };
const BRACKET_CODES: Record<string, number> = { '《': 1, '“': 2, '「': 3, '〈': 4 };
/** Longest bracketed stretch worth marking: longer ones are quotations, not names. */
const BRACKET_LIMIT = 20;

const LISTED_KIND_CODES: Record<ListedKind, number> = {
  'listed-full': 1,
  'listed-short': 2,
  'body-full': 3,
  'body-short': 4,
};

interface LookupTables {
  places: PrefixTable<number>;
  knownOrgs: PrefixTable<number>;
  listed: PrefixTable<number>;
}

const tables = new WeakMap<LexicalSource, LookupTables>();

/** Place names, known organizations and the name lists as prefix tables of their codes, built once per source. */
function lookupTables(source: LexicalSource): LookupTables {
  const built = tables.get(source);
  if (built) return built;
  const made: LookupTables = {
    listed: new PrefixTable(
      [...source.names.names].map(([name, kind]): [string, number] => [name, LISTED_KIND_CODES[kind]]),
    ),
    places: new PrefixTable(
      [...source.places.entries()].map(([name, place]): [string, number] => [
        name,
        PLACE_LEVEL_CODES[place.level] ?? 5,
      ]),
    ),
    knownOrgs: new PrefixTable(
      [...source.lexicon.knownOrgs].map(([name, org]): [string, number] => [
        name,
        ORG_TYPE_CODES[org.type] ?? 6,
      ]),
    ),
  };
  tables.set(source, made);
  return made;
}

/** Lexicon hits over a text: organization endings, title words, places, known organizations, surnames, brackets. */
export function lexicalHits(text: string, source: LexicalSource): LexicalHits {
  const { lexicon } = source;
  const { places, knownOrgs, listed } = lookupTables(source);
  const n = text.length;
  const hits: LexicalHits = {
    orgSuffix: new Int32Array(n),
    title: new Int32Array(n),
    place: new Int32Array(n),
    knownOrg: new Int32Array(n),
    surname: new Int32Array(n),
    bracket: new Int32Array(n),
    listed: new Int32Array(n),
  };
  for (let end = n; end >= 1; end--) {
    const last = text[end - 1] ?? '';
    for (const { suffix, type } of lexicon.orgSuffixesByLast.get(last) ?? []) {
      if (text.startsWith(suffix, end - suffix.length) && end - suffix.length >= 0) {
        mark(hits.orgSuffix, end - suffix.length, end, ORG_TYPE_CODES[type] ?? 6);
        break;
      }
    }
    for (const word of lexicon.titleWordsByLast.get(last) ?? []) {
      if (end - word.length >= 0 && text.startsWith(word, end - word.length)) {
        mark(hits.title, end - word.length, end, 1);
        break;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const place = places.longestAt(text, i);
    if (place) mark(hits.place, i, i + place.length, place.value);
    const org = knownOrgs.longestAt(text, i);
    if (org && org.length >= 2) mark(hits.knownOrg, i, i + org.length, org.value);
    const name = listed.longestAt(text, i);
    if (name) mark(hits.listed, i, i + name.length, name.value);
    const char = text[i] ?? '';
    if (lexicon.compoundSurnames.has(text.slice(i, i + 2))) hits.surname[i] = 2;
    else if (lexicon.surnames.has(char)) hits.surname[i] = 1;
    const close = BRACKETS[char];
    if (close) {
      const end = text.slice(i + 1, i + BRACKET_LIMIT + 1).indexOf(close) + i + 1;
      if (end > i + 1) mark(hits.bracket, i + 1, end, BRACKET_CODES[char] ?? 5);
    }
  }
  return hits;
}
