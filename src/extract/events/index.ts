import { spansWithin } from '../../annotate/spans.js';
import type { Annotated, Sentence } from '../../annotate/types.js';
import {
  DEFAULT_PARTY_POLICY,
  type EventPolicy,
  type LabelledParty,
  PARTY_POLICIES,
  type PartyPolicy,
  type TriggerFound,
} from '../event-policy.js';
import { type EventModel, isLearnedType } from '../learned/event-model.js';
import type { EventLexicon } from '../lexicon.js';
import type { OrgNames } from '../names.js';
import { actorsIn, dateIn, eventDate } from '../sentence-facts.js';
import { BUSINESS_EVENT_TYPES, type BusinessEventType as EventType } from '../types.js';
import { dropBackground } from './background.js';
import { type EventCandidate, isAgreement, unique } from './candidate.js';
import { previousActors, refersBack, visitedLater } from './context.js';
import { labelledParties, learnedTriggers } from './learned.js';
import { attendedSignings, mergeCandidates, settledNotInvested, withProjectInvestments } from './merge.js';
import { directionOf, investmentTargetOf, partiesOf } from './parties.js';
import { governmentPlace, locationIn } from './places.js';
import { ANNOUNCER_SIDE, contractSides, covers, signingSides } from './sides.js';

export { type EventCandidate, isAgreement };

/** A sum or a stake: what makes an announced investment concrete. */
const CONCRETE_DEAL = /(\d[\d,.]*\s*(亿|万)|股权|\d+(\.\d+)?%)/u;

/** A cooperation trigger whose words name a supply deal (签订供货合同) reports the supply agreement only. */
const SUPPLY_WORDS = /(供货|采购|供应|配套|定点|订单|中标|购销)/u;

const TALKS = /(会见|会谈|座谈|调研|考察|走访)/u;
const BOTH_SIDES = /(双方|两家企业|两家公司|两者|二者)/u;

/** The text of [start, end) with organization names blanked, so words inside names (智行未来) are not read as words. */
function withoutNames(annotated: Annotated, start: number, end: number): string {
  let text = annotated.text.slice(start, end);
  for (const org of spansWithin(annotated.orgs, Math.max(0, start - 64), end)) {
    if (org.end <= start || org.start >= end) continue;
    const from = Math.max(org.start, start) - start;
    const to = Math.min(org.end, end) - start;
    text = text.slice(0, from) + '□'.repeat(to - from) + text.slice(to);
  }
  return text;
}

function triggerMatch(
  type: EventType,
  sentence: Sentence,
  lexicon: EventLexicon,
): RegExpExecArray | undefined {
  return (lexicon.triggers.get(type) ?? [])
    .map((pattern) => pattern.exec(sentence.text))
    .find((result) => result !== null);
}

/** Event candidates, one per trigger and set of parties, in text order. */
export function findEvents(
  annotated: Annotated,
  names: OrgNames,
  lexicon: EventLexicon,
  policy: EventPolicy,
  learned: EventModel | null,
  partyPolicy: PartyPolicy = PARTY_POLICIES[DEFAULT_PARTY_POLICY],
): EventCandidate[] {
  const candidates: EventCandidate[] = [];
  let lastDate: string | null = null;
  let lastLocation: { place: string; paragraph: number } | null = null;
  let previousParties: string[] = [];
  let lastCompany: string | null = null;
  const attended: Sentence[] = [];
  for (const sentence of annotated.sentences) {
    const date = dateIn(sentence, annotated);
    if (date.found) lastDate = date.value;
    const ruleTriggers: TriggerFound[] = [];
    for (const type of BUSINESS_EVENT_TYPES) {
      const match = triggerMatch(type, sentence, lexicon);
      if (match)
        ruleTriggers.push({
          type,
          at: sentence.start + match.index,
          end: sentence.start + match.index + match[0].length,
          foundBy: 'rules',
        });
    }
    const triggers = policy(ruleTriggers, learned ? learnedTriggers(learned, sentence, annotated) : []);
    const types = triggers.map((trigger) => trigger.type);
    // A founding assembly or a signing ceremony is the founding or the signing, not a meeting of its own.
    const found = triggers.filter(
      ({ type, at }) =>
        (type !== 'meeting' || !types.some((other) => other === 'alliance_founded' || isAgreement(other))) &&
        !(
          type === 'cooperation_agreement' &&
          types.includes('supply_agreement') &&
          SUPPLY_WORDS.test(annotated.text.slice(at, at + 30).split(/[，。；]/u)[0] ?? '')
        ),
    );
    for (const { type, at, end, foundBy } of found) {
      const match = foundBy === 'rules' ? triggerMatch(type, sentence, lexicon) : undefined;
      // 出席开工仪式, 见证签约: the sentence is about who attended; the event is reported elsewhere.
      // An opening attended (出席活动并为产业园开园) is the opening itself, a meeting.
      if (
        type !== 'meeting' &&
        /(出席|参加|见证|莅临|观摩|出席了)[^，。；]{0,3}$/u.test(
          annotated.text.slice(Math.max(sentence.start, at - 6), at),
        )
      ) {
        if (type === 'cooperation_agreement') attended.push(sentence);
        continue;
      }
      const lead = withoutNames(annotated, sentence.start, at);
      // 某局负责人随同考察: who came along on a visit already told, not a meeting of its own.
      if (type === 'meeting' && /(随同|陪同|一同)$/u.test(lead)) continue;
      // An announced investment with its sum or stake (拟以12亿元收购…股权, 拟投资新建) is news, not a plan.
      const plan = lexicon.plans.exec(lead)?.[0];
      // What a signed agreement plans (签订战略协议，计划将总部迁至某地) is part of the deal reported.
      const agreed = ruleTriggers.some((trigger) => isAgreement(trigger.type) && trigger.at < at);
      const announced = type === 'investment' && plan === '拟' && CONCRETE_DEAL.test(sentence.text);
      if (plan && !announced && !(agreed && (type === 'settlement' || type === 'investment'))) continue;
      // 就某议题进行调研并召开座谈会: a meeting on a topic is still a meeting, not talks about a deal.
      const wish = lexicon.wishes.exec(lead)?.[0];
      if (wish && !(type === 'meeting' && wish.startsWith('就'))) continue;
      const masked = withoutNames(annotated, sentence.start, sentence.end);
      if (lexicon.denials.test(masked) || lexicon.risks.test(masked)) continue;
      if (type !== 'meeting' && lexicon.talks.test(masked)) continue;
      if (
        lexicon.nonTriggers.test(
          annotated.text.slice(Math.max(sentence.start, at - 6), Math.min(sentence.end, end + 4)),
        )
      )
        continue;
      // 第二届董事会第二十六次会议于…召开: a company's own governance, however far its body stands from 会议.
      if (type === 'meeting' && lexicon.governance.test(masked)) continue;
      // A sentence that recalls an earlier deal (此前已与…签署, 双方曾于2023年…) reports no new event.
      if (lexicon.background.test(lead)) continue;
      let labelled: LabelledParty[] | null = null;
      for (let parties of partiesOf(type, sentence, at, annotated, names, lexicon)) {
        // It runs only where a policy may want it (fewer than two parties), on the types it was trained for and on
        // meetings, where it finds the organizations visited (measured on news-dev: 3 more right, none wrong).
        if (learned && parties.length < 2 && (isLearnedType(type) || type === 'meeting'))
          labelled ??= labelledParties(learned, sentence, at, type, annotated, names);
        parties = partyPolicy(parties, labelled ?? []);
        if (
          (type === 'cooperation_agreement' || type === 'investment') &&
          parties.length < 2 &&
          BOTH_SIDES.test(sentence.text)
        ) {
          parties = unique([...parties, ...previousParties]);
        }
        // 双方签署…, 该项目落户…: the parties were named in the sentence before.
        if (
          parties.length < (isAgreement(type) ? 2 : 1) &&
          refersBack(annotated.text.slice(sentence.start, at))
        ) {
          parties = unique([...parties, ...previousActors(sentence, type, annotated, names)]);
        }
        if (type === 'meeting') parties = unique([...parties, ...visitedLater(sentence, annotated, names)]);
        // A contract names its sides as 甲方/乙方: a side the recogniser missed is still a side.
        if (isAgreement(type) && parties.length < 2)
          parties = unique([...parties, ...contractSides(sentence, annotated)]);
        if (isAgreement(type) && parties.length < 2) {
          const missed = signingSides(sentence, at, annotated).filter((side) => !covers(parties, side));
          parties = unique([...parties, ...missed]);
        }
        // A cooperation needs two named sides; a bid won or a nomination received names the supplier alone often.
        if (type === 'cooperation_agreement' && parties.length < 2) {
          // 公司与某某签署: the other side is the article's own company, named before, or unnamed in a lone sentence.
          if (parties.length === 0 || !ANNOUNCER_SIDE.test(annotated.text.slice(sentence.start, at)))
            continue;
          if (lastCompany && !parties.includes(lastCompany)) parties = [lastCompany, ...parties];
        }
        if (type === 'supply_agreement' && parties.length === 0) continue;
        // An order won from nobody named (拿下欧洲市场的储能订单) is a sale, not an agreement between parties.
        if (type === 'supply_agreement' && parties.length === 1 && /订单$/u.test(match?.[0] ?? '')) continue;
        if (type !== 'cooperation_agreement' && parties.length === 0) continue;
        if (type === 'meeting' && TALKS.test(match?.[0] ?? '') && parties.length === 0) continue;
        // Where the occasion was said to be, a paragraph or two before (在宁波召开…大会，会上…签署), else the place
        // of a local government that signs.
        const recent =
          lastLocation && sentence.paragraph - lastLocation.paragraph <= 2 ? lastLocation.place : null;
        const location =
          locationIn(type, sentence, annotated, lexicon) ??
          (type === 'settlement' ? null : recent) ??
          governmentPlace(parties, sentence, annotated);
        candidates.push({
          type,
          sentence,
          at,
          parties,
          date: eventDate(sentence, date, lastDate),
          location,
          evidence: [{ start: sentence.start, end: sentence.end, text: sentence.text }],
          foundBy,
          ...(type === 'supply_agreement' ? directionOf(sentence, parties, annotated, names) : {}),
          ...(type === 'investment'
            ? { target: investmentTargetOf(sentence, at, annotated, names, parties) }
            : {}),
        });
        if (isAgreement(type)) previousParties = parties;
      }
    }
    const company = actorsIn(sentence, annotated).find((org) => org.orgType === 'company');
    if (company) lastCompany = names.canonicalOf(company);
    const located = locationIn('meeting', sentence, annotated, lexicon);
    if (located) lastLocation = { place: located, paragraph: sentence.paragraph };
  }
  if (!candidates.some((candidate) => isAgreement(candidate.type)))
    candidates.push(...attendedSignings(attended, annotated, names, lastDate));
  return dropBackground(
    settledNotInvested(mergeCandidates(withProjectInvestments(candidates, annotated))),
    annotated.published,
  );
}
