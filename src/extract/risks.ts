import { spansWithin } from '../annotate/spans.js';
import type { Annotated, Sentence } from '../annotate/types.js';
import type { OrgNames } from './names.js';
import {
  addTo,
  eventOf,
  evidenceOf,
  keptWithoutSubject,
  placeOf,
  type RiskEvent,
  riskDate,
} from './risk-events.js';
import { hitsIn, type Referent, referentAfter, wordEdges } from './risk-hits.js';
import type { RiskLexicon } from './risk-lexicon.js';
import { gradedByEvidence } from './risk-scale.js';
import { actorsIn, dateIn } from './sentence-facts.js';
import type { ExtractedEvent } from './types.js';

export type { RiskLexicon } from './risk-lexicon.js';

const unique = (names: string[]): string[] => [...new Set(names)];

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
