import type { OrgContext } from './orgs.js';
import type { OrgMention, Token } from './types.js';

/** Parts of speech of the words of a list item: nouns and names; a verb, an idiom or a particle ends it. */
const ITEM_POS = /^(n|nz|nt|nr|nrt|nrfg|ns|j|x|eng|s)$/;
const SEPARATOR = /^[、]$/u;
/** Parts of speech of proper names and unknown words: an item needs one to be a name (光伏发电 is none). */
const PROPER_POS = /^(x|nz|nt|nr|nrt|nrfg|ns|j|eng)$/;
/** What may follow the last item of a list: punctuation, a verb, a preposition or a word that closes a list. */
const AFTER_LIST = /^(v|p|c|uj|w|x)$/;
const CLOSES_LIST = /^(等|分别|共同|均|都|已|将|也|还)$/u;
const LAST_JOIN = /^(和|与|及|以及|、)$/u;

function isItemToken(token: Token): boolean {
  return /^[\p{L}\p{N}()（）·&]+$/u.test(token.text) && ITEM_POS.test(token.pos);
}

/** The items of a list that runs through the separator tokens: maximal runs of item tokens between them. */
function listItems(tokens: readonly Token[], first: number): { items: Token[][]; next: number } {
  const items: Token[][] = [];
  let index = first;
  // The first item: item tokens right before the first separator.
  let start = index;
  while (start > 0 && isItemToken(tokens[start - 1] as Token)) start--;
  if (start === index) return { items, next: index + 1 };
  items.push(tokens.slice(start, index) as Token[]);
  while (index < tokens.length && LAST_JOIN.test((tokens[index] as Token).text)) {
    let stop = index + 1;
    while (stop < tokens.length && isItemToken(tokens[stop] as Token)) stop++;
    if (stop === index + 1) break;
    items.push(tokens.slice(index + 1, stop) as Token[]);
    const joiner = (tokens[index] as Token).text;
    index = stop;
    if (!SEPARATOR.test(joiner)) break;
  }
  return { items, next: index };
}

/**
 * Organizations named in a list beside ones the rules found: in 某电池与甲科技、乙材料和丙锂业签订…, once one item
 * of a 、-list is an organization, the other items that read as names (a run of name-like words, not generic, not
 * a place alone) are organizations too.
 */
export function findListOrgs(context: OrgContext, found: readonly OrgMention[]): OrgMention[] {
  const { text, tokens, lexicon, gazetteer } = context;
  // Only names that stand on their own anchor a list: not ordinary words waiting for the tagger's support.
  const known = found.filter((org) => !org.needsSupport);
  const knownAt = new Set(known.map((org) => `${org.start}:${org.end}`));
  const members: OrgMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!SEPARATOR.test((tokens[i] as Token).text)) continue;
    const { items, next } = listItems(tokens, i);
    i = Math.max(i, next - 1);
    if (items.length < 2) continue;
    const spans = items.map((words) => ({
      start: (words[0] as Token).start,
      end: (words[words.length - 1] as Token).end,
    }));
    const isOrg = spans.map((span) => knownAt.has(`${span.start}:${span.end}`));
    // A list may also hang on an organization joined to it: 某电池与甲科技、乙材料和丙锂业.
    const firstStart = (spans[0] as { start: number }).start;
    const joinedBefore =
      /[与和及同跟]$/u.test(text.slice(0, firstStart)) && known.some((org) => org.end === firstStart - 1);
    if (!isOrg.some(Boolean) && !joinedBefore) continue;
    spans.forEach((span, index) => {
      if (isOrg[index]) return;
      const name = text.slice(span.start, span.end);
      const words = items[index] as Token[];
      if (name.length < 2 || name.length > 16 || /^\d/u.test(name)) return;
      if (lexicon.generic.has(name) || lexicon.descriptors.has(name) || gazetteer.lookup(name)) return;
      if (!words.some((word) => PROPER_POS.test(word.pos) && !gazetteer.lookup(word.text))) return;
      if (lexicon.titleWords.some((title) => name.includes(title)) || /(同志|负责人|领导|人士)/u.test(name))
        return;
      // An item holding an organization already found is that organization and more: not a name of its own.
      if (known.some((org) => org.start >= span.start && org.end <= span.end)) return;
      if (index === spans.length - 1 && index > 0) {
        const next = tokens.find((token) => token.start === span.end);
        if (next && !AFTER_LIST.test(next.pos) && !CLOSES_LIST.test(next.text)) return;
      }
      members.push({ label: 'org', ...span, text: name, orgType: 'company', source: 'list' });
    });
  }
  return members;
}
