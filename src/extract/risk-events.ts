import { spansWithin } from '../annotate/spans.js';
import type { Annotated, Sentence } from '../annotate/types.js';
import { LEGAL_OR_GROUP_ENDING } from '../domain/names.js';
import { graver } from '../domain/severity.js';
import type { RiskHit } from './risk-hits.js';
import type { RiskLexicon } from './risk-lexicon.js';
import { dateIn, fullestPlace, placeRun } from './sentence-facts.js';
import type { ExtractedEvent, RiskEventType, Severity } from './types.js';

/** Two names of one company, as an article varies them: they share a run of five or more characters. */
function sameCore(a: string | null | undefined, b: string | null): boolean {
  if (!a || !b) return false;
  const strip = (name: string): string => name.replace(LEGAL_OR_GROUP_ENDING, '');
  const [short, long] = [strip(a), strip(b)].sort((x, y) => x.length - y.length) as [string, string];
  for (let i = 0; i + 5 <= short.length; i++) if (long.includes(short.slice(i, i + 5))) return true;
  return false;
}

/** Where a risk happened: the first place the sentence names, as fully as it names it. */
export function placeOf(sentence: Sentence, annotated: Annotated): string | null {
  const place = annotated.places.find(
    (mention) => mention.start >= sentence.start && mention.end <= sentence.end && mention.level !== 'region',
  );
  if (!place) return null;
  const run = placeRun(annotated.places, place.start, annotated.text) ?? place.text;
  return fullestPlace(run, sentence, annotated);
}

export type RiskEvent = ExtractedEvent & { type: RiskEventType; severity: Severity };

export const evidenceOf = (sentence: Sentence) => ({
  start: sentence.start,
  end: sentence.end,
  text: sentence.text,
});

/** The event of the article a hit tells more of, if it tells of one already found. */
export function eventOf(
  hit: RiskHit,
  hits: readonly RiskHit[],
  events: readonly RiskEvent[],
  named: ReadonlySet<string>,
): RiskEvent | undefined {
  if (hit.refersBack) {
    const told = events.findLast((event) => event.type === hit.type);
    if (told) return told;
  }
  const sameSubject = events.find(
    (event) => event.type === hit.type && hit.subject !== null && event.subject === hit.subject,
  );
  if (sameSubject) return sameSubject;
  // Companies listed as hit together (甲、乙、丙减产) are one event each, not one; so are a group's two companies.
  const listed = hits.filter((other) => other.type === hit.type && other.subject !== null).length > 1;
  return events.find(
    (event) =>
      event.type === hit.type &&
      (hit.subject === null ||
        sameCore(event.subject, hit.subject) ||
        (!listed && !hit.linked && typeof event.subject === 'string' && named.has(event.subject))),
  );
}

/** A hit's sentence as more evidence of an event, with the bodies it names and what the event still lacked. */
export function addTo(event: RiskEvent, hit: RiskHit, date: string | null, annotated: Annotated): void {
  event.evidence.push(evidenceOf(hit.sentence));
  for (const other of hit.others) if (!event.parties.includes(other)) event.parties.push(other);
  // A clause about no one in particular (碳酸锂价格暴涨) is context: it does not make a company's event worse.
  const grades = hit.subject !== null || hit.type === 'accident' || event.subject === null;
  if (grades) event.severity = graver(event.severity, hit.severity);
  // A later sentence may give the day of the month the first one named (10月份减产; 10月11日至12日暂停).
  if (event.date === null || (date?.startsWith(`${event.date}-`) ?? false)) event.date = date;
  event.location ??= placeOf(hit.sentence, annotated);
}

/**
 * A risk with no company is kept for a market (price), a measure against a country's products, a company the
 * article does not name, or an accident at a named place or with casualties at a site: still a regional risk.
 */
export function keptWithoutSubject(hit: RiskHit, location: string | null, lexicon: RiskLexicon): boolean {
  const { text } = hit.sentence;
  const { casualties, noCasualties } = lexicon.scale;
  switch (hit.type) {
    case 'price_shock':
      return true;
    case 'regulatory_action':
      return lexicon.countryMeasure.test(text);
    case 'accident':
      return (
        location !== null ||
        (casualties.test(text.replace(noCasualties, '')) && lexicon.accidentSite.test(text))
      );
    default:
      return hit.unnamed;
  }
}

/**
 * The date of the risk a sentence tells: when it starts (自2024年9月1日起, 从10月18日至年底), else the first date it
 * gives; a recall only by its start, never by the production period it covers.
 */
export function riskDate(
  type: RiskEventType,
  sentence: Sentence,
  annotated: Annotated,
  lexicon: RiskLexicon,
): { found: boolean; value: string | null } {
  const start = spansWithin(annotated.dates, sentence.start, sentence.end).find(
    (date) =>
      lexicon.startFrom.test(annotated.text.slice(Math.max(0, date.start - 2), date.start)) &&
      lexicon.startOn.test(annotated.text.slice(date.end, date.end + 3)),
  );
  if (start) return { found: true, value: start.value };
  return type === 'recall' ? { found: false, value: null } : dateIn(sentence, annotated);
}
