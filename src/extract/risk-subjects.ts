import { spansWithin } from '../annotate/spans.js';
import type { Annotated, OrgMention, Sentence } from '../annotate/types.js';
import type { OrgNames } from './names.js';
import type { RiskLexicon } from './risk-lexicon.js';
import type { RiskEventType } from './types.js';

/** Companies written as one list (甲、乙和丙), in text order. */
function listsOf(companies: readonly OrgMention[], text: string): OrgMention[][] {
  const lists: OrgMention[][] = [];
  for (const org of companies) {
    const last = lists[lists.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && /^(、|，|和|与|及|以及|及其)$/u.test(text.slice(previous.end, org.start)))
      last.push(org);
    else lists.push([org]);
  }
  return lists;
}

const OBJECT_MARK = /(向|对|给)$/u;
/** Names a risk clause gives beside its subject: the creditor who petitions, the court that rules. */
const NOT_SUBJECT_BEFORE = /(申请人|发起方|债权人|申请方|原告|起诉方)(为|是)?$/u;

/** An organization the news is credited to (上海某所数据显示, 据某网报道): the source, never the subject. */
function isSource(org: OrgMention, text: string, lexicon: RiskLexicon): boolean {
  const after = text.slice(org.end, org.end + 12);
  return (
    lexicon.sourceAfter.test(after) ||
    (lexicon.creditBefore.test(text.slice(Math.max(0, org.start - 4), org.start)) &&
      lexicon.creditAfter.test(after))
  );
}

/** The companies a sentence names, as candidates to be a risk's subject: no body, court or news source. */
export function companiesIn(actors: readonly OrgMention[], text: string, lexicon: RiskLexicon): OrgMention[] {
  return actors.filter(
    (org) =>
      org.orgType !== 'government' &&
      !/法院$/u.test(org.text) &&
      !NOT_SUBJECT_BEFORE.test(text.slice(Math.max(0, org.start - 4), org.start)) &&
      !isSource(org, text, lexicon),
  );
}

/**
 * The organizations a risk clause is about: the nearest list of companies before the trigger that is not the
 * object of 向/对/给 (A向B断供: the supplier A), else the first list after it; for a regulatory action, the list it
 * is aimed at (对甲、乙、丙处以罚款). Every company of the list is a subject: one event each.
 */
export function subjectsIn(
  companies: readonly OrgMention[],
  at: number,
  text: string,
  type: RiskEventType,
): OrgMention[] {
  const lists = listsOf(companies, text);
  const before = lists.filter((list) => (list[list.length - 1] as OrgMention).end <= at);
  const isObject = (list: OrgMention[]): boolean =>
    OBJECT_MARK.test(
      text.slice(Math.max(0, (list[0] as OrgMention).start - 1), (list[0] as OrgMention).start),
    );
  if (type === 'regulatory_action') {
    const target = before.filter(isObject).at(-1);
    if (target) return target;
  }
  const agent = before.filter((list) => !isObject(list));
  return agent.at(-1) ?? before.at(-1) ?? lists.find((list) => (list[0] as OrgMention).start >= at) ?? [];
}

/** Bodies acting in a risk: a government or court, or a petitioning creditor (申请人为某公司). */
export function authoritiesIn(
  actors: readonly OrgMention[],
  text: string,
  type: RiskEventType,
): OrgMention[] {
  return actors.filter(
    (org) =>
      (type === 'regulatory_action' && org.orgType === 'government') ||
      /法院$/u.test(org.text) ||
      NOT_SUBJECT_BEFORE.test(text.slice(Math.max(0, org.start - 4), org.start)),
  );
}

/** Whether another company of the sentence is written as the subject's group (甲母公司乙, 乙即甲的关联公司). */
export function inGroupWithOther(
  subject: string,
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
): boolean {
  return spansWithin(annotated.orgs, sentence.start, sentence.end).some(
    (org) =>
      names.canonicalOf(org) !== subject &&
      org.orgType !== 'government' &&
      lexicon.groupLink.test(annotated.text.slice(org.end, org.end + 8)),
  );
}

/**
 * The customer a supply cut is told by its effect on (零部件供应量锐减，大幅影响甲8月的产销): a company after the
 * trigger, written as the object of an impact on its output. Its disruption is partial: the cut is the supplier's.
 */
export function impactedCustomer(
  companies: readonly OrgMention[],
  at: number,
  text: string,
  lexicon: RiskLexicon,
): OrgMention | null {
  return (
    companies.find(
      (org) =>
        org.start > at &&
        lexicon.impactBefore.test(text.slice(Math.max(0, org.start - 6), org.start)) &&
        lexicon.impactAfter.test(text.slice(org.end, org.end + 12)),
    ) ?? null
  );
}
