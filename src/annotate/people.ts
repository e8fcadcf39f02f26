import type { AnnotationLexicon } from './lexicon.js';
import type { OrgMention, PersonMention, Span } from './types.js';

/** Words that may follow a name directly: a verb of saying or attending, a conjunction, a form of address. */
const AFTER_NAME =
  /^(表示|指出|认为|出席|等|在|代表|受邀|应邀|介绍|说|强调|主持|致辞|会见|会晤|与|和|及|为|对|见证|一行|率|带领|签|共同|分别|先生|女士|同志|发言|透露|称|则|也|还|就|向|宣布|莅临|参加|参观|调研|考察|出任|担任|当选|获|是|坦言|直言|提到|提出|回应|解释|希望|呼吁|建议|宣读|作|做|上台|到|来到|前往|听取|察看|详细|一同|一起|均|都|分享|谈|讲|阐述|回顾|展望|感谢|祝贺|代表|接受|致|寄语|先后|相继|依次|随后|以|从|围绕|结合|通过|带来|当选|担任|出任|作为|携|率队|发表|回答|带队|答记者问|所说|一行|亲自|现场|在会上|特别|进行|热情|接待|陪同|随同|赴|出访|主办|承办|签署|签订|讲话|指导|督导|慰问|看望|走访|视察|检查|登台|上任|履新)/u;
/** Words that start with a surname character but are no names. */
const NOT_NAMES =
  /^(单位|方面|相关|全体|全面|全国|高度|高端|高效|成员|成立|成为|关于|关键|和平|和谐|于是|向前|同时|同期|常务|常委|金融|时间|时代|万元|应用|应对|程度|温度|安全|安排|范围|明确|支持|强调|任务|任职|石油|华为|宁德|江淮)$/u;

const BOUNDARY = /^[，。、；：！？,.;:!?（(）)“”"'\s]|^$/u;
/** Joins inside a compound title: 董事长、党委书记; 副总裁兼中国区总法律顾问. */
const TITLE_JOIN = /^(、|兼|和|及)$/u;
const MAX_TITLE = 40;
/** Characters no title holds: where a clause runs into the title (员工围坐在董事长…), it starts after them. */
const NEVER_IN_TITLE = /[在的了是向对被把让给将]/u;

export interface PeopleContext {
  text: string;
  orgs: readonly OrgMention[];
  lexicon: AnnotationLexicon;
}

/** The title word that ends exactly at `end`, longest first. */
function titleEndingAt(text: string, end: number, lexicon: AnnotationLexicon): string | null {
  for (const word of lexicon.titleWordsByLast.get(text[end - 1] ?? '') ?? []) {
    if (end >= word.length && text.startsWith(word, end - word.length)) return word;
  }
  return null;
}

/** A person name starting at `at`: a surname and one or two more characters, ending where a name can end. */
export function nameAt(text: string, at: number, lexicon: AnnotationLexicon): Span | null {
  const compound = lexicon.compoundSurnames.has(text.slice(at, at + 2));
  const surnameLength = compound ? 2 : lexicon.surnames.has(text[at] ?? '') ? 1 : 0;
  if (surnameLength === 0) return null;
  const candidates = [2, 1].map((given) => {
    const end = at + surnameLength + given;
    const name = text.slice(at, end);
    const rest = text.slice(end);
    const valid =
      /^[\u4e00-\u9fff]+$/u.test(name) &&
      name.length === surnameLength + given &&
      !NOT_NAMES.test(name) &&
      !/[等和与及在为的是了将对就也还都]/u.test(name.slice(surnameLength));
    const after = AFTER_NAME.exec(rest)?.[0] ?? '';
    // A following word of two characters or punctuation is a firm end; one character (为, 在) may belong to it.
    const strength = !valid ? 0 : BOUNDARY.test(rest) || after.length >= 2 ? 2 : after.length === 1 ? 1 : 0;
    return { span: { start: at, end, text: name }, strength };
  });
  const best = [...candidates].sort((a, b) => b.strength - a.strength)[0];
  return best && best.strength > 0 ? best.span : null;
}

/**
 * The start of the title phrase that ends at `titleEnd` (just before a name), read leftward: compound titles
 * joined by 、 or 兼 (董事长、党委书记) and the department written before a title word (战略发展总裁), back to a
 * clause boundary, a person, or an organization (which is then the title's organization).
 */
function titleStart(
  text: string,
  titleEnd: number,
  context: PeopleContext,
  ends: ReadonlySet<number>,
): number {
  const endsHere = (at: number): boolean => ends.has(at);
  // A government body heading a title is part of it (市政协副主席), and titles joined before it go on: 主委、市政协副主席.
  const bodyEndingAt = (at: number): OrgMention | undefined =>
    context.orgs.find(
      (org) =>
        org.end === at && (org.orgType === 'government' || context.lexicon.governmentBody.test(org.text)),
    );
  let start = titleEnd;
  while (start > 0 && titleEnd - start < MAX_TITLE) {
    const body = bodyEndingAt(start);
    if (body && start < titleEnd && TITLE_JOIN.test(context.text[body.start - 1] ?? '')) {
      start = body.start;
      continue;
    }
    if (endsHere(start)) break;
    const previous = text[start - 1] ?? '';
    if (NEVER_IN_TITLE.test(previous)) break;
    if (/[，。；：！？,.;:!?“”"\s]/u.test(previous)) break;
    // 、 joins titles (董事长、党委书记) but separates people: 董事长陈钢、上海汽车城总经理潘晓红.
    if (
      TITLE_JOIN.test(previous) &&
      (endsHere(start - 1) || !titleEndingAt(text, start - 1, context.lexicon))
    )
      break;
    if (previous === '与' && endsHere(start - 1)) break;
    start--;
  }
  return start;
}

/**
 * People written with a title: 吉利控股集团资深副总裁张爱群, 浙江省委常委、宁波市委书记彭佳学, and
 * 陈立新（江淮锂能董事长）. Each carries the title as written and the organization that heads it, if any.
 */
export function findPeopleWithTitles(context: PeopleContext): PersonMention[] {
  const { text, lexicon } = context;
  const people: PersonMention[] = [];
  const insideOrg = new Uint8Array(text.length + 1);
  const ends = new Set<number>();
  for (const org of context.orgs) {
    insideOrg.fill(1, org.start, org.end);
    ends.add(org.end);
  }
  const isInsideOrg = (at: number): boolean => insideOrg[at] === 1;
  for (let end = 1; end <= text.length; end++) {
    const word = titleEndingAt(text, end, lexicon);
    if (!word || isInsideOrg(end - 1)) continue;
    // A weak title (研究员, 委员) names a position only with its organization before it: 研究院研究员邓嘉文.
    const titleStartsAt = end - word.length;
    if (
      lexicon.weakTitleWords.has(word) &&
      !context.orgs.some((org) => org.end <= titleStartsAt && org.end >= titleStartsAt - 12)
    )
      continue;
    const name = nameAt(text, end, lexicon);
    if (!name || isInsideOrg(name.start)) continue;
    if (titleEndingAt(text, name.end, lexicon) && !BOUNDARY.test(text.slice(name.end))) continue;
    const start = titleStart(text, end, context, ends);
    const title = { start, end, text: text.slice(start, end) };
    people.push(withOrg(name, title, context));
    ends.add(name.end);
    end = name.end;
    // 市领导张岳峰、袁方、吴劲: bare names listed after a titled one share the title.
    for (let next = text[end] === '、' ? nameAt(text, end + 1, lexicon) : null; next; ) {
      if (isInsideOrg(next.start) || titleEndingAt(text, next.end, lexicon)) break;
      people.push(withOrg(next, title, context));
      ends.add(next.end);
      end = next.end;
      next = text[end] === '、' ? nameAt(text, end + 1, lexicon) : null;
    }
  }
  for (const match of text.matchAll(/([\u4e00-\u9fff]{2,4})[（(]([^（()）]{2,30})[)）]/gu)) {
    const inner = match[2] ?? '';
    const innerStart = (match.index ?? 0) + (match[1]?.length ?? 0) + 1;
    if (!titleEndingAt(inner, inner.length, lexicon)) continue;
    const nameStart = match.index ?? 0;
    for (let offset = 0; offset < (match[1]?.length ?? 0) - 1; offset++) {
      const name = nameAt(text, nameStart + offset, lexicon);
      if (!name || name.end !== innerStart - 1) continue;
      if (people.some((person) => person.start === name.start)) break;
      people.push(withOrg(name, { start: innerStart, end: innerStart + inner.length, text: inner }, context));
      break;
    }
  }
  return people.sort((a, b) => a.start - b.start);
}

/**
 * The person with the organization that heads their title. A government or party body stays in the title and is
 * no organization of theirs (浙江省经信厅副厅长, 嘉定区政协副主席: org null).
 */
function withOrg(name: Span, title: Span, context: PeopleContext): PersonMention {
  let org =
    context.orgs.find(
      (mention) => mention.start >= title.start && mention.start < title.end && mention.end < title.end,
    ) ??
    context.orgs.find((mention) => mention.end === title.start) ??
    null;
  // 公司创始人兼CEO: 公司 refers back to the company and is no part of the title.
  const lead = /^(该公司|本公司|公司|该集团|集团|企业)/u.exec(title.text)?.[0] ?? '';
  const trimmed =
    lead && title.text.length > lead.length
      ? { start: title.start + lead.length, end: title.end, text: title.text.slice(lead.length) }
      : title;
  let titleSpan: Span | null = trimmed.text ? trimmed : null;
  if (org && (org.orgType === 'government' || context.lexicon.governmentBody.test(org.text))) {
    const start = Math.min(org.start, trimmed.start);
    titleSpan = { start, end: trimmed.end, text: context.text.slice(start, trimmed.end) };
    org = null;
  }
  return { label: 'person', ...name, title: titleSpan?.text ?? null, titleSpan, org };
}
