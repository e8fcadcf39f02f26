import { spansWithin } from '../annotate/spans.js';
import type { Annotated, OrgMention, PlaceMention, Sentence } from '../annotate/types.js';

/** What one sentence says that every kind of event needs: its actors, places and date. */

/** Organizations that a sentence names as actors: not those inside a person's title. */
const orgsInTitles = new WeakMap<Annotated, Set<OrgMention>>();

/** Organizations named inside a person's title or heading it (吉利控股集团董事长): no actors. Once per document. */
function titleOrgs(annotated: Annotated): Set<OrgMention> {
  let found = orgsInTitles.get(annotated);
  if (found) return found;
  const inTitle = new Uint8Array(annotated.text.length + 1);
  const titleStarts = new Set<number>();
  found = new Set<OrgMention>();
  for (const person of annotated.people) {
    if (!person.titleSpan) continue;
    inTitle.fill(1, person.titleSpan.start, person.titleSpan.end);
    titleStarts.add(person.titleSpan.start);
    if (person.org) found.add(person.org);
  }
  for (const org of annotated.orgs) {
    if (
      titleStarts.has(org.end) ||
      (org.end > org.start && inTitle.subarray(org.start, org.end).every((x) => x === 1))
    )
      found.add(org);
  }
  orgsInTitles.set(annotated, found);
  return found;
}

/** Organizations that a sentence names as actors: not those inside a person's title, nor bystanders. */
export function actorsIn(sentence: Sentence, annotated: Annotated): OrgMention[] {
  const inTitles = titleOrgs(annotated);
  const aside = bystanders(annotated);
  return spansWithin(annotated.orgs, sentence.start, sentence.end).filter(
    (org) => org.end <= sentence.end && !inTitles.has(org) && !aside.has(org),
  );
}

/** A news credit right after a name: 某网讯, 某网11月22日报道, 某报记者, 某公司讯. */
const CREDIT_AFTER =
  /^\s*(\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*((电|讯)(?=[\s，,：:（(])|消息[，,：:]|报道[，,：:称]|获悉|援引|记者|e公司讯|[（(]记者)/u;
const CREDIT_BEFORE = /(据|来源[：:]|来自|转载自|援引)[\s]*$/u;
/** What stands between a parent and its subsidiary named right after it: 甲全资子公司乙, 甲旗下乙. */
const SUBSIDIARY_LINK =
  /^(的|之)?(全资|控股|间接全资|全资控股)?(子公司|孙公司|附属公司|附属企业|附属|旗下(的)?(子公司|公司|企业)?)$/u;
/** A subsidiary referred back to its announcing parent: 甲发布公告称，其全资子公司乙… */
const SUBSIDIARY_BACK =
  /(^|[，,：:\s]|其|公司|该公司|本公司)(之|的)?(全资|控股|间接全资|全资控股)?(子公司|孙公司|附属公司|附属|旗下(的)?(子公司|公司|企业)?)$/u;

/** A parent announcing what its subsidiary did: 某公司(600000.SH)公告，控股子公司乙与丙签订… */
const ANNOUNCES_SUBSIDIARY =
  /^\s*([（(][^）)]{1,16}[)）])?\s*(\d{1,2}月\d{1,2}日)?(晚间)?(发布)?(公告|宣布|披露)称?[，,：:\s]*([^。；]{0,16}[，,]\s*)?(其|公司)?(之|的)?(全资|控股|间接全资)?(子公司|孙公司|附属公司|附属)/u;

const bystanderCache = new WeakMap<Annotated, Set<OrgMention>>();

/**
 * Organizations a document names beside its events, never as their parties: the outlet that credits a report
 * (据某网报道), and the parent whose subsidiary acts (甲全资子公司乙与丙签署: 乙 signs). Once per document.
 */
function bystanders(annotated: Annotated): Set<OrgMention> {
  let found = bystanderCache.get(annotated);
  if (found) return found;
  found = new Set<OrgMention>();
  const { text, orgs } = annotated;
  orgs.forEach((org, index) => {
    if (org.orgType === 'media') found.add(org);
    const after = text.slice(org.end, org.end + 12);
    const before = text.slice(Math.max(0, org.start - 6), org.start);
    if (CREDIT_AFTER.test(after) || CREDIT_BEFORE.test(before)) found.add(org);
    if (ANNOUNCES_SUBSIDIARY.test(text.slice(org.end, org.end + 48))) found.add(org);
    const previous = orgs[index - 1];
    if (!previous || previous.end > org.start) return;
    const link = text.slice(previous.end, org.start);
    if (SUBSIDIARY_LINK.test(link)) found.add(previous);
    else if (SUBSIDIARY_BACK.test(link) && !/[。；]/u.test(link)) found.add(previous);
  });
  bystanderCache.set(annotated, found);
  return found;
}

/** Consecutive place names read as one place as written: 浙江杭州, 嘉兴市南湖区. */
export function placeRun(places: readonly PlaceMention[], from: number, text: string): string | null {
  const nearby = spansWithin(places, from, from + 64);
  const first = nearby.find((place) => place.start - from <= 2);
  if (!first) return null;
  let end = first.end;
  for (const place of nearby) if (place.start === end) end = place.end;
  const tail =
    /^[\u4e00-\u9fff]{0,6}?(新区|开发区|高新区|经开区|经济技术开发区|产业园|工业园|园区)|^地区/u.exec(
      text.slice(end),
    )?.[0] ?? '';
  return text.slice(first.start, end + tail.length);
}

/** The fullest form the sentence gives of a place: 嘉兴市南湖区 for 嘉兴. */
export function fullestPlace(place: string, sentence: Sentence, annotated: Annotated): string {
  let fullest = place;
  for (const mention of spansWithin(annotated.places, sentence.start, sentence.end)) {
    if (mention.end > sentence.end) continue;
    const run = placeRun(annotated.places, mention.start, annotated.text);
    if (run && run.length > fullest.length && run.startsWith(place.slice(0, 2))) fullest = run;
  }
  return fullest;
}

/**
 * Dates that are not when something happened: a report's dateline (某网11月26日消息, 某地5月3日电), a listed
 * company's filing date (2022年12月21日，某某(600001.SH)公告: a regulator's notice is its action), and the ends of a period (2021年7月2日至2022年4月30日期间生产的).
 */
const NOT_WHEN_AFTER =
  /^(\s*(消息|讯|电(?![池力网站动气车器子])|报道)|[，,\s]*[^，。；、]{2,24}?([（(][^）)]{2,12}[)）]|公司)(晚间)?(发布)?公告|\s*(至|到|—|-|~|～)[^，。；]{2,16}(期间|止))/u;

function happensAt(date: { start: number; end: number }, text: string): boolean {
  return (
    !NOT_WHEN_AFTER.test(text.slice(date.end, date.end + 40)) && !/(至|到)$/u.test(text.slice(0, date.start))
  );
}

/** The first date a sentence gives of something happening, if any (its value may be unknown: 5月, no year). */
export function dateIn(sentence: Sentence, annotated: Annotated): { found: boolean; value: string | null } {
  const dates = spansWithin(annotated.dates, sentence.start, sentence.end).filter(
    (date) => date.end <= sentence.end && happensAt(date, annotated.text),
  );
  if (dates.length === 0) return { found: false, value: null };
  return { found: true, value: dates[0]?.value ?? null };
}

/** Words that place an event at a vague time of their own (近日, 日前): no earlier sentence's date is its date. */
const VAGUE_TIME = /(近日|日前|近期|最近|此前|前不久|不久前)/u;

/** The date a sentence's event has: its own, else the last one stated before it unless it says 近日 or the like. */
export function eventDate(
  sentence: Sentence,
  date: { found: boolean; value: string | null },
  lastDate: string | null,
): string | null {
  if (date.found) return date.value;
  return VAGUE_TIME.test(sentence.text) ? null : lastDate;
}
