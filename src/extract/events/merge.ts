import { spansWithin } from '../../annotate/spans.js';
import type { Annotated, Sentence } from '../../annotate/types.js';
import type { OrgNames } from '../names.js';
import { dateIn, eventDate } from '../sentence-facts.js';
import { type EventCandidate, isAgreement, unique } from './candidate.js';

/**
 * Where an article tells a signing only by who attended it (甲公司总裁某某、乙公司董事长某某出席签约仪式), the
 * companies of those attending are its sides; officials of government attend as witnesses, not sides.
 */
export function attendedSignings(
  sentences: readonly Sentence[],
  annotated: Annotated,
  names: OrgNames,
  lastDate: string | null,
): EventCandidate[] {
  const found: EventCandidate[] = [];
  for (const sentence of sentences) {
    const companies = unique(
      spansWithin(annotated.orgs, sentence.start, sentence.end)
        .filter((org) => org.orgType === 'company')
        .map((org) => names.canonicalOf(org)),
    );
    if (companies.length < 2) continue;
    const date = dateIn(sentence, annotated);
    found.push({
      type: 'cooperation_agreement',
      sentence,
      at: sentence.start,
      parties: companies,
      date: eventDate(sentence, date, lastDate),
      location: null,
      evidence: [{ start: sentence.start, end: sentence.end, text: sentence.text }],
      foundBy: 'rules',
    });
  }
  return found;
}

/**
 * A project that settles somewhere is reported as its settlement (the gold conventions): the same companies'
 * investment in the article (a groundbreaking, the project signed) is that settlement, not a second event, unless
 * it is a joint venture.
 */
export function settledNotInvested(events: EventCandidate[]): EventCandidate[] {
  const settlers = new Set(events.filter((event) => event.type === 'settlement').flatMap((e) => e.parties));
  return events.filter(
    (event) =>
      event.type !== 'investment' ||
      JOINT_VENTURE.test(event.sentence.text) ||
      !event.parties.every((party) => settlers.has(party)),
  );
}

/** A joint-venture agreement, signed or to form one: 订立合资协议, 组建一家合资公司. */
const JOINT_VENTURE =
  /(合资(经营)?(协议|合同)|(组建|成立|设立|合资成立|共同出资设立)(一家)?[^，。；]{0,6}合资(公司|企业))/u;
/** A project or investment agreement: 项目投资协议, 投资合作框架协议, 项目合作协议. */
const PROJECT_AGREEMENT = /(项目|投资)[^，。；]{0,8}(协议|合同)/u;
/** Where the project will be built, or what it costs: 拟在某地投资建设, 项目总投资25亿元. */
const PROJECT_BUILT = /((在|于)[^，。；]{2,24}?(投资)?(建设|新建|建造|兴建)|总投资[^，。；]{0,6}\d)/u;

/**
 * The investment an agreement also is, by the gold conventions: a signed joint venture (its partners invest), and
 * a project agreement under which a signer builds at a named place or for a stated sum (the companies invest).
 */
export function withProjectInvestments(candidates: EventCandidate[], annotated: Annotated): EventCandidate[] {
  const result: EventCandidate[] = [];
  const settled = new Set(candidates.filter((c) => c.type === 'settlement').flatMap((c) => c.parties));
  for (const candidate of candidates) {
    result.push(candidate);
    if (candidate.type !== 'cooperation_agreement') continue;
    // A project agreement whose company settles is the settlement (the gold conventions), not also an investment.
    if (candidate.parties.some((party) => settled.has(party)) && !JOINT_VENTURE.test(candidate.sentence.text))
      continue;
    const { sentence } = candidate;
    // The agreement's paragraph from its sentence on, and the next paragraph (根据协议，某公司拟在某地建设…;
    // 其中，某项目总投资25亿元).
    const nearby = annotated.sentences
      .slice(sentence.index)
      .filter((part) => part.paragraph <= sentence.paragraph + 1)
      .map((part) => part.text)
      .join('');
    let investors: string[] = [];
    if (JOINT_VENTURE.test(sentence.text)) investors = candidate.parties;
    else if (PROJECT_AGREEMENT.test(sentence.text) && PROJECT_BUILT.test(nearby)) {
      const companies = candidate.parties.filter(
        (party) => annotated.orgs.find((org) => org.text === party)?.orgType === 'company',
      );
      investors = companies.length > 0 ? companies : candidate.parties;
    }
    if (investors.length > 0)
      result.push({
        ...candidate,
        type: 'investment',
        parties: investors,
        evidence: [...candidate.evidence],
      });
  }
  return result;
}

const sameParties = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((party) => b.includes(party));

/** Words by which a later sentence speaks of the deal already reported: 此次签约, 本次合作, 在…协议之外. */
const THIS_DEAL = /(此次|本次|这次|该协议|上述|之外)/u;

/**
 * Two agreements are one deal when they bind the same parties (a cooperation, then its supply terms), or when the
 * later one speaks of the deal already reported (此次…签约) and shares a party with it.
 */
function oneDeal(event: EventCandidate, candidate: EventCandidate): boolean {
  if (!isAgreement(event.type) || !isAgreement(candidate.type)) return false;
  if (sameParties(event.parties, candidate.parties)) return true;
  return (
    THIS_DEAL.test(candidate.sentence.text) &&
    event.parties.some((party) => candidate.parties.includes(party))
  );
}

const VISIT_WORDS = /(调研|考察|视察|参观|走访|座谈)/u;

/** A visit reported sentence by sentence (调研 here, 视察 there) is one meeting, within a few sentences. */
function oneVisit(event: EventCandidate, candidate: EventCandidate): boolean {
  if (event.type !== 'meeting' || candidate.type !== 'meeting') return false;
  const gap = candidate.sentence.index - event.sentence.index;
  return (
    gap >= 0 && gap <= 4 && VISIT_WORDS.test(event.sentence.text) && VISIT_WORDS.test(candidate.sentence.text)
  );
}

/**
 * One event per type and set of parties: a report that repeats its lead (the title line, then the body) states one
 * signing, not two. A talk or meeting in an article that reports a signing is the signing's occasion.
 */
export function mergeCandidates(candidates: EventCandidate[]): EventCandidate[] {
  const merged: EventCandidate[] = [];
  const hasSigning = candidates.some((candidate) => isAgreement(candidate.type));
  for (const candidate of candidates) {
    if (candidate.type === 'meeting' && hasSigning) continue;
    const same = merged.find(
      (event) =>
        oneDeal(event, candidate) ||
        oneVisit(event, candidate) ||
        (event.type === candidate.type &&
          ((event.parties.length === candidate.parties.length &&
            event.parties.every((party) => candidate.parties.includes(party))) ||
            // One financing round or one founding is reported sentence by sentence: the company, then its investors;
            // the alliance, then the bodies that founded it.
            ((candidate.type === 'investment' || candidate.type === 'alliance_founded') &&
              event.parties.some((party) => candidate.parties.includes(party))) ||
            (candidate.type === 'investment' &&
              /(本轮|此轮|该轮|本次)融资|领投|跟投|参投|追加投资/u.test(candidate.sentence.text)))),
    );
    if (same) {
      // A later sentence that speaks of the deal already told (此次签约…) adds its evidence, not its names.
      const retold = isAgreement(same.type) && THIS_DEAL.test(candidate.sentence.text);
      if (!retold) same.parties = unique([...same.parties, ...candidate.parties]);
      same.evidence.push(...candidate.evidence);
      same.date ??= candidate.date;
      same.location ??= candidate.location;
      continue;
    }
    merged.push({ ...candidate, evidence: [...candidate.evidence] });
  }
  // Events of one article share their occasion: a founding announced at a meeting happened where and when it did.
  for (let i = 1; i < merged.length; i++) {
    const event = merged[i] as EventCandidate;
    const previous = merged[i - 1] as EventCandidate;
    event.date ??= previous.date;
    event.location ??= previous.location;
  }
  return merged;
}
