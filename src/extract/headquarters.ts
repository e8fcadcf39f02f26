import type { Annotated, OrgMention, PlaceMention } from '../annotate/types.js';
import type { OrgNames } from './names.js';
import type { HeadquartersStatement } from './types.js';

/** 总部 with how it is placed; regional and functional headquarters (华东总部, 研发总部) are no home. */
const HEADQUARTERS = /总部(?:位于|设在|设于|坐落于|地处|落户|落地|迁至|在)?/gu;
/** What may stand between the organization and 总部: nothing, 的, or the whole organization's (全球总部, 集团总部). */
const ORG_TO_HQ = /^的?(?:全球|集团|公司)?$/u;
/** Between 总部…的 and the organization it describes: a few words (电驱动企业). */
const DESCRIBED_GAP = 14;

/** The most specific of the places written one after another from `at` (浙江宁波 → 宁波). */
function placesFrom(places: readonly PlaceMention[], at: number): PlaceMention | null {
  let found: PlaceMention | null = null;
  let next = at;
  for (const place of places) {
    if (place.start < next) continue;
    if (place.start > next) break;
    if (place.level !== 'region') found = place;
    next = place.end;
  }
  return found;
}

/**
 * Statements of where an organization's headquarters are: 浙东电驱总部位于宁波, 总部位于宁波的电驱动企业浙东电驱,
 * and 这家总部位于宁波的企业 after the organization in one sentence. The place is the home the resolver gives it.
 */
export function headquartersStatements(annotated: Annotated, names: OrgNames): HeadquartersStatement[] {
  const statements: HeadquartersStatement[] = [];
  const places = [...annotated.places].sort((a, b) => a.start - b.start);
  for (const sentence of annotated.sentences) {
    const orgs = annotated.orgs.filter((org) => org.start >= sentence.start && org.end <= sentence.end);
    if (!orgs.length) continue;
    for (const match of sentence.text.matchAll(HEADQUARTERS)) {
      const start = sentence.start + (match.index ?? 0);
      const end = start + match[0].length;
      const place = placesFrom(places, end);
      if (!place) continue;
      const before = orgs.filter(
        (org) => org.end <= start && ORG_TO_HQ.test(annotated.text.slice(org.end, start)),
      );
      let org: OrgMention | undefined = before.at(-1);
      if (!org && annotated.text[place.end] === '的') {
        org = orgs.find(
          (candidate) => candidate.start > place.end && candidate.start - place.end <= DESCRIBED_GAP,
        );
        const anaphor = /(这家|该|此)(?:全球|集团|公司)?$/u.test(annotated.text.slice(sentence.start, start));
        if (!org && anaphor) org = orgs.filter((candidate) => candidate.end <= start).at(-1);
      }
      if (!org) continue;
      statements.push({
        org: names.canonicalOf(org),
        place: place.text,
        evidence: { start: sentence.start, end: sentence.end, text: sentence.text },
      });
    }
  }
  return statements;
}
