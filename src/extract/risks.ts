import { spansWithin } from '../annotate/spans.js';
import type { Annotated, Sentence } from '../annotate/types.js';
import { LEGAL_OR_GROUP_ENDING } from '../domain/names.js';
import { graver } from '../domain/severity.js';
import type { OrgNames } from './names.js';
import type { RiskLexicon } from './risk-lexicon.js';
import { gradedByEvidence, scaledSeverity } from './risk-scale.js';
import {
  authoritiesIn,
  companiesIn,
  impactedCustomer,
  inGroupWithOther,
  subjectsIn,
} from './risk-subjects.js';
import { actorsIn, dateIn, fullestPlace, placeRun } from './sentence-facts.js';
import type { ExtractedEvent, RiskEventType, Severity } from './types.js';

export type { RiskLexicon } from './risk-lexicon.js';

const unique = (names: string[]): string[] => [...new Set(names)];

/** The clause of a sentence around an offset: between the nearest ，；：, before and after it. */
function clauseAround(sentence: Sentence, at: number): { start: number; text: string } {
  const offset = at - sentence.start;
  const before = Math.max(
    ...['，', '；', '：', ',', ';'].map((mark) => sentence.text.lastIndexOf(mark, offset - 1)),
  );
  const afterAll = ['，', '；', '：', ',', ';']
    .map((mark) => sentence.text.indexOf(mark, offset))
    .filter((index) => index >= 0);
  const end = afterAll.length ? Math.min(...afterAll) : sentence.text.length;
  return { start: sentence.start + before + 1, text: sentence.text.slice(before + 1, end) };
}

/** A risk found in one sentence. */
interface RiskHit {
  type: RiskEventType;
  severity: Severity;
  sentence: Sentence;
  at: number;
  subject: string | null;
  /**
   * Its other parties: the bodies that act in it (the regulator that fines, the court that rules, the creditor that
   * petitions) and the supplier whose cut hit the subject.
   */
  others: string[];
  /** Told as the risk already reported (这一破产审查案件的出现): evidence of it, never an event of its own. */
  refersBack: boolean;
  /** The subject is written as the group company of another one named (甲母公司乙): its own event. */
  linked: boolean;
  /** About a company the article does not name (一家车企, 这家企业): kept with a null subject. */
  unnamed: boolean;
}

/** Offsets where the segmenter starts or ends a word. */
function wordEdges(annotated: Annotated): Set<number> {
  const edges = new Set<number>();
  for (const token of annotated.tokens) {
    edges.add(token.start);
    edges.add(token.end);
  }
  return edges;
}

/** Whom a clause without a named company speaks of: the company last named, or one the article does not name. */
interface Referent {
  name: string | null;
}

/** A trigger the clause makes a plan or a guess (计划停产, 可能减产), but a regulator's decided measure. */
function isPlanned(
  type: RiskEventType,
  sentence: Sentence,
  clause: { start: number; text: string },
  at: number,
  text: string,
  lexicon: RiskLexicon,
): boolean {
  if (!lexicon.modality.test(text.slice(clause.start, at))) return false;
  if (type !== 'regulatory_action') return true;
  return !(
    lexicon.announcedMeasure.test(text.slice(sentence.start, at)) ||
    lexicon.provisionalMeasure.test(clause.text)
  );
}

/** The most severe trigger of a type in a sentence that reports it as a fact, and where it stands. */
function bestTrigger(
  type: RiskEventType,
  patterns: readonly { pattern: RegExp; severity: Severity }[],
  sentence: Sentence,
  annotated: Annotated,
  lexicon: RiskLexicon,
  edges: ReadonlySet<number>,
): { severity: Severity; at: number; word: string } | null {
  let best: { severity: Severity; at: number; word: string } | null = null;
  for (const { pattern, severity } of patterns) {
    for (const match of sentence.text.matchAll(pattern)) {
      const at = sentence.start + (match.index ?? 0);
      if (!edges.has(at + match[0].length)) continue;
      const clause = clauseAround(sentence, at);
      const lead = annotated.text.slice(clause.start, at);
      if (
        lexicon.ignore.test(clause.text) ||
        lexicon.negations.test(clause.text) ||
        lexicon.negatedBy.test(lead) ||
        isPlanned(type, sentence, clause, at, annotated.text, lexicon) ||
        lexicon.background.test(annotated.text.slice(Math.max(sentence.start, at - 12), at)) ||
        !(lexicon.requires.get(type)?.test(sentence.text) ?? true)
      ) {
        continue;
      }
      if (!best || graver(best.severity, severity) !== best.severity) best = { severity, at, word: match[0] };
    }
  }
  return best;
}

/** Where a trigger stands: its type, its most severe form and its offset. */
interface Trigger {
  type: RiskEventType;
  severity: Severity;
  at: number;
  word: string;
}

/**
 * The hits of one trigger, one per subject: the companies the clause is about, or the customer a supply cut is told
 * by its hit on (the supplier is then a party); with no company, whom the clause refers back to, if anyone.
 */
function hitsOf(
  trigger: Trigger,
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  last: Referent | null,
): RiskHit[] {
  const { type, at } = trigger;
  const actors = actorsIn(sentence, annotated);
  const companies = companiesIn(actors, annotated.text, lexicon);
  const found = subjectsIn(companies, at, annotated.text, type);
  const customer =
    type === 'supply_disruption' && lexicon.impactTrigger.test(trigger.word)
      ? impactedCustomer(companies, at, annotated.text, lexicon)
      : null;
  const severity = scaledSeverity(type, trigger.severity, sentence.text, lexicon);
  const clause = clauseAround(sentence, at);
  const authorities =
    type === 'regulatory_action' || type === 'financial_distress'
      ? authoritiesIn(actors, annotated.text, type)
      : [];
  const hit: RiskHit = {
    type,
    severity: customer && severity === 'high' ? 'medium' : severity,
    sentence,
    at,
    subject: null,
    others: [...authorities, ...(customer ? found : [])].map((org) => names.canonicalOf(org)),
    // 这一破产审查案件 tells of the risk already reported, unless the sentence first names whom it is about.
    refersBack:
      lexicon.refersBack.test(annotated.text.slice(clause.start, at)) &&
      !companies.some((org) => org.end <= at),
    linked: false,
    unnamed: false,
  };
  const subjects = customer ? [customer] : found;
  if (subjects.length > 0) {
    return subjects.map((subject) => {
      const name = names.canonicalOf(subject);
      return { ...hit, subject: name, linked: inGroupWithOther(name, sentence, annotated, names, lexicon) };
    });
  }
  if (lexicon.unnamedFirm.test(clause.text)) return [{ ...hit, unnamed: true }];
  const refers = lexicon.backReference.test(clause.text) || lexicon.unnamedBack.test(clause.text);
  const referred = refers ? last : null;
  return [{ ...hit, subject: referred?.name ?? null, unnamed: referred?.name === null }];
}

function hitsIn(
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  edges: ReadonlySet<number>,
  last: Referent | null,
): RiskHit[] {
  if (lexicon.rumours.test(sentence.text)) return [];
  const hits: RiskHit[] = [];
  for (const [type, patterns] of lexicon.triggers) {
    const best = bestTrigger(type, patterns, sentence, annotated, lexicon, edges);
    if (best) hits.push(...hitsOf({ type, ...best }, sentence, annotated, names, lexicon, last));
  }
  // A stoppage because of a fire is the fire's consequence, not an event of its own.
  const accident = hits.find((hit) => hit.type === 'accident');
  return hits.filter(
    (hit) => !(accident && hit.type === 'supply_disruption' && hit.subject === accident.subject),
  );
}

/** Two names of one company, as an article varies them: they share a run of five or more characters. */
function sameCore(a: string | null | undefined, b: string | null): boolean {
  if (!a || !b) return false;
  const strip = (name: string): string => name.replace(LEGAL_OR_GROUP_ENDING, '');
  const [short, long] = [strip(a), strip(b)].sort((x, y) => x.length - y.length) as [string, string];
  for (let i = 0; i + 5 <= short.length; i++) if (long.includes(short.slice(i, i + 5))) return true;
  return false;
}

/** Where a risk happened: the first place the sentence names, as fully as it names it. */
function placeOf(sentence: Sentence, annotated: Annotated): string | null {
  const place = annotated.places.find(
    (mention) => mention.start >= sentence.start && mention.end <= sentence.end && mention.level !== 'region',
  );
  if (!place) return null;
  const run = placeRun(annotated.places, place.start, annotated.text) ?? place.text;
  return fullestPlace(run, sentence, annotated);
}

type RiskEvent = ExtractedEvent & { type: RiskEventType; severity: Severity };

const evidenceOf = (sentence: Sentence) => ({
  start: sentence.start,
  end: sentence.end,
  text: sentence.text,
});

/** The event of the article a hit tells more of, if it tells of one already found. */
function eventOf(
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
function addTo(event: RiskEvent, hit: RiskHit, date: string | null, annotated: Annotated): void {
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
function keptWithoutSubject(hit: RiskHit, location: string | null, lexicon: RiskLexicon): boolean {
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
function riskDate(
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

/** Whom the next clause without a name may mean, after a sentence: the company it names, or an unnamed one. */
function referentAfter(
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
): Referent | null {
  const first = companiesIn(actorsIn(sentence, annotated), annotated.text, lexicon)[0];
  if (first) return { name: names.canonicalOf(first) };
  return lexicon.unnamedFirm.test(sentence.text) ? { name: null } : null;
}

/** A comparison with another case: the companies it is about, and the sentences of its paragraph telling of them. */
interface Compared {
  paragraph: number;
  companies: Set<string>;
  sentences: Set<number>;
}

/**
 * The comparison a sentence stands in, if any. A sentence that compares (另一家…也遭遇了类似困境) opens one on the
 * companies it names but the subjects already found; the following sentences of its paragraph that name one of them
 * are its background, and whom they name joins it (乙的母公司丙…申请了破产重整; 法院受理了丙的申请).
 */
function comparedAfter(
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  compared: Compared | null,
  events: readonly RiskEvent[],
): Compared | null {
  const companies = spansWithin(annotated.orgs, sentence.start, sentence.end)
    .filter((org) => org.orgType !== 'government' && !/法院$/u.test(org.text))
    .map((org) => names.canonicalOf(org));
  if (lexicon.comparison.test(sentence.text)) {
    const subjects = new Set(events.map((event) => event.subject));
    return {
      paragraph: sentence.paragraph,
      companies: new Set(companies.filter((name) => !subjects.has(name))),
      sentences: new Set([sentence.index]),
    };
  }
  if (!compared || compared.paragraph !== sentence.paragraph) return null;
  if (companies.some((name) => compared.companies.has(name))) {
    for (const name of companies) compared.companies.add(name);
    compared.sentences.add(sentence.index);
  }
  return compared;
}

/**
 * Risk events of one article: supply disruption, accident, recall, regulatory action, financial distress and
 * price shock, each with its subject, severity and evidence. Sentences that deny, rumour, recall an earlier
 * risk or report a resumption report none. The sentences of one type about one subject are one event; a
 * sentence without an organization adds its evidence to the article's event of that type, if there is one.
 * Organizations the article names as hit by it (客户, 受影响, 波及) and lets speak to it are its other parties.
 */
export function findRisks(
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  title: string | null = null,
): ExtractedEvent[] {
  // An article whose headline denies a rumour reports no risk, whatever its body retells.
  if (lexicon.rumours.test(title ?? annotated.sentences[0]?.text ?? '')) return [];
  const events: RiskEvent[] = [];
  // The date a sentence without one is told on: that of the sentence before it in its paragraph.
  let lastDate: { paragraph: number; value: string | null } | null = null;
  let last: Referent | null = null;
  let compared: Compared | null = null;
  const edges = wordEdges(annotated);
  for (const sentence of annotated.sentences) {
    const before = lastDate?.paragraph === sentence.paragraph ? lastDate.value : null;
    const date = dateIn(sentence, annotated);
    lastDate = { paragraph: sentence.paragraph, value: date.found ? date.value : null };
    compared = comparedAfter(sentence, annotated, names, lexicon, compared, events);
    if (compared?.sentences.has(sentence.index)) continue;
    const hits = hitsIn(sentence, annotated, names, lexicon, edges, last);
    // A sentence that names an event's subject speaks of that event, whoever it is about (客户…已收到调价通知).
    const named = new Set(actorsIn(sentence, annotated).map((org) => names.canonicalOf(org)));
    for (const hit of hits) {
      const dated = riskDate(hit.type, sentence, annotated, lexicon);
      const same = eventOf(hit, hits, events, named);
      if (same) {
        addTo(same, hit, dated.value, annotated);
        continue;
      }
      const location = placeOf(sentence, annotated);
      if (hit.subject === null && !keptWithoutSubject(hit, location, lexicon)) continue;
      events.push({
        type: hit.type,
        date: dated.found || hit.type === 'recall' ? dated.value : before,
        location,
        parties: unique([...(hit.subject ? [hit.subject] : []), ...hit.others]),
        people: [],
        domains: [],
        evidence: [evidenceOf(sentence)],
        subject: hit.subject,
        severity: hit.severity,
      });
    }
    last = referentAfter(sentence, annotated, names, lexicon) ?? last;
  }
  // What an article says of a risk before naming whom it hit (一电池厂突发大火…) is evidence of the named one's;
  // a subject-less price rise (碳酸锂价格暴涨) is the backdrop of a company's own, when the article has one.
  const kept = events.filter((event) => event.subject);
  for (const event of events) {
    if (event.subject) continue;
    const named = kept.find((other) => other.type === event.type);
    if (!named) kept.push(event);
    else if (event.type !== 'price_shock') {
      named.evidence = [...event.evidence, ...named.evidence].sort((a, b) => a.start - b.start);
      named.location ??= event.location;
    }
  }
  kept.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  for (const event of kept) event.severity = gradedByEvidence(event, lexicon);
  const responders = new Set(
    annotated.orgs
      .filter((org) => lexicon.responds.test(annotated.text.slice(org.end, org.end + 24)))
      .map((org) => names.canonicalOf(org)),
  );
  for (const event of kept) {
    if (!event.subject) continue;
    for (const sentence of annotated.sentences) {
      if (!lexicon.affected.test(sentence.text) || lexicon.alternatives.test(sentence.text)) continue;
      for (const org of actorsIn(sentence, annotated)) {
        const name = names.canonicalOf(org);
        if (org.orgType === 'government' || event.parties.includes(name) || !responders.has(name)) continue;
        event.parties.push(name);
      }
    }
  }
  return kept;
}
