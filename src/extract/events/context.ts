import { spansWithin } from '../../annotate/spans.js';
import type { Annotated, Sentence } from '../../annotate/types.js';
import type { OrgNames } from '../names.js';
import { actorsIn } from '../sentence-facts.js';
import type { BusinessEventType as EventType } from '../types.js';
import { isAgreement } from './candidate.js';

/** Who founded a body: 由甲、乙等单位共同发起, 由甲牵头, 由甲和乙等组成的. */
export const FOUNDED_BY =
  /((联盟|中心|协会|平台|研究院|联合会|商会|该\S{0,4}|是)由[^。；]{2,160}(发起|牵头|组成|组建|共建|倡议)|(^|[，,）)\s])由[^。；]{2,80}(组成|发起|牵头|组建)的)/u;

/** Words by which a sentence refers to parties named before it. */
const REFERS_BACK = /(双方|两家|三方|该项目|此项目|该公司|该企业|该集团|这一项目|其)/u;

/**
 * Whether the words before a trigger refer to parties named earlier (双方签署, 该项目落户), rather than naming a
 * side the recogniser could not read (与四家汽车制造商签署).
 */
export function refersBack(lead: string): boolean {
  return (
    REFERS_BACK.test(lead) &&
    !/(与|和|同)[^，。；]{1,20}$/u.test(lead.replace(/(双方|两家|三方)[^，。；]*$/u, ''))
  );
}

/** The organizations of the sentence before, in the same paragraph: all for an agreement, else the last company. */
export function previousActors(
  sentence: Sentence,
  type: EventType,
  annotated: Annotated,
  names: OrgNames,
): string[] {
  const previous = annotated.sentences[sentence.index - 1];
  if (!previous || previous.paragraph < sentence.paragraph - 1) return [];
  if (isAgreement(type)) {
    // 双方 are the two sides met before it: a visit, then its reception, then the signing.
    const sides: string[] = [];
    for (const earlier of annotated.sentences
      .slice(Math.max(0, sentence.index - 3), sentence.index)
      .reverse()) {
      if (earlier.paragraph < sentence.paragraph - 1) break;
      // Names in titles count here: 某集团董事长一行莅临某公司 brings 某集团 to the table.
      for (const org of spansWithin(annotated.orgs, earlier.start, earlier.end))
        if (org.orgType !== 'media') sides.push(names.canonicalOf(org));
      if (new Set(sides).size >= 2) break;
    }
    return [...new Set(sides)];
  }
  const actors = actorsIn(previous, annotated);
  let companies = actors.filter((org) => org.orgType === 'company');
  // 某公司董事长一行: the company a visitor's title names is the one whose project 该项目 is.
  if (companies.length === 0)
    companies = spansWithin(annotated.orgs, previous.start, previous.end).filter(
      (org) => org.orgType === 'company',
    );
  const last = companies[companies.length - 1];
  return last ? [names.canonicalOf(last)] : [];
}

/** A sentence that tells where a visit went: 调研组实地考察了…, 一行先后到…, 随后参观了…. */
const VISIT_GOES_ON =
  /^(调研组|考察团|代表团|考察组|一行|随后|期间|其间|先后|此后|之后|他们|[^，。；]{0,12}一行)[^。；]{0,16}(考察|参观|视察|走访|调研|来到|到访|深入)/u;

/** The organizations visited, named in the sentences right after a visit's (up to three, same paragraph or next). */
export function visitedLater(sentence: Sentence, annotated: Annotated, names: OrgNames): string[] {
  const visited: string[] = [];
  for (const next of annotated.sentences.slice(sentence.index + 1, sentence.index + 4)) {
    if (next.paragraph > sentence.paragraph + 1 || !VISIT_GOES_ON.test(next.text)) break;
    // 有关部门负责人随同考察: those who come along are no places visited.
    if (/(随同|陪同)/u.test(next.text)) continue;
    visited.push(...actorsIn(next, annotated).map((org) => names.canonicalOf(org)));
  }
  return visited;
}

/** What a leader's name is followed by where the body of the title leads the visit: 某主席张三率调研组. */
const LEADS = /^(率|带领|带队|率队|率团|一行)/u;

/**
 * The bodies whose leaders head a visit (全国政协副主席某某率调研组…调研): the visiting side of the meeting, unless
 * the bodies led are named.
 */
export function visitingBodies(
  sentence: Sentence,
  at: number,
  annotated: Annotated,
  names: OrgNames,
): string[] {
  const bodies: string[] = [];
  const actors = actorsIn(sentence, annotated);
  for (const person of spansWithin(annotated.people, sentence.start, at)) {
    if (!person.titleSpan || !LEADS.test(annotated.text.slice(person.end, person.end + 2))) continue;
    // 率某委会和某局相关负责人调研: the bodies led are named, and they are the visitors.
    if (actors.some((org) => org.start >= person.end && org.end <= at)) continue;
    const { start, end } = person.titleSpan;
    const body = person.org ?? annotated.orgs.find((org) => org.start >= start && org.end <= end);
    if (body) bodies.push(names.canonicalOf(body));
  }
  return bodies;
}
