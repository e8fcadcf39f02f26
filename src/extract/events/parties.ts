import type { Annotated, OrgMention, Sentence } from '../../annotate/types.js';
import type { EventLexicon } from '../lexicon.js';
import type { OrgNames } from '../names.js';
import { actorsIn } from '../sentence-facts.js';
import { supplyDirection } from '../supply.js';
import type { BusinessEventType as EventType } from '../types.js';
import { unique } from './candidate.js';
import { FOUNDED_BY, visitingBodies } from './context.js';

const RESPECTIVELY = /分别与/u;

/** The parties of an event found in one sentence, by its type. */
export function partiesOf(
  type: EventType,
  sentence: Sentence,
  at: number,
  annotated: Annotated,
  names: OrgNames,
  lexicon: EventLexicon,
): string[][] {
  const actors = actorsIn(sentence, annotated);
  const before = actors.filter((org) => org.end <= at);
  const canonical = (orgs: OrgMention[]): string[] => unique(orgs.map((org) => names.canonicalOf(org)));
  switch (type) {
    case 'cooperation_agreement': {
      const respectively = RESPECTIVELY.exec(sentence.text);
      if (respectively) {
        const pivot = sentence.start + respectively.index;
        const subjects = canonical(before.filter((org) => org.end <= pivot));
        const others = canonical(before.filter((org) => org.start >= pivot));
        // A、B分别与C、D签署: A with C and B with D; X分别与C、D签署: X with each.
        if (subjects.length === others.length && subjects.length > 1) {
          return subjects.map((subject, i) => [subject, others[i] as string]);
        }
        return subjects.flatMap((subject) => others.map((other) => [subject, other]));
      }
      return [canonical(before.filter((org) => !inNounPhrase(org, at, annotated.text)))];
    }
    case 'supply_agreement':
      return [canonical(supplyActors(sentence, at, actors, annotated.text))];
    case 'settlement':
    case 'investment': {
      // The settling or investing organization: the nearest company before the trigger, else the nearest body.
      const companies = before.filter((org) => org.orgType === 'company');
      const actor = companies[companies.length - 1] ?? before[before.length - 1];
      const parties = actor ? [names.canonicalOf(actor)] : [];
      // Co-investors listed with the investor: 甲、乙和丙决定投资.
      if (type === 'investment' && actor) {
        for (let i = before.indexOf(actor); i > 0; i--) {
          const previous = before[i - 1] as OrgMention;
          if (!/^(、|和|及|以及)$/u.test(annotated.text.slice(previous.end, (before[i] as OrgMention).start)))
            break;
          parties.unshift(names.canonicalOf(previous));
        }
      }
      // A settlement the settler signs with the host government or park has it as a party too.
      if (type === 'settlement' && actor && /(签署|签订|签约)/u.test(sentence.text)) {
        const signing = /(签署|签订|签约)/u.exec(sentence.text);
        const signedAt = sentence.start + (signing?.index ?? 0);
        const signers = canonical(actors.filter((org) => org.end <= signedAt));
        const settler = names.canonicalOf(actor);
        const hosts = actors
          .filter((org) => org.orgType === 'government' || org.source === 'actor')
          .map((org) => names.canonicalOf(org));
        if (signers.includes(settler)) parties.push(...hosts.filter((host) => signers.includes(host)));
      }
      if (type === 'investment') {
        parties.push(
          ...investmentTargets(sentence, at, actors, actor, annotated.text).map((org) =>
            names.canonicalOf(org),
          ),
        );
        // A financing round names its investors: 由X领投，Y跟投; 老股东Z追加投资.
        for (const org of annotated.orgs) {
          const lead = annotated.text.slice(Math.max(sentence.start, org.start - 12), org.start);
          const tail = annotated.text.slice(org.end, org.end + 6);
          const investor =
            /(领投|跟投|参投|投资方|股东|出资)/u.test(lead) ||
            /^(领投|跟投|参投|追加投资|继续加码)/u.test(tail);
          if (investor && org.start >= sentence.start && org.end <= sentence.end)
            parties.push(names.canonicalOf(org));
        }
      }
      return [unique(parties)];
    }
    case 'alliance_founded': {
      const founded = actors
        .filter((org) => org.orgType === 'association' || org.source === 'quoted')
        .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
      const conveners: string[] = [];
      for (const org of annotated.orgs) {
        const lead = annotated.text.slice(Math.max(0, org.start - 10), org.start);
        // 轮值理事长单位吉利控股集团, or 星河汽车集团当选首任会长单位.
        const tail = annotated.text.slice(org.end, org.end + 12);
        const elected = /^(当选|担任|出任)[^，。；]{0,6}单位/u.test(tail) && lexicon.conveners.test(tail);
        if ((lexicon.conveners.test(lead) && /单位$/u.test(lead)) || elected)
          conveners.push(names.canonicalOf(org));
      }
      // 联盟由A、B共同发起; 由A和B等组成的某联盟; 该中心由A牵头，联合B、C共同组建: the bodies that found it, named
      // between 由 and the founding verb, in this sentence or the next few of its paragraph or the next.
      const following = annotated.sentences
        .slice(sentence.index, sentence.index + 5)
        .filter((part) => part.paragraph <= sentence.paragraph + 1);
      for (const part of following) {
        const by = FOUNDED_BY.exec(part.text);
        if (!by) continue;
        const from = part.start + by.index + by[0].indexOf('由') + 1;
        const to = part.start + by.index + by[0].length;
        for (const org of actorsIn(part, annotated)) {
          if (
            org.start >= from &&
            org.end <= to &&
            names.canonicalOf(org) !== (founded ? names.canonicalOf(founded) : '')
          ) {
            conveners.push(names.canonicalOf(org));
          }
        }
        if (conveners.length > 0) break;
      }
      return [unique([...(founded ? [names.canonicalOf(founded)] : []), ...conveners])];
    }
    case 'meeting': {
      // 由A主办、B承办; 大会由C指导，D主办 (a guiding body is no organizer), here or in the next sentence.
      const next = annotated.sentences[sentence.index + 1];
      for (const part of [sentence, ...(next ? [next] : [])]) {
        const by = /由/u.exec(part.text);
        if (!by) continue;
        const inPart = actorsIn(part, annotated).filter((org) => org.start >= part.start + by.index);
        const organizers = inPart.filter((org, i) => {
          const until = inPart[i + 1]?.start ?? part.end;
          const role = annotated.text.slice(org.end, until);
          return (
            /^[^，。；]{0,12}?(组织|主办|承办|发起|牵头|举办|联合主办|共同主办)/u.test(role) ||
            (/^[、和与及]/u.test(role) &&
              /(主办|承办|组织|发起|牵头)/u.test(
                annotated.text.slice(org.end, part.end).split(/[，；。]/u)[0] ?? '',
              ))
          );
        });
        if (organizers.length > 0) return [canonical(organizers)];
      }
      return [unique([...visitingBodies(sentence, at, annotated, names), ...canonical(before)])];
    }
  }
}

/** 与甲多年的合作促成与乙签署: 甲 stands in a phrase about an earlier cooperation, before the side that signs. */
const EARLIER_COOPERATION = /^[^，。；]{0,16}?的[^，。；]{0,6}合作[^，。；]{1,12}(与|和|同)[^，。；]{1,20}$/u;

export function inNounPhrase(org: OrgMention, at: number, text: string): boolean {
  return /[与和同]$/u.test(text.slice(0, org.start)) && EARLIER_COOPERATION.test(text.slice(org.end, at));
}

/** A financing round (完成B轮融资, 获得…融资): the organization named before it raises the money. */
const FINANCING = /^[^，。；]{0,16}融资/u;

/**
 * What an investment is made in, as one of its parties: the company bought, entered or invested in (收购/入股/
 * 投资 X), or the company that raises a round from the investors named with it. Null for a project investment.
 */
export function investmentTargetOf(
  sentence: Sentence,
  at: number,
  annotated: Annotated,
  names: OrgNames,
  parties: readonly string[],
): string | null {
  const actors = actorsIn(sentence, annotated);
  const before = actors.filter((org) => org.end <= at);
  const companies = before.filter((org) => org.orgType === 'company');
  const actor = companies[companies.length - 1] ?? before[before.length - 1];
  const [target] = investmentTargets(sentence, at, actors, actor, annotated.text);
  if (target) return names.canonicalOf(target);
  const raiser = actor ? names.canonicalOf(actor) : null;
  if (raiser && parties.includes(raiser) && FINANCING.test(annotated.text.slice(at, sentence.end)))
    return raiser;
  return null;
}

/** What an investment is made in: 收购/入股/投资 X in the trigger's clause; 向其投资, the one named before the investor. */
function investmentTargets(
  sentence: Sentence,
  at: number,
  actors: readonly OrgMention[],
  investor: OrgMention | undefined,
  text: string,
): OrgMention[] {
  const clause = text.slice(at, sentence.end).split(/[，。；]/u)[0] ?? '';
  if (
    /^(向|对)其(投资|增资|注资)/u.test(text.slice(at - 2, at + 4)) ||
    /^(向|对)其/u.test(text.slice(at - 2, at))
  ) {
    const named = actors.find((org) => org !== investor && org.end <= at);
    return named ? [named] : [];
  }
  if (!/^(决定|宣布|同意|拟|将)?(收购|并购|入股|投资|增资|注资|参股|控股)/u.test(clause)) return [];
  const after = actors.filter((org) => org.start >= at && org.end <= at + clause.length && org !== investor);
  // 收购甲持有的乙股权: 乙; 投资某车企供应商乙: 乙.
  let index = 0;
  while (
    index + 1 < after.length &&
    TARGET_PASSES_ON.test(
      text.slice((after[index] as OrgMention).end, (after[index + 1] as OrgMention).start),
    )
  )
    index++;
  const target = after[index];
  return target ? [target] : [];
}

/** Words between two names by which the first hands the deal on to the second: 甲持有的乙, 甲的电池供应商乙. */
const TARGET_PASSES_ON = /^(所?持有的?|旗下的?|的?[^，。；]{0,6}(供应商|供货商|客户|子公司|合作伙伴))$/u;

/** Which of a supply deal's parties supplies and which buys, as canonical names. */
export function directionOf(
  sentence: Sentence,
  parties: readonly string[],
  annotated: Annotated,
  names: OrgNames,
): { supplier: string | null; customer: string | null } {
  const mentions = actorsIn(sentence, annotated).filter((org) => parties.includes(names.canonicalOf(org)));
  const direction = supplyDirection(annotated.text, mentions);
  const name = (org: OrgMention | null): string | null => (org ? names.canonicalOf(org) : null);
  const supplier = name(direction.supplier);
  const customer = name(direction.customer);
  return supplier !== null && supplier === customer
    ? { supplier: null, customer: null }
    : { supplier, customer };
}

/** The organizations of a supply deal: those before its trigger and those in the rest of its clause (中标B的项目). */
function supplyActors(sentence: Sentence, at: number, actors: OrgMention[], text: string): OrgMention[] {
  const clauseEnd = /[，。；]/u.exec(text.slice(at, sentence.end));
  const end = clauseEnd ? at + clauseEnd.index : sentence.end;
  return actors.filter((org) => org.end <= end);
}
