import type { Gazetteer } from './gazetteer.js';
import type { AnnotationLexicon } from './lexicon.js';
import type { OrgMention, Token } from './types.js';

/** Parts of speech after which a word stood on its own (远景在…, 吉利将…), not as the head of a compound noun. */
const STANDS_ALONE = /^(v|p|c|u|d|r|uj|ul|x|w|m|q|f)/;

/**
 * Short forms an article uses for its organizations without stating them: 远景 for 远景科技集团, 极氪 for
 * 极氪智能科技, 宁波市政府 for 宁波市人民政府. A short form is the leading words of a full name (by the
 * segmenter's cut of it), used somewhere on its own — outside the full name and not as the head of a compound
 * noun (生态 in 生态文明 is no short form) — and neither a place nor generic; or a name whose ending is a shorter
 * form of the full name's ending (政府 of 人民政府) with the same leading place.
 */
export function inferAbbreviations(
  tokens: readonly Token[],
  orgs: readonly OrgMention[],
  lexicon: AnnotationLexicon,
  gazetteer: Gazetteer,
): Map<string, string> {
  const inferred = new Map<string, string>();
  const insideOrg = (start: number, end: number): boolean =>
    orgs.some((org) => start >= org.start && end <= org.end && !(start === org.start && end === org.end));
  const fullNames = [
    ...new Map(orgs.filter((org) => org.source !== 'known').map((org) => [org.text, org])).values(),
  ];
  for (const full of fullNames) {
    const parts = tokens.filter((token) => token.start >= full.start && token.end <= full.end);
    // Short forms drop the legal ending, and often a leading place too: 联拓热管理 of 芜湖联拓热管理科技有限公司.
    const leadingPlaces = parts.findIndex((part) => !gazetteer.lookup(part.text));
    // Every cut among the leading places: 澄 of 南京澄芯微电子 reads as a place too, and 澄芯微电子 is the short form.
    const starts = leadingPlaces > 0 ? Array.from({ length: leadingPlaces + 1 }, (_, index) => index) : [0];
    for (const first of starts) {
      let stem = '';
      let generic = true;
      for (const part of parts.slice(first, -1)) {
        stem += part.text;
        generic &&= lexicon.generic.has(part.text) || Boolean(gazetteer.lookup(part.text));
        if (stem.length < 2 || generic || inferred.has(stem) || gazetteer.lookup(stem)) continue;
        // A well-known organization of its own (生态环境部 of 生态环境部宣传教育中心) is no short form of a unit,
        // nor is a whole name a short form of its branch's (中国建设银行 of 中国建设银行九江分行).
        const known = lexicon.knownOrgs.get(stem);
        if (known && !known.names.includes(full.text)) continue;
        if (isParentOf(stem, full.text, lexicon)) continue;
        const isOtherOrg = fullNames.some((other) => other.text === stem);
        if (isOtherOrg && !full.text.includes(stem)) continue;
        if (isOtherOrg || standsAlone(stem, tokens, insideOrg, lexicon)) inferred.set(stem, full.text);
      }
    }
  }
  for (const short of fullNames) {
    const full = fullNames.find(
      (other) => other !== short && shortensEnding(short.text, other.text, lexicon),
    );
    if (full && !inferred.has(short.text)) inferred.set(short.text, full.text);
  }
  return inferred;
}

/** Legal forms and group words after which a longer name is the same organization, not a unit of it. */
const SAME_ORG_TAIL =
  /^(股份有限公司|有限责任公司|有限公司|集团|控股|股份|公司|集团有限公司|集团股份有限公司)$/u;

/** Whether a stem is the whole name of a body that a longer name is a unit of (某银行 → 某银行某分行). */
function isParentOf(stem: string, full: string, lexicon: AnnotationLexicon): boolean {
  const ending = lexicon.orgSuffixes.find((entry) => stem.endsWith(entry.suffix));
  // The tail after the stem where it stands in the full name (after a leading place: 南京|澄芯微电子|有限公司).
  const tail = full.slice(full.indexOf(stem) + stem.length);
  return Boolean(ending) && ending?.suffix !== stem && !SAME_ORG_TAIL.test(tail);
}

function standsAlone(
  stem: string,
  tokens: readonly Token[],
  insideOrg: (start: number, end: number) => boolean,
  lexicon: AnnotationLexicon,
): boolean {
  for (let i = 0; i < tokens.length; i++) {
    let text = '';
    let j = i;
    while (j < tokens.length && text.length < stem.length) text += (tokens[j++] as Token).text;
    if (text !== stem) continue;
    const start = (tokens[i] as Token).start;
    const end = start + stem.length;
    if (insideOrg(start, end)) continue;
    const next = tokens[j];
    if (!next || STANDS_ALONE.test(next.pos) || !/[\p{L}\p{N}]/u.test(next.text)) return true;
    // A name before a title stands alone too: 宁远储能总经理.
    if (lexicon.titleWords.some((title) => next.text.startsWith(title) || title.startsWith(next.text)))
      return true;
  }
  return false;
}

/** 宁波市政府 shortens 宁波市人民政府: same stem, and an ending that is a shorter form of the full one's. */
function shortensEnding(short: string, full: string, lexicon: AnnotationLexicon): boolean {
  const shortEnding = lexicon.orgSuffixes.find((entry) => short.endsWith(entry.suffix))?.suffix;
  const fullEnding = lexicon.orgSuffixes.find((entry) => full.endsWith(entry.suffix))?.suffix;
  if (!shortEnding || !fullEnding || shortEnding === fullEnding || !fullEnding.endsWith(shortEnding))
    return false;
  const shortStem = short.slice(0, -shortEnding.length);
  const fullStem = full.slice(0, -fullEnding.length);
  return shortStem.length >= 2 && fullStem.startsWith(shortStem);
}
