import type { OrgType } from '../annotate/types.js';
import {
  type ChainLink,
  type ChainMatcher,
  hitsIn,
  type LinkEvidence,
  type LinkSource,
  linksFrom,
} from './attach.js';
import { type AttachmentRules, type OrganizationSign, productionNodes } from './attachment-rules.js';
import { type ChainTaxonomy, lineage } from './taxonomy.js';

/** Words of a sentence that say something of an organization: the phrase and the sentence it stands in. */
export interface SignText {
  phrase: string;
  sentence: string;
}

/** What the corpus says an organization is and does, sign by sign (data/chain-attachment.yaml weighs them). */
export interface OrganizationSigns {
  name: string;
  type: OrgType;
  /** What articles say it makes or does. */
  business: readonly SignText[];
  /** What its own plants and projects make. */
  project: readonly SignText[];
  /** What it supplies. */
  supply: readonly SignText[];
  /** What the agreements it is a party to cover. */
  topic: readonly SignText[];
  /** Its Shenwan industry class, when it is a listed company. */
  industry: string | null;
  /** The nodes general knowledge gives it, when it is a well-known company. */
  known: readonly string[];
}

/** What attaching organizations needs: the keyword matcher, the tree and the rules. */
export interface OrganizationAttacher {
  matcher: ChainMatcher;
  taxonomy: ChainTaxonomy;
  rules: AttachmentRules;
  production: ReadonlySet<string>;
}

export function organizationAttacher(
  matcher: ChainMatcher,
  taxonomy: ChainTaxonomy,
  rules: AttachmentRules,
): OrganizationAttacher {
  return { matcher, taxonomy, rules, production: productionNodes(taxonomy, rules) };
}

/** A company that makes something: not a fund, bank or broker by its name, and no public or member body. */
function isProducer(signs: Pick<OrganizationSigns, 'name' | 'type'>, rules: AttachmentRules): boolean {
  return signs.type === 'company' && !rules.nonProducers.some((word) => signs.name.includes(word));
}

/** Items of a phrase: 储能电池和动力电池 → 储能电池, 动力电池. */
const ITEM_SEPARATOR = /、|和|及|与|以及|或|，|,/gu;

/** An amount after a product (不少于3万吨, 约2GWh): no noun of the phrase. */
const QUANTITY =
  /(?:不少于|不低于|不超过|超过|约|合计|累计|共计|达到?|近|逾)?[\d.,，]+(?:万|亿|千)?(?:吨|套|辆|台|个|片|件|gwh|mwh|kwh|gw|mw|GWh|MWh|kWh|GW|MW|千瓦时)?(?:以上|左右)?/gu;

/** At most one character of a word left: the rest of the keyword's own word (公共充电|桩). */
const NO_NOUN = /^[^\p{Script=Han}A-Za-z]*(?:\p{Script=Han}[^\p{Script=Han}A-Za-z]*)?$/u;

/** Whether a phrase's tail holds nothing but trailing words (制造商, 的研发和生产), marks and a word's last character. */
function onlyTrailingWords(tail: string, words: readonly string[]): boolean {
  let rest = tail.replace(QUANTITY, '');
  for (let at = 0; at < rest.length; ) {
    const word = words
      .filter((candidate) => rest.startsWith(candidate, at))
      .sort((a, b) => b.length - a.length)[0];
    if (word) rest = rest.slice(0, at) + rest.slice(at + word.length);
    else at++;
  }
  return NO_NOUN.test(rest);
}

/**
 * The keyword hits that say what a phrase is: in each item of it, the last (a noun phrase's head comes last:
 * 磷酸铁锂换电电池包 is a battery pack, not cathode or swapping).
 */
function phraseHits(
  attacher: OrganizationAttacher,
  texts: readonly SignText[],
  source: OrganizationSign,
): LinkEvidence[] {
  return texts.flatMap(({ phrase, sentence }) => {
    const found = sentence.indexOf(phrase);
    const text = found < 0 ? phrase : sentence;
    const at = Math.max(found, 0);
    const heads: LinkEvidence[] = [];
    let itemStart = 0;
    for (const separator of [...phrase.matchAll(ITEM_SEPARATOR), null]) {
      const itemEnd = separator ? (separator.index ?? 0) : phrase.length;
      const head = hitsIn(attacher.matcher, text, source, { start: at + itemStart, end: at + itemEnd }).at(
        -1,
      );
      if (head && onlyTrailingWords(text.slice(head.end, at + itemEnd), attacher.rules.trailingWords))
        heads.push(head);
      itemStart = itemEnd + (separator?.[0].length ?? 0);
    }
    return heads;
  });
}

function industryHits(attacher: OrganizationAttacher, industry: string | null): LinkEvidence[] {
  if (!industry) return [];
  const text = `${LISTED_LABEL}${industry}`;
  return (attacher.rules.industries[industry] ?? []).map((node) => ({
    node,
    keyword: industry,
    start: LISTED_LABEL.length,
    end: text.length,
    source: 'listed' as const,
    text,
  }));
}

/** How evidence from a list (no sentence) reads: where the fact comes from. */
const LISTED_LABEL = '申万行业分类：';
const KNOWN_LABEL = '行业常识';

function knownHits(signs: OrganizationSigns): LinkEvidence[] {
  const text = `${KNOWN_LABEL}：${signs.name}（data/chain/known-businesses.yaml）`;
  return signs.known.map((node) => ({
    node,
    keyword: KNOWN_LABEL,
    start: 0,
    end: KNOWN_LABEL.length,
    source: 'known' as const,
    text,
  }));
}

/** A name without its legal form and generic words at the end: 吉利汽车集团有限公司 → 吉利汽车. */
export function coreName(name: string, tails: readonly string[]): string {
  let core = name.replace(/[（(][^）)]*[)）]/gu, '');
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const tail of tails) {
      if (core.endsWith(tail) && core.length > tail.length + 1) {
        core = core.slice(0, -tail.length);
        stripped = true;
      }
    }
  }
  return core;
}

/** What a name says: the node of its ending (the longest that fits), and its keywords but the ignored ones. */
function nameHits(attacher: OrganizationAttacher, name: string): LinkEvidence[] {
  const { rules } = attacher;
  const core = coreName(name, rules.genericTails);
  const ending = Object.keys(rules.nameEndings)
    .filter((word) => core.endsWith(word) && core.length > word.length)
    .sort((a, b) => b.length - a.length)[0];
  const ignored = new Set(rules.ignoredInNames);
  const keywords = hitsIn(attacher.matcher, name, 'name').filter((hit) => !ignored.has(hit.keyword));
  const node = ending ? rules.nameEndings[ending] : undefined;
  if (!ending || !node || keywords.some((hit) => hit.keyword === ending && hit.node === node))
    return keywords;
  const at = name.lastIndexOf(ending);
  return [
    { node, keyword: ending, start: at, end: at + ending.length, source: 'name', text: name },
    ...keywords,
  ];
}

/** Signs that may place an organization in the rest of the tree (services): what it is, by name or in words. */
const SERVICE_SIGNS: ReadonlySet<OrganizationSign> = new Set(['name', 'business']);

/**
 * Where an organization sits in the chain. A producing company is placed in the production subtrees by its name,
 * what articles say it makes, its own projects, what it supplies, its listed industry and what is known of it,
 * weighed by the rules; what its agreements cover counts only where nothing else places it, and what it invests
 * in never. Any organization may sit in the services tree by its name
 * (an alliance, a testing body). A node is dropped where a node below it is also linked (the more precise one
 * says it), and a company keeps at most the rules' number of production nodes, the strongest.
 */
export function attachOrganization(signs: OrganizationSigns, attacher: OrganizationAttacher): ChainLink[] {
  const { rules, production, taxonomy } = attacher;
  const producer = isProducer(signs, rules);
  const core = coreName(signs.name, rules.genericTails);
  const evidence = [
    ...nameHits(attacher, signs.name),
    ...phraseHits(attacher, signs.business, 'business'),
    ...(producer
      ? [
          ...phraseHits(attacher, signs.project, 'project'),
          ...phraseHits(attacher, signs.supply, 'supply'),
          ...industryHits(attacher, signs.industry),
          ...knownHits(signs),
        ]
      : []),
  ].filter((item) => {
    if (production.has(item.node)) return producer;
    if (!SERVICE_SIGNS.has(item.source as OrganizationSign)) return false;
    // What a body is, its name says at its end: 某某产业联盟 is an alliance, 某开发区人民法院 no park.
    return item.source !== 'name' || core.endsWith(item.keyword);
  });
  const weightOf = (source: LinkSource): number => rules.weights[source as OrganizationSign] ?? 0;
  let links = linksFrom(evidence, weightOf).filter((link) => link.score >= rules.minScore);
  if (producer && !links.some((link) => production.has(link.node))) {
    const topics = phraseHits(attacher, signs.topic, 'topic').filter((item) => production.has(item.node));
    links = linksFrom([...evidence, ...topics], weightOf).filter((link) => link.score >= rules.minScore);
  }
  const covered = new Set(
    links.flatMap((link) =>
      lineage(taxonomy, link.node)
        .slice(1)
        .map((node) => node.id),
    ),
  );
  let productionKept = 0;
  return links.filter((link) => {
    if (covered.has(link.node)) return false;
    if (!production.has(link.node)) return true;
    productionKept += 1;
    return productionKept <= rules.maxProductionNodes;
  });
}
