import { spansWithin } from '../../annotate/spans.js';
import type { Annotated, Sentence } from '../../annotate/types.js';
import { actorsIn } from '../sentence-facts.js';

/** 公司与某某签署: the article's own company is the other side. */
export const ANNOUNCER_SIDE =
  /(^|[，,。：:\s])(近日|今日|日前|此前|当天)?(公司|本公司|该公司)(已|于|近日|今日|日前)?(与|和|同)/u;

/** A side of a contract written with its role: 与某某镇人民政府（甲方）, 某某公司（乙方）. */
const CONTRACT_SIDE =
  /(?:^|与|和|同|、|，|,|：|:)\s*([^，,。；、与和同（(）)]{2,40}?)\s*[（(](甲方|乙方|丙方|丁方)[)）]/gu;

/** The sides of a contract a sentence names by their roles, as written, where no recognised name stands. */
export function contractSides(sentence: Sentence, annotated: Annotated): string[] {
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
export function signingSides(sentence: Sentence, at: number, annotated: Annotated): string[] {
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
export function covers(parties: readonly string[], side: string): boolean {
  return parties.some((party) => party.includes(side) || side.includes(party));
}
