import type { Evidence, ExtractedEvent } from '../extract/types.js';
import { PrefixTable } from '../ner/prefix-table.js';
import type { ChainTaxonomy } from './taxonomy.js';

/** A keyword of a chain node found in a text: [start, end) in that text. */
export interface KeywordHit {
  node: string;
  keyword: string;
  start: number;
  end: number;
}

/** Where a link to a chain node comes from, and how much each kind of place counts. */
export type LinkSource = 'domain' | 'evidence' | 'name';
const WEIGHT: Record<LinkSource, number> = { domain: 1, evidence: 0.5, name: 1 };

export interface LinkEvidence extends KeywordHit {
  source: LinkSource;
  /** The text the offsets index: a domain phrase, an evidence sentence, or a name. */
  text: string;
}

/** An attachment to a chain node: a score in (0, 1) and every keyword hit behind it. */
export interface ChainLink {
  node: string;
  score: number;
  evidence: LinkEvidence[];
}

const LATIN = /[a-z0-9]/;

/** Finds the keywords of every chain node in a text: longest first from the left, Latin ones only as whole words. */
export class ChainMatcher {
  private readonly table: PrefixTable<{ node: string; keyword: string }>;

  constructor(taxonomy: ChainTaxonomy) {
    const entries: [string, { node: string; keyword: string }][] = [];
    for (const node of taxonomy.nodes.values()) {
      for (const keyword of [...node.keywords.zh, ...node.keywords.en]) {
        entries.push([keyword, { node: node.id, keyword }]);
      }
    }
    this.table = new PrefixTable(entries);
  }

  hits(text: string): KeywordHit[] {
    // ASCII capitals folded one for one, so offsets stay those of the text.
    const folded = text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
    const hits: KeywordHit[] = [];
    for (let i = 0; i < folded.length; ) {
      const hit = this.table.longestAt(folded, i);
      const end = i + (hit?.length ?? 0);
      const wholeWord =
        hit &&
        !(LATIN.test(folded[i] ?? '') && LATIN.test(folded[i - 1] ?? '')) &&
        !(LATIN.test(folded[end - 1] ?? '') && LATIN.test(folded[end] ?? ''));
      if (hit && wholeWord) {
        hits.push({ node: hit.value.node, keyword: hit.value.keyword, start: i, end });
        i = end;
      } else i++;
    }
    return hits;
  }
}

/**
 * Links from keyword hits: per node, each distinct keyword counts once per kind of place with that place's
 * weight, and the score is `1 - e^-total` (one domain phrase gives 0.63, two give 0.86).
 */
export function linksFrom(evidence: readonly LinkEvidence[]): ChainLink[] {
  const byNode = new Map<string, LinkEvidence[]>();
  for (const item of evidence) byNode.set(item.node, [...(byNode.get(item.node) ?? []), item]);
  const links: ChainLink[] = [];
  for (const [node, items] of byNode) {
    const counted = new Set<string>();
    let total = 0;
    for (const item of items) {
      const key = `${item.source}\u0000${item.keyword}`;
      if (counted.has(key)) continue;
      counted.add(key);
      total += WEIGHT[item.source];
    }
    links.push({ node, score: Number((1 - Math.exp(-total)).toFixed(3)), evidence: items });
  }
  return links.sort((a, b) => b.score - a.score || (a.node < b.node ? -1 : 1));
}

function hitsIn(matcher: ChainMatcher, text: string, source: LinkSource, offset = 0): LinkEvidence[] {
  return matcher.hits(text).map((hit) => ({
    ...hit,
    start: hit.start + offset,
    end: hit.end + offset,
    source,
    text,
  }));
}

/** Where an event sits in the chain: from what its cooperation covers (domains) and from its evidence sentences. */
export function attachEvent(
  event: Pick<ExtractedEvent, 'domains' | 'evidence'>,
  matcher: ChainMatcher,
): ChainLink[] {
  return linksFrom([
    ...event.domains.flatMap((domain) => hitsIn(matcher, domain, 'domain')),
    ...event.evidence.flatMap((sentence: Evidence) => hitsIn(matcher, sentence.text, 'evidence')),
  ]);
}

/** Where an organization's own name puts it (a 锂业 company under lithium, when the taxonomy says so). */
export function attachName(name: string, matcher: ChainMatcher): ChainLink[] {
  return linksFrom(hitsIn(matcher, name, 'name'));
}

/** How much one event's link counts towards a party's link, against the event's own weight. */
const EVENT_SHARE = 0.5;

/**
 * Where an organization sits: from its name and from the events it is a party to. Scores combine as weights
 * (`-ln(1 - score)`), an event's at half its own, so that several events on one segment outweigh a single one.
 */
export function attachOrganization(
  name: string,
  eventLinks: readonly (readonly ChainLink[])[],
  matcher: ChainMatcher,
): ChainLink[] {
  const totals = new Map<string, { weight: number; evidence: LinkEvidence[] }>();
  const add = (link: ChainLink, share: number): void => {
    const entry = totals.get(link.node) ?? { weight: 0, evidence: [] };
    entry.weight += share * -Math.log(1 - Math.min(link.score, 0.999));
    entry.evidence.push(...link.evidence);
    totals.set(link.node, entry);
  };
  for (const link of attachName(name, matcher)) add(link, 1);
  for (const links of eventLinks) for (const link of links) add(link, EVENT_SHARE);
  return [...totals]
    .map(([node, { weight, evidence }]) => ({
      node,
      score: Number((1 - Math.exp(-weight)).toFixed(3)),
      evidence,
    }))
    .sort((a, b) => b.score - a.score || (a.node < b.node ? -1 : 1));
}
