import type { Annotated, OrgMention } from '../annotate/types.js';
import type { OrgNames } from './names.js';
import type { BusinessStatement } from './types.js';

/** The nouns that close a description of what a company is: 动力电池企业, 锂电材料供应商, 新能源车企. */
const HEAD = '(?:企业|公司|厂商|制造商|供应商|生产商|服务商|运营商|龙头|车企|巨头|厂家|集团|品牌|新势力)';
const HEAD_AT_END = new RegExp(`${HEAD}$`, 'u');
/** A parenthesis right after a name (以下简称…, a stock code). */
const AFTER_NAME = /^(?:（[^）]{0,30}）|\([^)]{0,30}\))/u;
/** 某公司是一家专注于…的企业, 某公司作为国内…龙头: right after the company. */
const IS_A = new RegExp(
  `^(?:是|系|为|作为)(?:一家|国内|全球|国际|中国|我国|行业|目前)*(.{2,40}?)的?${HEAD}(?:之一)?[。！？!?]?$`,
  'u',
);
/** 某公司将为乙提供…, 某公司年内向乙供应…: the preposition before the customer, then what is provided. */
const PROVIDES_TO = /(?:为|向)$/u;
const PROVIDED = /^.{0,16}?(?:提供|供应(?!商)|供货(?!商)|配套(?!商))(.{2,40})/u;
/** How far into its clause a company's name may be followed by 为/向 and its customer. */
const PROVIDES_WITHIN = 14;
/** 主要从事…, 主营业务为…, 专注于…, 业务涵盖…, 旗下…产品: what a clause says its subject does. */
const DOES =
  /^.{0,8}?(?:从事|专注于|专注|主营业务(?:为|是|包括)|主营|致力于|聚焦于|聚焦|深耕|主打|负责(?!人)|业务(?:涵盖|包括|覆盖|聚焦)|(?:主要|核心)?产品(?:为|是|包括|涵盖|主要有|有))(.{2,50})/u;
const PRODUCT_LINE = /旗下(.{2,20}?)(?:产品|业务)/u;
/** 江淮锂能新一代储能电池包, 某公司储能业务: the company's own product, written right after its name. */
const OWN_PRODUCT =
  /^(?!供|提供|采购|使用|搭载|配套|交付|订购|选用|看好|布局|进军|发力|加码|拓展|推出|发布|开拓|进入|切入|涉足|剥离|出售|收购|投资|计划|宣布|加快|推进|推动)(?:新一代|新款|最新|自研|自主研发的)?([^，。；,;、：:和与及的为向将在对是已于从由被等“”"（）()\d]{0,8}(?:电池包|电芯|电池|模组|材料|芯片|器件|电机|电驱|总成|系统|业务|产品|车型|平台))(?=[，。；,;、和与及的将已于在正也还获厂]|$)/u;
/** 动力电池企业宁德时代: a description right before the name, back to the start of its words. */
const DESCRIBED_BEFORE = new RegExp(`([^，。；,;、：:“”"（）()与和及同跟由对向将在的]{2,12}${HEAD})$`, 'u');
/** Words of a description that are no business: 龙头企业, 知名企业, 合作企业. */
const EMPTY_DESCRIPTION =
  /^(?:龙头|知名|头部|领军|重点|骨干|优质|相关|合作|上市|国有|民营|外资|[\d０-９一二三四五六七八九十百千数多几余]+家|一批|该|这家|其)+/u;
/** 宁德时代、比亚迪等电池企业: a list of names closed by 等 and a description. */
const LIST_SEPARATOR = /^(?:、|和|与|及|以及)$/u;
/** The description after 等 holds no verb or preposition: 等机构投资了某电池企业 says nothing of the list. */
const LIST_DESCRIPTION = new RegExp(
  `^等([^，。；,;了将已被把对向为与和投购参入]{2,16}?${HEAD})(?:[，。；,;]|$|参|出|在|共|等)`,
  'u',
);
/** A clause that brings in another company, which the clauses after it are about: 成立合资公司, 设立子公司. */
const NEW_SUBJECT = /合资|子公司|(?:成立|设立|组建|注册)(?:了|一家)?.{0,8}公司/u;
/** The marks that end a clause. */
const CLAUSE_MARK = /[，,；;：:]/gu;

interface Clause {
  start: number;
  end: number;
}

function clausesOf(text: string, start: number, end: number): Clause[] {
  const clauses: Clause[] = [];
  let from = start;
  for (const mark of text.slice(start, end).matchAll(CLAUSE_MARK)) {
    const at = start + (mark.index ?? 0);
    if (at > from) clauses.push({ start: from, end: at });
    from = at + 1;
  }
  if (end > from) clauses.push({ start: from, end });
  return clauses;
}

/**
 * What the article says each company makes or does, with the sentence that says it. A clause that starts with a
 * company's name makes it the subject of the clauses after it in the sentence (某公司成立于2019年，主要从事…); a
 * clause says the business when it reads 主要从事…, 是一家…企业, 将为乙提供…, 旗下…产品. Descriptions around a name count
 * too: 动力电池企业某公司, 甲、乙等电池企业. Only companies: what a government or an alliance is about is no business of theirs.
 */
export function businessStatements(annotated: Annotated, names: OrgNames): BusinessStatement[] {
  const statements: BusinessStatement[] = [];
  const { text } = annotated;
  for (const sentence of annotated.sentences) {
    const orgs = annotated.orgs
      .filter((org) => org.start >= sentence.start && org.end <= sentence.end)
      .sort((a, b) => a.start - b.start);
    if (!orgs.length) continue;
    const evidence = { start: sentence.start, end: sentence.end, text: sentence.text };
    const say = (org: OrgMention, phrase: string | undefined): void => {
      const words = (phrase ?? '').replace(EMPTY_DESCRIPTION, '');
      if (org.orgType === 'company' && words.replace(HEAD_AT_END, '').length >= 2)
        statements.push({ org: names.canonicalOf(org), phrase: words, evidence });
    };
    const sameAs = (a: OrgMention, b: OrgMention): boolean => names.canonicalOf(a) === names.canonicalOf(b);
    /** What a company provides to a customer named right after 为/向 in its clause. */
    const providedBy = (supplier: OrgMention, clause: Clause): string | undefined => {
      for (const customer of orgs) {
        if (customer.start <= supplier.end || customer.start > supplier.end + PROVIDES_WITHIN) continue;
        if (customer.end > clause.end || !PROVIDES_TO.test(text.slice(supplier.end, customer.start)))
          continue;
        return text.slice(customer.end, clause.end).match(PROVIDED)?.[1];
      }
      return undefined;
    };
    let subject: OrgMention | undefined;
    for (const clause of clausesOf(text, sentence.start, sentence.end)) {
      const opening = orgs.find((org) => org.start === clause.start);
      let rest = text.slice(clause.start, clause.end);
      if (opening) {
        rest = text.slice(opening.end, clause.end);
        rest = rest.slice(rest.match(AFTER_NAME)?.[0].length ?? 0);
        say(opening, rest.match(IS_A)?.[1]);
        say(opening, providedBy(opening, clause));
        const shared = orgs.some(
          (org) => org.start >= opening.end && org.start < clause.end && !sameAs(org, opening),
        );
        subject = shared || NEW_SUBJECT.test(rest) ? undefined : opening;
      } else if (
        orgs.some(
          (org) => org.start > clause.start && org.start < clause.end && !(subject && sameAs(org, subject)),
        ) ||
        NEW_SUBJECT.test(rest)
      ) {
        subject = undefined;
        continue;
      }
      if (!subject) continue;
      say(subject, rest.match(DOES)?.[1]);
      say(subject, rest.match(PRODUCT_LINE)?.[1]);
    }
    orgs.forEach((org, index) => {
      say(org, text.slice(sentence.start, org.start).match(DESCRIBED_BEFORE)?.[1]);
      const product = text.slice(org.end, sentence.end).match(OWN_PRODUCT);
      const productEnd = org.end + (product?.[0].length ?? 0);
      if (!orgs.some((other) => other.start >= org.end && other.start < productEnd)) say(org, product?.[1]);
      if (index > 0 && LIST_SEPARATOR.test(text.slice(orgs[index - 1]?.end ?? 0, org.start))) return;
      const list = [org];
      let last = org;
      for (const next of orgs.slice(index + 1)) {
        if (!LIST_SEPARATOR.test(text.slice(last.end, next.start))) break;
        list.push(next);
        last = next;
      }
      const closing = text.slice(last.end, sentence.end).match(LIST_DESCRIPTION)?.[1];
      if (closing) for (const member of list) say(member, closing);
    });
  }
  return statements;
}
