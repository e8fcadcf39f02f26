import { spansWithin } from '../annotate/spans.js';
import type { Annotated, OrgMention, PlaceMention, Sentence } from '../annotate/types.js';
import {
  DEFAULT_PARTY_POLICY,
  type EventPolicy,
  type LabelledParty,
  PARTY_POLICIES,
  type PartyPolicy,
  type TriggerFound,
} from './event-policy.js';
import { type EventModel, isLearnedType, partyScore, proposeTriggers } from './learned/event-model.js';
import { sentenceView } from './learned/features.js';
import type { EventLexicon } from './lexicon.js';
import type { OrgNames } from './names.js';
import { actorsIn, dateIn, eventDate, fullestPlace, placeRun } from './sentence-facts.js';
import { supplyDirection } from './supply.js';
import { BUSINESS_EVENT_TYPES, type BusinessEventType as EventType, type Evidence } from './types.js';

/** An event as found in one sentence, before people and domains are attached. */
export interface EventCandidate {
  type: EventType;
  sentence: Sentence;
  /** Offset of the trigger in the text. */
  at: number;
  parties: string[];
  date: string | null;
  location: string | null;
  evidence: Evidence[];
  /** Whether a rule or the learned model found the trigger. */
  foundBy: 'rules' | 'model';
  /** Supply agreements: the supplying and the buying party, where the sentence says. */
  supplier?: string | null;
  customer?: string | null;
}

/** Agreements between parties: cooperation and supply. */
export const isAgreement = (type: string): boolean =>
  type === 'cooperation_agreement' || type === 'supply_agreement';

/** 公司与某某签署: the article's own company is the other side. */
const ANNOUNCER_SIDE =
  /(^|[，,。：:\s])(近日|今日|日前|此前|当天)?(公司|本公司|该公司)(已|于|近日|今日|日前)?(与|和|同)/u;

/** A side of a contract written with its role: 与某某镇人民政府（甲方）, 某某公司（乙方）. */
const CONTRACT_SIDE =
  /(?:^|与|和|同|、|，|,|：|:)\s*([^，,。；、与和同（(）)]{2,40}?)\s*[（(](甲方|乙方|丙方|丁方)[)）]/gu;

/** The sides of a contract a sentence names by their roles, as written, where no recognised name stands. */
function contractSides(sentence: Sentence, annotated: Annotated): string[] {
  const actors = actorsIn(sentence, annotated);
  const sides: string[] = [];
  for (const match of sentence.text.matchAll(CONTRACT_SIDE)) {
    const name = (match[1] ?? '').trim();
    const start = sentence.start + (match.index ?? 0) + match[0].indexOf(name);
    const end = start + name.length;
    if (name.length >= 2 && !actors.some((org) => org.start < end && start < org.end)) sides.push(name);
  }
  return sides;
}

/** 甲与乙、丙签订: the names on either side of 与 before a signing verb, as written. */
const SIGNING_SLOT =
  /([^，,。；：:（(）)]{2,40}?)(?:与|同|跟)([^，,。；：:（(）)]{2,40}?)(?:在[^，,。；]{1,16}?)?(?:正式|共同|成功|顺利)?$/u;
/** What opens the left side without being part of a name: 控股子公司, 公告称, a date, a ticker. */
const SIDE_LEAD = /^.*(子公司|附属公司|附属|旗下|公告称?|宣布|表示|讯|日|获悉)[，,：:\s]*/u;
const SIDE_TAIL = /(于[^，。；]{0,12}日|近日|今日|日前|已经|已|正式|共同|也|还|将|拟|此前|分别)+$/u;
const TICKER = /[（(]\d{5,6}(\.\w+)?[)）]/gu;
/** A side must look like a name: Han or Latin letters, not a word for the parties or the company itself. */
const NOT_A_NAME =
  /的|^[与和同跟]|^(公司|本公司|该公司|双方|各方|其|企业|政府|对方|我司)$|^(他|她|它|我|你|这|那|该|此|各|多|[一二两三四五六七八九十几数]+(家|个|位|名|方))|[0-9０-９%]/u;

/** The sides of a signing that the recogniser missed, read from the clause of its trigger. */
function signingSides(sentence: Sentence, at: number, annotated: Annotated): string[] {
  const clauseStart = Math.max(
    sentence.start,
    ...['，', ',', '；', '：', ':'].map((mark) => annotated.text.lastIndexOf(mark, at - 1) + 1),
  );
  const clause = annotated.text.slice(clauseStart, at).replace(TICKER, '');
  const slot = SIGNING_SLOT.exec(clause);
  if (!slot) return [];
  const left = (slot[1] ?? '').replace(SIDE_LEAD, '').replace(SIDE_TAIL, '').trim();
  const right = (slot[2] ?? '').replace(SIDE_TAIL, '').split(/[、和及]/u);
  const clauseAt = annotated.text.indexOf(clause.slice(0, 8), clauseStart);
  return [left, ...right]
    .map((side) => side.trim())
    .filter(
      (side) =>
        side.length >= 2 &&
        side.length <= 16 &&
        !NOT_A_NAME.test(side) &&
        looksLikeName(side, clauseAt, annotated),
    );
}

/** Whether a side read from a signing's wording may be a name: it opens with no verb, adverb or time word (擅自, 通过, 年前, 迅速完成了合) and holds no clause. */
function looksLikeName(side: string, from: number, annotated: Annotated): boolean {
  const at = annotated.text.indexOf(side, Math.max(0, from));
  if (at < 0) return false;
  const words = spansWithin(annotated.tokens, at, at + side.length);
  const first = words[0];
  return (
    first !== undefined &&
    first.start === at &&
    !/^(v|d|p|c|t|r|m|q|f|u|a)/u.test(first.pos) &&
    !/[了与和]/u.test(side.slice(1))
  );
}

/** Whether a name is one of the parties or holds one, or one holds it. */
function covers(parties: readonly string[], side: string): boolean {
  return parties.some((party) => party.includes(side) || side.includes(party));
}

/** Who founded a body: 由甲、乙等单位共同发起, 由甲牵头, 由甲和乙等组成的. */
const FOUNDED_BY =
  /((联盟|中心|协会|平台|研究院|联合会|商会|该\S{0,4}|是)由[^。；]{2,160}(发起|牵头|组成|组建|共建|倡议)|(^|[，,）)\s])由[^。；]{2,80}(组成|发起|牵头|组建)的)/u;

/** Words by which a sentence refers to parties named before it. */
const REFERS_BACK = /(双方|两家|三方|该项目|此项目|该公司|该企业|该集团|这一项目|其)/u;

/**
 * Whether the words before a trigger refer to parties named earlier (双方签署, 该项目落户), rather than naming a
 * side the recogniser could not read (与四家汽车制造商签署).
 */
function refersBack(lead: string): boolean {
  return (
    REFERS_BACK.test(lead) &&
    !/(与|和|同)[^，。；]{1,20}$/u.test(lead.replace(/(双方|两家|三方)[^，。；]*$/u, ''))
  );
}

/** The organizations of the sentence before, in the same paragraph: all for an agreement, else the last company. */
function previousActors(
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
function visitedLater(sentence: Sentence, annotated: Annotated, names: OrgNames): string[] {
  const visited: string[] = [];
  for (const next of annotated.sentences.slice(sentence.index + 1, sentence.index + 4)) {
    if (next.paragraph > sentence.paragraph + 1 || !VISIT_GOES_ON.test(next.text)) break;
    // 有关部门负责人随同考察: those who come along are no places visited.
    if (/(随同|陪同)/u.test(next.text)) continue;
    visited.push(...actorsIn(next, annotated).map((org) => names.canonicalOf(org)));
  }
  return visited;
}

/** A sum or a stake: what makes an announced investment concrete. */
const CONCRETE_DEAL = /(\d[\d,.]*\s*(亿|万)|股权|\d+(\.\d+)?%)/u;

/** A cooperation trigger whose words name a supply deal (签订供货合同) reports the supply agreement only. */
const SUPPLY_WORDS = /(供货|采购|供应|配套|定点|订单|中标|购销)/u;

const TALKS = /(会见|会谈|座谈|调研|考察|走访)/u;
const BOTH_SIDES = /(双方|两家企业|两家公司|两者|二者)/u;
const RESPECTIVELY = /分别与/u;

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** Where a sentence says the event happened: 在X举行/签署/召开; for a settlement, where it settles. */
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

function locationIn(
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
function governmentPlace(
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

/** The parties of an event found in one sentence, by its type. */
function partiesOf(
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

/** What a leader's name is followed by where the body of the title leads the visit: 某主席张三率调研组. */
const LEADS = /^(率|带领|带队|率队|率团|一行)/u;

/**
 * The bodies whose leaders head a visit (全国政协副主席某某率调研组…调研): the visiting side of the meeting, unless
 * the bodies led are named.
 */
function visitingBodies(sentence: Sentence, at: number, annotated: Annotated, names: OrgNames): string[] {
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

/** 与甲多年的合作促成与乙签署: 甲 stands in a phrase about an earlier cooperation, before the side that signs. */
const EARLIER_COOPERATION = /^[^，。；]{0,16}?的[^，。；]{0,6}合作[^，。；]{1,12}(与|和|同)[^，。；]{1,20}$/u;

function inNounPhrase(org: OrgMention, at: number, text: string): boolean {
  return /[与和同]$/u.test(text.slice(0, org.start)) && EARLIER_COOPERATION.test(text.slice(org.end, at));
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
function directionOf(
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

/** Days before publication past which a dated deal is background (an earlier signing recalled), not news. */
const BACKGROUND_DAYS = 31;
/** A month named alone (在8月已签字) is often how a deal made public late is dated: background only a year back. */
const BACKGROUND_DAYS_OF_A_MONTH = 366;

function dropBackground(events: EventCandidate[], published: string | null): EventCandidate[] {
  if (!published || published.length < 10) return events;
  const day = 86400000;
  return events.filter((event) => {
    if (!event.date) return true;
    const monthOnly = event.date.length === 7;
    const date = Date.parse(monthOnly ? `${event.date}-28` : event.date);
    const cutoff = Date.parse(published) - (monthOnly ? BACKGROUND_DAYS_OF_A_MONTH : BACKGROUND_DAYS) * day;
    return Number.isNaN(date) || date >= cutoff;
  });
}

/** More words, then a closing quote: the name is part of a quoted title (“某中心筹备工作启动会”). */
const PART_OF_QUOTED_NAME = /^[^，。；：“”"《》]{1,20}[”"》]/u;

/** The organizations of a sentence with the party labeller's margin for each as a party of the event at `at`. */
function labelledParties(
  model: EventModel,
  sentence: Sentence,
  at: number,
  type: EventType,
  annotated: Annotated,
  names: OrgNames,
): LabelledParty[] {
  const view = sentenceView(annotated, sentence, actorsIn(sentence, annotated));
  const trigger = view.words.findIndex((word) => word.end > at);
  if (trigger < 0) return [];
  // Bodies and places host deals in industry news; the labeller, trained on financial news, knows none of that.
  return view.words.flatMap((word, index) =>
    word.org &&
    word.org.orgType !== 'government' &&
    !inNounPhrase(word.org, at, annotated.text) &&
    word.org.source !== 'actor' &&
    !PART_OF_QUOTED_NAME.test(annotated.text.slice(word.org.end, word.org.end + 24))
      ? [{ name: names.canonicalOf(word.org), margin: partyScore(model, view, trigger, index, type) }]
      : [],
  );
}

/** The model's triggers in a sentence, organizations read as the rules found them. */
function learnedTriggers(model: EventModel, sentence: Sentence, annotated: Annotated): TriggerFound[] {
  const words = spansWithin(annotated.tokens, sentence.start, sentence.end);
  if (!words.some((word) => model.triggerWords.has(word.text))) return [];
  const view = sentenceView(annotated, sentence, actorsIn(sentence, annotated));
  return proposeTriggers(model, view).map((proposal) => ({
    type: proposal.type,
    at: proposal.at,
    end: proposal.end,
    foundBy: 'model',
    margin: proposal.margin,
  }));
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

/**
 * Where an article tells a signing only by who attended it (甲公司总裁某某、乙公司董事长某某出席签约仪式), the
 * companies of those attending are its sides; officials of government attend as witnesses, not sides.
 */
function attendedSignings(
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
function settledNotInvested(events: EventCandidate[]): EventCandidate[] {
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
function withProjectInvestments(candidates: EventCandidate[], annotated: Annotated): EventCandidate[] {
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
function mergeCandidates(candidates: EventCandidate[]): EventCandidate[] {
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
