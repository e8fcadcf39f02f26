import { spansWithin } from '../../annotate/spans.js';
import type { Annotated, PlaceMention, Sentence } from '../../annotate/types.js';
import type { EventLexicon } from '../lexicon.js';
import { fullestPlace, placeRun } from '../sentence-facts.js';
import type { BusinessEventType as EventType } from '../types.js';

/** What a visit does where it goes, in the rest of its sentence. */
const VISIT_DOES = /^[^。；]{0,30}?(考察|调研|视察|参观|走访|座谈|访问|交流|洽谈)/u;

/** Where a visit goes: 赴广东佛山考察 → 广东佛山, 来京…调研 → 北京. */
function visitDestination(sentence: Sentence, annotated: Annotated, lexicon: EventLexicon): string | null {
  const { text } = annotated;
  for (const place of spansWithin(annotated.places, sentence.start, sentence.end)) {
    if (!lexicon.visitTo.test(text.slice(Math.max(sentence.start, place.start - 2), place.start))) continue;
    const run = placeRun(annotated.places, place.start, text) ?? place.text;
    if (VISIT_DOES.test(text.slice(place.start + run.length, sentence.end))) return run;
  }
  for (const match of sentence.text.matchAll(/(来|赴|抵|进)(\p{Script=Han})(?=[，,、\s]|考察|调研|视察)/gu)) {
    const city = lexicon.cityShortForms.get(match[2] ?? '');
    if (city && VISIT_DOES.test(sentence.text.slice((match.index ?? 0) + 2))) return city;
  }
  return null;
}

/** Where a sentence says the event happened: 在X举行/签署/召开; for a settlement, where it settles. */
export function locationIn(
  type: EventType,
  sentence: Sentence,
  annotated: Annotated,
  lexicon: EventLexicon,
): string | null {
  const { text } = annotated;
  if (type === 'meeting') {
    const destination = visitDestination(sentence, annotated, lexicon);
    if (destination) return destination;
  }
  if (type === 'settlement') {
    const settle = /(落户|落地|入驻)/u.exec(sentence.text);
    if (settle) {
      const run = placeRun(annotated.places, sentence.start + settle.index + settle[0].length, text);
      if (run) return fullestPlace(run, sentence, annotated);
    }
  }
  if (type === 'investment') {
    const site = /(在|于|位于|落在)([^，。；]{2,24}?)(开工|动工|奠基|建设|投产|扩产)/u.exec(sentence.text);
    if (site) {
      const run = placeRun(annotated.places, sentence.start + site.index + (site[1] ?? '').length, text);
      if (run) return run;
      if (/(开发区|新区|园区|产业园|工业园|区|县|市|镇)$/u.test(site[2] ?? '')) return site[2] ?? null;
    }
  }
  const where =
    /在([^，。；在]{2,20}?)(成功)?(举行|召开|举办|签署|签订|签约|揭牌|开幕|正式签署|隆重举行|成立)/u.exec(
      sentence.text,
    );
  if (where?.[1]) {
    const run = placeRun(annotated.places, sentence.start + where.index + 1, text);
    return run ?? where[1];
  }
  return null;
}

/**
 * A signing with a local government happens in its place where the sentence names that place besides the
 * government (与宁波市人民政府签署…，总部落户宁波 → 宁波); the government's name alone says nothing of the venue.
 */
export function governmentPlace(
  parties: readonly string[],
  sentence: Sentence,
  annotated: Annotated,
): string | null {
  const named = spansWithin(annotated.places, sentence.start, sentence.end).map((place) => place.text);
  for (const party of parties) {
    const org = annotated.orgs.find((mention) => mention.text === party);
    if (org?.orgType !== 'government') continue;
    const place = placesInName(party)?.text.replace(/(市|省|区|县)$/u, '');
    if (place && named.some((text) => text.startsWith(place))) return place;
  }
  return null;
}

function placesInName(name: string): PlaceMention | undefined {
  const match = /^(.{2,4}?)(市|省|区|县)/u.exec(name);
  return match
    ? { label: 'place', start: 0, end: match[0].length, text: match[0], level: 'city' }
    : undefined;
}
