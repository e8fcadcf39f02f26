import type { Evidence, ExtractedEvent } from '../extract/types.js';
import { PrefixTable } from '../ner/prefix-table.js';
import type { OrganizationSign } from './attachment-rules.js';
import type { ChainTaxonomy } from './taxonomy.js';

/** A keyword of a chain node found in a text: [start, end) in that text. */
export interface KeywordHit {
  node: string;
  keyword: string;
  start: number;
  end: number;
}

/** Where an event's link to a chain node comes from, and how much each kind of place counts. */
type EventSign = 'domain' | 'evidence';
const EVENT_WEIGHT: Record<EventSign, number> = { domain: 1, evidence: 0.5 };

/** Where a link comes from: an event's domain phrase or evidence, or one of an organization's signs. */
export type LinkSource = EventSign | OrganizationSign;

export interface LinkEvidence extends KeywordHit {
  source: LinkSource;
  /** The text the offsets index: a domain phrase, an evidence sentence, a name, or an industry class. */
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
export function linksFrom(
  evidence: readonly LinkEvidence[],
  weightOf: (source: LinkSource) => number,
): ChainLink[] {
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
      total += weightOf(item.source);
    }
    links.push({ node, score: Number((1 - Math.exp(-total)).toFixed(3)), evidence: items });
  }
  return links.sort((a, b) => b.score - a.score || (a.node < b.node ? -1 : 1));
}

/** The keyword hits of a text as link evidence; `within` is a part of the text to look in (a phrase of a sentence). */
export function hitsIn(
  matcher: ChainMatcher,
  text: string,
  source: LinkSource,
  within: { start: number; end: number } = { start: 0, end: text.length },
): LinkEvidence[] {
  return matcher.hits(text.slice(within.start, within.end)).map((hit) => ({
    ...hit,
    start: hit.start + within.start,
    end: hit.end + within.start,
    source,
    text,
  }));
}

/** Where an event sits in the chain: from what its cooperation covers (domains) and from its evidence sentences. */
export function attachEvent(
  event: Pick<ExtractedEvent, 'domains' | 'evidence'>,
  matcher: ChainMatcher,
): ChainLink[] {
  return linksFrom(
    [
      ...event.domains.flatMap((domain) => hitsIn(matcher, domain, 'domain')),
      ...event.evidence.flatMap((sentence: Evidence) => hitsIn(matcher, sentence.text, 'evidence')),
    ],
    (source) => EVENT_WEIGHT[source as EventSign] ?? 0,
  );
}
