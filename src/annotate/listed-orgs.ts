import { PrefixTable } from '../ner/prefix-table.js';
import type { AnnotationLexicon, KnownOrg } from './lexicon.js';
import type { ListedKind, NameLists } from './name-lists.js';
import type { OrgContext } from './orgs.js';
import { spansOverlapping } from './spans.js';
import type { OrgMention, Token } from './types.js';

/** Parts of speech of proper names and unknown words: a short name the segmenter reads so is no ordinary word. */
const PROPER_POS = /^(x|nz|nt|nr|nrt|nrfg|ns|j|eng)$/;

/** Function words the segmenter may glue to the first character of a name that follows them. */
const GLUED_BEFORE = /[由与和及在向对将被把从同跟为是了的、，]/u;

type Entry = { kind: 'known'; org: KnownOrg } | { kind: 'listed'; listed: ListedKind };

const tables = new WeakMap<AnnotationLexicon, PrefixTable<Entry>>();

/** The well-known organizations and the name lists as one table, built once per lexicon. */
function nameTable(lexicon: AnnotationLexicon, lists: NameLists): PrefixTable<Entry> {
  let table = tables.get(lexicon);
  if (!table) {
    const entries: [string, Entry][] = [];
    for (const [name, org] of lexicon.knownOrgs) entries.push([name, { kind: 'known', org }]);
    for (const [name, listed] of lists.names) entries.push([name, { kind: 'listed', listed }]);
    table = new PrefixTable(entries);
    tables.set(lexicon, table);
  }
  return table;
}

/** Whether the segmenter reads a stretch of text as one ordinary word (东方, 美丽, 大众): not as a name. */
function isOrdinaryWord(start: number, end: number, tokens: readonly Token[]): boolean {
  const words = spansOverlapping(tokens, start, end);
  return (
    words.length === 1 &&
    words[0]?.start === start &&
    words[0]?.end === end &&
    !PROPER_POS.test(words[0]?.pos ?? '')
  );
}

/**
 * Names of well-known organizations (data/annotate/known-orgs.yaml) and of the name lists (listed companies,
 * government bodies), longest first at each place. A form that is an ordinary word too needs support (the tagger
 * must agree): the lexicon's `common` forms, listed short names of two characters, and listed short names the
 * segmenter reads as one ordinary word. A hit that cuts a word of the segmenter in two is no name (华为 in 中华为).
 */
export function findNamedOrgs(context: OrgContext): OrgMention[] {
  const { text, tokens, lexicon, gazetteer } = context;
  const table = nameTable(lexicon, context.names);
  const starts = new Set(tokens.map((token) => token.start));
  const ends = new Set(tokens.map((token) => token.end));
  const found: OrgMention[] = [];
  for (let at = 0; at < text.length; at++) {
    const hit = table.longestAt(text, at);
    if (!hit) continue;
    const end = at + hit.length;
    const name = text.slice(at, end);
    const latin = /^[A-Za-z]/u.test(name);
    if (latin && (/[A-Za-z0-9]/u.test(text[at - 1] ?? '') || /[A-Za-z0-9]/u.test(text[end] ?? ''))) continue;
    // A short hit must be a word of its own; a longer one must at least start one (全国新能源 holds no 国新能源);
    // either may follow a function word the segmenter glued to it (由国/资委, 由威/马/汽车) if it ends a word.
    const startsWord =
      starts.has(at) || (hit.length >= 3 && ends.has(end) && GLUED_BEFORE.test(text[at - 1] ?? ''));
    if (!latin && (!startsWord || (hit.length <= 3 && !ends.has(end)))) continue;
    const entry = hit.value;
    let needsSupport = false;
    let orgType: OrgMention['orgType'] = 'company';
    if (entry.kind === 'known') {
      orgType = entry.org.type;
      needsSupport = entry.org.common.has(name);
    } else {
      const kind = entry.listed;
      orgType = kind === 'body-full' || kind === 'body-short' ? 'government' : 'company';
      needsSupport =
        kind === 'listed-short' &&
        (name.length <= 2 ||
          isOrdinaryWord(at, end, tokens) ||
          Boolean(gazetteer.lookup(name)) ||
          spansOverlapping(tokens, at, end).every((token) => lexicon.generic.has(token.text)));
    }
    found.push({
      label: 'org',
      start: at,
      end,
      text: name,
      orgType,
      source: entry.kind === 'known' ? 'lexicon' : 'listed',
      ...(needsSupport ? { needsSupport } : {}),
    });
    at = end - 1;
  }
  return found;
}
