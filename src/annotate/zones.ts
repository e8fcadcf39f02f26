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
  for (let at = 0; at < text.length; at++) {
    const place = gazetteer.placeAt(text, at);
    if (!place) continue;
    const after = at + place.length;
    const window = text.slice(after, after + 6 + 10);
    let best: OrgMention | null = null;
    for (const zone of lexicon.zones) {
      for (let gap = 0; gap <= 6; gap++) {
        if (!window.startsWith(zone, gap)) continue;
        const middle = window.slice(0, gap);
        if (!ZONE_NAME.test(middle) || NOT_IN_ZONE_NAME.test(middle)) continue;
        const end = after + gap + zone.length;
        if (!ends.has(end)) continue;
        if (!best || end > best.end)
          best = {
            label: 'org',
            start: at,
            end,
            text: text.slice(at, end),
            orgType: 'government',
            source: 'suffix',
          };
      }
    }
    if (best) {
      found.push(best);
      at = best.end - 1;
    }
  }
  return found;
}
