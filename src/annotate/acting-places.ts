import type { OrgContext } from './orgs.js';
import type { OrgMention } from './types.js';

/** Verbs by which parties make a deal: a place that makes one is acting as its government. */
const DEAL = /(签署|签订|签约|缔结|达成|合作|共建|携手|联合|共同出资|投资)/u;
/** How far a clause runs, after the place, to its verb. */
const CLAUSE = /^[^，。；！？\n,;!?]{0,40}/u;

/**
 * Places that act as parties: a province, city, county or district that signs, partners or invests (某市与某电池
 * 企业签署…, 某电池企业与某区签约). The place is written as the party (某市); it stays a place mention too. Only
 * a place that stands as one of the two sides of 与/和/同 in a clause with a deal verb counts: 在某市签约 or
 * 某市的企业 does not.
 */
export function findActingPlaces(context: OrgContext, found: readonly OrgMention[]): OrgMention[] {
  const { text, gazetteer } = context;
  const orgCovered = new Uint8Array(text.length + 1);
  for (const org of found) orgCovered.fill(1, org.start, org.end);
  const acting: OrgMention[] = [];
  for (const place of gazetteer.find(text)) {
    if (place.level === 'region' || orgCovered.subarray(place.start, place.end).includes(1)) continue;
    const before = text.slice(Math.max(0, place.start - 1), place.start);
    const after = text.slice(place.end);
    // 某市与…签约: the place opens the clause and is joined to another party.
    const opensClause = /^$|[，。；！？\n,;!?：:、]/u.test(before) || place.start === 0;
    const firstSide = opensClause && /^(与|和|同)/u.test(after) && DEAL.test(CLAUSE.exec(after)?.[0] ?? '');
    // …与某市签约: the place is the second side, the deal verb right after it.
    const secondSide =
      /[与和同]/u.test(before) && /^(政府|人民政府)?(签署|签订|签约|达成|合作|共建|携手)/u.test(after);
    if (!firstSide && !secondSide) continue;
    acting.push({
      label: 'org',
      start: place.start,
      end: place.end,
      text: place.text,
      orgType: 'government',
      source: 'actor',
    });
  }
  return acting;
}
