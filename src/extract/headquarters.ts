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

/** Where a place after an organization is a plant or a project, not the organization's home: 位于宜宾的工厂. */
const FACILITY_AFTER =
  /^的?[^，。；,;]{0,4}(工厂|基地|项目|生产线|产线|厂区|园区|分公司|子公司|研发中心|产业园|工地|门店)/u;
/** An organization's home said without 总部: 注册地址位于…, 位于…的某公司, 来自…的某公司, 某公司位于…. */
const REGISTERED = /注册(?:地址|地)(?:位于|设在|设于|为|在|是)?/gu;
const LOCATED = /(?:位于|地处|坐落于|来自)/gu;

/**
 * Statements of where an organization is, each with the sentence that says it:
 * - its headquarters (`headquarters`): 浙东电驱总部位于宁波, 总部位于宁波的电驱动企业浙东电驱, and 这家总部位于宁波的企业
 *   after the organization in one sentence;
 * - its registered address (`registered`): 某公司注册地址位于江苏省常州市;
 * - where it is located (`located`): 位于江苏常州的某公司, 来自合肥的某公司, 某公司位于江苏常州 (not 位于宜宾的工厂), and a
 *   place written right before a company's name (湖南长远锂科).
 * The place is the home the resolver gives it, headquarters first.
 */
export function headquartersStatements(annotated: Annotated, names: OrgNames): HeadquartersStatement[] {
  const statements: HeadquartersStatement[] = [];
  const places = [...annotated.places].sort((a, b) => a.start - b.start);
  for (const sentence of annotated.sentences) {
    const orgs = annotated.orgs.filter((org) => org.start >= sentence.start && org.end <= sentence.end);
    if (!orgs.length) continue;
    const evidence = { start: sentence.start, end: sentence.end, text: sentence.text };
    const say = (org: OrgMention, place: PlaceMention, kind: HeadquartersStatement['kind']) =>
      statements.push({ org: names.canonicalOf(org), place: place.text, kind, evidence });
    for (const match of sentence.text.matchAll(HEADQUARTERS)) {
      const start = sentence.start + (match.index ?? 0);
      const end = start + match[0].length;
      const place = placesFrom(places, end);
      if (!place) continue;
      const org = describedBy(orgs, annotated.text, sentence.start, start, place);
      if (org) say(org, place, 'headquarters');
    }
    for (const match of sentence.text.matchAll(REGISTERED)) {
      const start = sentence.start + (match.index ?? 0);
      const place = placesFrom(places, start + match[0].length);
      const org = orgs
        .filter(
          (candidate) => candidate.end <= start && ORG_TO_HQ.test(annotated.text.slice(candidate.end, start)),
        )
        .at(-1);
      if (place && org) say(org, place, 'registered');
    }
    for (const match of sentence.text.matchAll(LOCATED)) {
      const start = sentence.start + (match.index ?? 0);
      if (annotated.text.slice(start - 2, start) === '总部') continue;
      const place = placesFrom(places, start + match[0].length);
      if (!place) continue;
      const before = orgs.filter((candidate) => candidate.end === start).at(-1);
      if (before) {
        if (!FACILITY_AFTER.test(annotated.text.slice(place.end, place.end + 8)))
          say(before, place, 'located');
        continue;
      }
      if (annotated.text[place.end] !== '的') continue;
      const after = orgs.find(
        (candidate) => candidate.start > place.end && candidate.start - place.end <= DESCRIBED_GAP,
      );
      if (after && !FACILITY_AFTER.test(annotated.text.slice(place.end, after.start)))
        say(after, place, 'located');
    }
    // 湖南长远锂科, 江苏常州星衡储能: a city or province written right before a company's name is where it is.
    for (const org of orgs) {
      if (org.orgType !== 'company') continue;
      const place = places.find(
        (candidate) =>
          candidate.end === org.start && candidate.level !== 'country' && candidate.level !== 'region',
      );
      if (place && !FACILITY_AFTER.test(annotated.text.slice(org.end, org.end + 8)))
        say(org, place, 'located');
    }
  }
  return statements;
}

/** The organization a 总部 statement is about: the one right before it, or the one its place describes after it. */
function describedBy(
  orgs: readonly OrgMention[],
  text: string,
  sentenceStart: number,
  at: number,
  place: PlaceMention,
): OrgMention | undefined {
  const before = orgs.filter((org) => org.end <= at && ORG_TO_HQ.test(text.slice(org.end, at)));
  let org: OrgMention | undefined = before.at(-1);
  if (!org && text[place.end] === '的') {
    org = orgs.find(
      (candidate) => candidate.start > place.end && candidate.start - place.end <= DESCRIBED_GAP,
    );
    const anaphor = /(这家|该|此)(?:全球|集团|公司)?$/u.test(text.slice(sentenceStart, at));
    if (!org && anaphor) org = orgs.filter((candidate) => candidate.end <= at).at(-1);
  }
  return org;
}
