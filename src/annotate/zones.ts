import type { OrgContext } from './orgs.js';
import type { OrgMention } from './types.js';

/** What may stand between a zone's place and its ending: a short name, no function word (东湖, 前湾). */
const ZONE_NAME = /^[\u4e00-\u9fff]{0,6}?$/u;
const NOT_IN_ZONE_NAME = /[的在是了将与和及为对等项目选址]/u;

/**
 * Zones and parks named after their place: 某市经开区, 某市东湖高新区, 某县工业园区. A place of the gazetteer,
 * at most six characters of name, then a zone ending (data/annotate/org-suffixes.yaml `zones`), ending where a
 * word ends. They are candidates; the merge policy keeps those that act somewhere in the article.
 */
export function findZones(context: OrgContext): OrgMention[] {
  const { text, tokens, lexicon, gazetteer } = context;
  const ends = new Set(tokens.map((token) => token.end));
  const found: OrgMention[] = [];
  // From each zone ending back to a place at most six characters of name before it: zone endings are rare, so
  // this reads a few windows of the text, not every position.
  const endings = new Map<number, number>();
  for (const zone of lexicon.zones) {
    for (let at = text.indexOf(zone); at >= 0; at = text.indexOf(zone, at + 1)) {
      const end = at + zone.length;
      if (ends.has(end) && !endings.has(end)) endings.set(end, at);
    }
  }
  let taken = -1;
  for (const [end, zoneStart] of [...endings].sort((a, b) => a[0] - b[0])) {
    let best: OrgMention | null = null;
    for (let start = Math.max(0, zoneStart - 6 - gazetteer.longest); start < zoneStart; start++) {
      if (start < taken) continue;
      const place = gazetteer.placeAt(text, start);
      if (!place) continue;
      const middle = text.slice(start + place.length, zoneStart);
      if (start + place.length > zoneStart || !ZONE_NAME.test(middle) || NOT_IN_ZONE_NAME.test(middle))
        continue;
      best = {
        label: 'org',
        start,
        end,
        text: text.slice(start, end),
        orgType: 'government',
        source: 'suffix',
      };
      break;
    }
    if (best) {
      found.push(best);
      taken = best.end;
    }
  }
  return found;
}
