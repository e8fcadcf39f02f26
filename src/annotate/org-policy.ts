import type { ScoredSpan } from '../ner/index.js';
import type { Gazetteer } from './gazetteer.js';
import type { AnnotationLexicon } from './lexicon.js';
import { type TrimContext, trimOrgSpan } from './org-trim.js';
import { distinctive, resolveOverlaps } from './orgs.js';
import { spansOverlapping } from './spans.js';
import type { OrgMention, OrgType, Token } from './types.js';

/** What a merge policy sees besides the candidates. */
export interface OrgPolicyContext extends TrimContext {
  gazetteer: Gazetteer;
}

/**
 * Decides which organization mentions stand where the rules and the tagger found names: given the rules'
 * candidates and the tagger's organization spans with their probabilities, the mentions of the document. A
 * policy is a pure function; `ORG_POLICIES` names them and `DEFAULT_ORG_POLICY` chooses one.
 */
export type OrgMergePolicy = (
  rules: readonly OrgMention[],
  tagged: readonly ScoredSpan[],
  context: OrgPolicyContext,
) => OrgMention[];

/** The tagger's probability above which a name nobody else found becomes a mention. */
const NEW_NAME_CONFIDENCE = 0.6;
/** The probability above which the tagger may widen or join what the rules found. */
const BOUNDARY_CONFIDENCE = 0.5;
/** The probability above which the tagger confirms a rule's name that needs support (理想, 大众). */
const SUPPORT_CONFIDENCE = 0.3;
/** Legal and strong endings after which a name may continue with a subsidiary's (某集团某省电力有限公司). */
const PARENT_ENDING = /(集团|集团公司|控股|公司)$/u;
const COMPANY_ENDING =
  /(有限公司|有限责任公司|股份有限公司|分公司|子公司|研究院|合伙企业[（(]有限合伙[）)])$/u;

/** The type a tagger's name has by its ending or by the lexicon, company when neither says. */
function typeOf(name: string, lexicon: AnnotationLexicon): OrgType {
  const known = lexicon.knownOrgs.get(name);
  if (known) return known.type;
  if (/(市委|省委|县委|区委|党委|党组|党工委|工委|纪委|政法委|宣传部|组织部|统战部|政协|人大)$/u.test(name))
    return 'government';
  return lexicon.orgSuffixes.find((entry) => name.endsWith(entry.suffix))?.type ?? 'company';
}

/** Whether a name is no organization's name whoever found it: a place, a title, a generic or collective word. */
function isNoName(name: string, context: OrgPolicyContext): boolean {
  const { lexicon, gazetteer } = context;
  if (name.length < 2 || /^[\d\p{P}\s]+$/u.test(name)) return true;
  if (gazetteer.lookup(name) || lexicon.generic.has(name) || lexicon.descriptors.has(name)) return true;
  if (lexicon.beforeNames.includes(name) || lexicon.notFirst.has(name)) return true;
  if (/[—–+＋]/u.test(name) || lexicon.notEndings.some((ending) => name.endsWith(ending))) return true;
  // A rank is a description (全球第四大汽车集团), not a name.
  if (/^第[一二三四五六七八九十百\d]+大/u.test(name)) return true;
  if (lexicon.orgSuffixes.some((entry) => entry.suffix === name)) return true;
  if (lexicon.kinds.some((kind) => name.endsWith(kind))) return true;
  return lexicon.titleWords.some((title) => name.endsWith(title));
}

/** Whether the words before a name's ending only describe (最聪明公司, 优秀企业): adjectives and adverbs. */
function onlyDescribes(
  span: { start: number; end: number; text: string },
  context: OrgPolicyContext,
): boolean {
  const ending = context.lexicon.orgSuffixes.find((entry) => span.text.endsWith(entry.suffix));
  if (!ending) return false;
  const stem = spansOverlapping(context.tokens, span.start, span.end - ending.suffix.length);
  return stem.length > 0 && stem.every((token) => /^(a|ad|an|d|b)$/.test(token.pos));
}

/**
 * A candidate with its junk trimmed, or null when nothing that could be a name is left. Names of the lexicon and
 * the lists are names as they stand.
 */
function trimmed<M extends OrgMention>(mention: M, context: OrgPolicyContext): M | null {
  if (mention.source === 'lexicon' || mention.source === 'actor' || mention.source === 'latin')
    return mention;
  // A listed body's short form may be an ending too (国资委, 工信部): the list says it names one body.
  if (mention.source === 'listed')
    return mention.orgType === 'government' && !context.gazetteer.lookup(mention.text)
      ? mention
      : isNoName(mention.text, context)
        ? null
        : mention;
  const span = trimOrgSpan(mention, context);
  if (!span || isNoName(span.text, context) || onlyDescribes(span, context)) return null;
  return { ...mention, ...span };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Whether one of the tagger's names and a candidate share at least half of each (华东 is no name in 华东区域总部). */
function taggerAgrees(mention: OrgMention, tagged: readonly ScoredSpan[]): boolean {
  return tagged.some((span) => {
    const shared = 2 * overlap(span, mention);
    return (
      span.confidence >= SUPPORT_CONFIDENCE &&
      shared >= mention.end - mention.start &&
      shared >= span.end - span.start
    );
  });
}

/** The words that join the parties of a deal: a name joined by one of them to a firm name is a party too. */
const PARTY_JOIN = /^(与|和|同|及|跟|、)$/u;

/**
 * Whether a candidate that needs support stands joined to a name that needs none, with only 与, 和 or 、
 * between them (青禾储能与华川微电子签约): parties are named side by side.
 */
function joinedToParty(mention: OrgMention, all: readonly OrgMention[], text: string): boolean {
  return all.some(
    (other) =>
      !other.needsSupport &&
      other !== mention &&
      ((other.end <= mention.start && PARTY_JOIN.test(text.slice(other.end, mention.start))) ||
        (mention.end <= other.start && PARTY_JOIN.test(text.slice(mention.end, other.start)))),
  );
}

/** Where the segmenter's words start and end. */
interface WordEdges {
  starts: ReadonlySet<number>;
  ends: ReadonlySet<number>;
}

function wordEdges(tokens: readonly Token[]): WordEdges {
  return {
    starts: new Set(tokens.map((token) => token.start)),
    ends: new Set(tokens.map((token) => token.end)),
  };
}

/** Whether a span starts and ends where the segmenter's words do (a name does not cut a word). */
function onWordEdges(span: { start: number; end: number }, edges: WordEdges): boolean {
  return edges.starts.has(span.start) && edges.ends.has(span.end);
}

/**
 * Names written one after the other with nothing between, the first ending like a parent (集团, 公司) and the
 * second like a subsidiary (有限公司, 分公司), are one name: 某集团某省电力有限公司.
 */
export function joinParentPrefixes(mentions: readonly OrgMention[], text: string): OrgMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const joined: OrgMention[] = [];
  for (const mention of sorted) {
    const previous = joined[joined.length - 1];
    if (
      previous &&
      previous.end === mention.start &&
      PARENT_ENDING.test(previous.text) &&
      COMPANY_ENDING.test(mention.text)
    ) {
      joined[joined.length - 1] = {
        ...mention,
        start: previous.start,
        text: text.slice(previous.start, mention.end),
      };
      continue;
    }
    joined.push(mention);
  }
  return joined;
}

/**
 * Units written right after the body they belong to, by the body's ending: a ministry's department
 * (国家发改委产业发展司, 工业和信息化部办公厅, 国务院国资委, 市政协农业农村委), a university's or institute's
 * laboratory or centre (某研究所清洁能源实验室, 某大学国家技术转移中心遂宁分中心).
 */
const SUB_UNITS: { parent: RegExp; unit: RegExp }[] = [
  {
    parent: /(部|委|局|厅|署|总局|政协|政府|委员会|国资委|发改委|国务院)$/u,
    unit: /^[\u4e00-\u9fff]{0,8}?(办公厅|办公室|司|局|处|委员会|委|中心)/u,
  },
  {
    parent: /(大学|学院|研究所|研究院|科学院|中科院|工程院|中心)$/u,
    unit: /^[\u4e00-\u9fff]{0,10}?(重点实验室|实验室|研究中心|分中心|中心|研究院|研究所|学院)/u,
  },
];
const NOT_IN_SUB_UNIT = /[的在是了将为对等和]/u;

/**
 * A unit written right after the body it belongs to is part of the body's name (`SUB_UNITS`); units chain
 * (大学 + 中心 + 分中心). The unit must end where a word ends, hold no function word, and be no title.
 */
export function joinSubBodies(mentions: readonly OrgMention[], context: TrimContext): OrgMention[] {
  const { text, tokens } = context;
  const ends = new Set(tokens.map((token) => token.end));
  const taken = new Uint8Array(text.length + 1);
  for (const mention of mentions) taken.fill(1, mention.start, mention.end);
  const extend = (mention: OrgMention): OrgMention | null => {
    for (const { parent, unit } of SUB_UNITS) {
      if (!parent.test(mention.text)) continue;
      const match = unit.exec(text.slice(mention.end, mention.end + 14));
      if (!match) continue;
      const end = mention.end + match[0].length;
      if (!ends.has(end) || NOT_IN_SUB_UNIT.test(match[0]) || taken.subarray(mention.end, end).includes(1))
        continue;
      const unitText = match[0];
      if (context.lexicon.titleWords.some((title) => unitText.includes(title))) continue;
      return { ...mention, end, text: text.slice(mention.start, end) };
    }
    return null;
  };
  return mentions.map((mention) => {
    let current = mention;
    for (let step = 0; step < 3; step++) {
      const longer = extend(current);
      if (!longer) break;
      current = longer;
    }
    return current;
  });
}

/**
 * A place in brackets right after a name is part of it, as a plant's or a branch's name writes its place:
 * 某汽车制造厂（青岛）.
 */
function withPlaceInBrackets(mentions: readonly OrgMention[], context: OrgPolicyContext): OrgMention[] {
  const { text, gazetteer } = context;
  const starts = new Set(mentions.map((mention) => mention.start));
  return mentions.map((mention) => {
    const bracket = /^[（(]([\u4e00-\u9fff]{2,6})[）)]/u.exec(text.slice(mention.end, mention.end + 8));
    if (!bracket || !gazetteer.lookup(bracket[1] ?? '') || starts.has(mention.end + 1)) return mention;
    const end = mention.end + bracket[0].length;
    // Where the name goes on after the bracket (某能源（宜昌）锂电池产业园), the bracket belongs to what follows.
    if (
      /^[\u4e00-\u9fffA-Za-z0-9]/u.test(text.slice(end, end + 1)) &&
      !/^(与|和|及|、|的|在|将|已|于|等)/u.test(text.slice(end))
    )
      return mention;
    return { ...mention, end, text: text.slice(mention.start, end) };
  });
}

/**
 * Zones and parks (某经开区, 某高新区) are organizations of an article only where they act somewhere in it:
 * where every mention is a place things are in (位于某经开区, 落户某高新区), the zone is a place, not a party.
 */
function actingZonesOnly(mentions: readonly OrgMention[], context: TrimContext): OrgMention[] {
  const { text, lexicon } = context;
  const isZone = (name: string): boolean => lexicon.zones.some((zone) => name.endsWith(zone));
  const acting = new Set<string>();
  for (const mention of mentions) {
    if (!isZone(mention.text)) continue;
    const before = text.slice(Math.max(0, mention.start - 4), mention.start);
    const within = /^(内|里|境内|一带|附近)/u.test(text.slice(mention.end, mention.end + 2));
    if (!within && !lexicon.zonePlacesAfter.some((word) => before.endsWith(word))) acting.add(mention.text);
  }
  return mentions.filter((mention) => !isZone(mention.text) || acting.has(mention.text));
}

/** Whether two spans overlap with neither inside the other. */
const crosses = (a: OrgMention, b: OrgMention): boolean =>
  overlap(a, b) > 0 && !(a.start >= b.start && a.end <= b.end) && !(b.start >= a.start && b.end <= a.end);

/**
 * A name found by its ending that starts or ends inside a name of the lexicon or the lists is cut wrong (中创新航
 * read as …航在国内第三方动力电池公司): the named one stands.
 */
function withoutCrossings(mentions: readonly OrgMention[]): OrgMention[] {
  const named = mentions.filter((mention) => mention.source === 'lexicon' || mention.source === 'listed');
  return mentions.filter(
    (mention) =>
      mention.source === 'lexicon' ||
      mention.source === 'listed' ||
      !named.some((name) => !name.needsSupport && crosses(mention, name)),
  );
}

/**
 * The rules decide and the tagger only adds names in sentences where jieba's dictionary knows an organization
 * word the rules did not cover (the policy before tagger and rules were weighed together).
 */
export const rulesFirst: OrgMergePolicy = (rules, tagged, context) => {
  const kept = rules.filter((mention) => !mention.needsSupport || taggerAgrees(mention, tagged));
  const covered = new Uint8Array(context.text.length + 1);
  for (const mention of kept) covered.fill(1, mention.start, mention.end);
  const edges = wordEdges(context.tokens);
  const added: OrgMention[] = [];
  for (const span of tagged) {
    if (span.confidence < NEW_NAME_CONFIDENCE || covered.subarray(span.start, span.end).includes(1)) continue;
    if (!onWordEdges(span, edges) || isNoName(span.text, context)) continue;
    const words = context.tokens.filter((token) => token.start >= span.start && token.end <= span.end);
    if (!words.some((word) => word.pos === 'nt')) continue;
    added.push(taggedMention(span, context));
  }
  return resolveOverlaps([...kept, ...added]);
};

/** Parts of speech of proper names and unknown words. */
const PROPER_POS = /^(x|nz|nt|nr|nrt|nrfg|ns|j|eng)$/;

/**
 * Whether a name only the tagger found reads as one: not one ordinary word of the segmenter (联合, 国家队), and,
 * where it ends like an organization, with a part before the ending that names something (驱动研发中心 does not).
 */
function plausibleTaggedName(span: ScoredSpan, context: OrgPolicyContext): boolean {
  const words = spansOverlapping(context.tokens, span.start, span.end);
  if (words.length === 1 && !PROPER_POS.test(words[0]?.pos ?? '') && !/[A-Za-z]/u.test(span.text))
    return false;
  // One word that jieba's dictionary knows as an organization (中国建设银行/nt) is a name as it stands.
  if (words.length === 1 && words[0]?.pos === 'nt') return true;
  const ending = context.lexicon.orgSuffixes.find((entry) => span.text.endsWith(entry.suffix));
  if (!ending) return true;
  const weak = !/(公司|集团|政府|委员会|协会|联盟|大学|研究院|研究所|法院)$/u.test(ending.suffix);
  return distinctive(span.start, span.end - ending.suffix.length, weak, context, new Set());
}

function taggedMention(span: ScoredSpan, context: OrgPolicyContext): OrgMention {
  return {
    label: 'org',
    start: span.start,
    end: span.end,
    text: span.text,
    orgType: typeOf(span.text, context.lexicon),
    source: 'model',
  };
}

/**
 * Rules and tagger weighed together, boundaries settled here and nowhere else:
 * - every candidate loses what cannot belong to a name (`trimOrgSpan`), and what is then no name goes;
 * - a rule's name that needs support (a listed short name or brand that is also an ordinary word) stays only
 *   where the tagger reads an organization over it;
 * - a tagger name nobody else found stays when the tagger is sure of it (`NEW_NAME_CONFIDENCE`) and it does not
 *   cut a word;
 * - where they overlap, the rule's boundaries stand, unless the tagger's name joins two of the rule's names
 *   exactly (国家电投集团 + 资本控股有限公司), or widens one leftward over name-like words (航科技股份有限公司 →
 *   中创新航科技股份有限公司), or rightward to a subsidiary's ending (上汽集团 → 上汽集团宁德分公司);
 * - names written back to back, parent then subsidiary, are one (`joinParentPrefixes`).
 */
export const agreement: OrgMergePolicy = (rules, tagged, context) => {
  const edges = wordEdges(context.tokens);
  const taggedNames = tagged
    .map((span) => {
      const cut = trimOrgSpan(span, context);
      return cut && !isNoName(cut.text, context) ? { ...span, ...cut } : null;
    })
    .filter((span): span is ScoredSpan => span !== null)
    .sort((a, b) => b.confidence - a.confidence);
  let kept = withoutCrossings(
    rules
      .map((mention) => trimmed(mention, context))
      .filter((mention): mention is OrgMention => mention !== null)
      .filter(
        (mention, _, all) =>
          !mention.needsSupport || taggerAgrees(mention, tagged) || joinedToParty(mention, all, context.text),
      ),
  );
  kept = resolveOverlaps(joinParentPrefixes(resolveOverlaps(kept), context.text));
  for (const span of taggedNames) {
    const touching = kept.filter((mention) => overlap(mention, span) > 0);
    if (touching.length === 0) {
      if (
        span.confidence >= NEW_NAME_CONFIDENCE &&
        onWordEdges(span, edges) &&
        plausibleTaggedName(span, context)
      )
        kept.push(taggedMention(span, context));
      continue;
    }
    if (span.confidence < BOUNDARY_CONFIDENCE) continue;
    const inside = touching.every((mention) => mention.start >= span.start && mention.end <= span.end);
    if (!inside) continue;
    const first = Math.min(...touching.map((mention) => mention.start));
    const last = Math.max(...touching.map((mention) => mention.end));
    const joins = touching.length >= 2 && first === span.start && last === span.end;
    const widensLeft = touching.length === 1 && last === span.end && first > span.start;
    const widensRight =
      touching.length === 1 &&
      first === span.start &&
      last < span.end &&
      COMPANY_ENDING.test(span.text) &&
      onWordEdges({ start: last, end: span.end }, edges);
    if (!joins && !widensLeft && !widensRight) continue;
    const type = (touching[touching.length - 1] as OrgMention).orgType;
    kept = kept.filter((mention) => !touching.includes(mention));
    kept.push({ ...taggedMention(span, context), orgType: type });
  }
  return actingZonesOnly(
    withPlaceInBrackets(joinSubBodies(resolveOverlaps(kept), context), context),
    context,
  );
};

export const ORG_POLICIES = { rulesFirst, agreement } as const satisfies Record<string, OrgMergePolicy>;
export type OrgPolicyName = keyof typeof ORG_POLICIES;
/** The policy annotation uses unless told otherwise. */
export const DEFAULT_ORG_POLICY: OrgPolicyName = 'agreement';
