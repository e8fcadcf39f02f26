import type { Gazetteer } from './gazetteer.js';
import type { AnnotationLexicon } from './lexicon.js';
import type { NameLists } from './name-lists.js';
import { spansOverlapping } from './spans.js';
import type { OrgMention, OrgType, Token } from './types.js';

/** Function words and verbs that a name never runs across. */
const STOP = new Set(
  (
    '与 和 及 同 跟 在 由 对 将 为 是 等 的 了 把 被 向 从 于 以 并 或 而 也 都 又 就 还 已 其 该 这 那 各 每 之 至 到 让 使 给 上述 带队 带领 率队 率领 ' +
    '请 据 经 共 暨 携 联合 共同 宣布 表示 签署 成立 举行 旗下 下属 所属 一家 一个 多家 首个 今年 当天 日前 近日 记者 通讯员 ' +
    '获悉 来自 包括 以及 其中 负责同志 同志 负责人 作为 通过 围绕 推动 助力 支持 携手 分别 正式 位于 总部 全球 领先 开发 打造 建设 引领 申报 研究 生产 销售 交由 返供 利用了 启动 代表 感谢 会见 见证 出席 参加 主持 致辞 认为 指出 希望 邀请 组织 发起 筹建 召开 落户 宣读 最 很 更 都 也 还 就 又 再 已 不 没 这是 就是 也是 而是 即是 今年 去年 明年 当年 当天 当日 今天 昨天 日前 近日 目前 此前 同时 随后 之后 以来 年底 年初 月底'
  ).split(' '),
);
const SINGLE_STOP = new Set(
  '赴 访 抵 往 去 来 是 系 率 有 在 为 将 由 向 对 与 和 把 被 让 给 用 以 从 到 至 于 按 据 经 供 交 返 签 设 建 投 办 做 说 称 指 获 得 达 及 等 后 前 并 或 即 又 再 也 都 就 才 已 曾 仍'.split(
    ' ',
  ),
);

/** Verbs that organization names are made of: 回收利用产业联盟, 应用创新联盟, 产业促进会. */
const NAME_VERBS = new Set(
  '利用 应用 创新 发展 服务 促进 回收 研究 制造 投资 运营 管理 控股 检测 认证 交流 出行 智造 运输 物流 共享 租赁'.split(
    ' ',
  ),
);
const SCOPE = /^(中国|全国|国家|国际|世界|亚洲|中华|中央|省|市)/;
/** Words written in brackets inside names besides places: 某某（集团）股份有限公司, 某某（中国）有限公司. */
const BRACKETED_IN_NAMES = /^(中国|集团|控股|国际|股份)$/u;
const MAX_NAME = 28;

export interface OrgContext {
  text: string;
  tokens: readonly Token[];
  lexicon: AnnotationLexicon;
  gazetteer: Gazetteer;
  names: NameLists;
}

function isWordToken(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.text);
}

function isTitleWord(word: string, lexicon: AnnotationLexicon): boolean {
  return lexicon.titleWords.includes(word);
}

/** Whether a token can be part of an organization's name, read leftward from its ending. */
function nameLike(token: Token, context: OrgContext): boolean {
  const { lexicon } = context;
  const word = token.text;
  if (!isWordToken(token) || STOP.has(word) || lexicon.descriptors.has(word) || isTitleWord(word, lexicon))
    return false;
  if (/^\d+$/.test(word)) return false;
  if (token.pos === 'm' && !/^第/.test(word)) return false;
  // Single characters are often pieces of an unknown name the segmenter split (鄂/中储/能/科技): keep them, but for
  // function words and the verbs that start a clause.
  if (word.length === 1) {
    return (
      !/^(q|m|u|p|c|r|uj|ul|f|t|y|e|o)/.test(token.pos.replace(/^eng$/u, 'x')) &&
      !SINGLE_STOP.has(word) &&
      !/[，。、；：！？—-]/u.test(word)
    );
  }
  if (/[—–-]/u.test(word)) return false;
  // A news outlet's name ends a name, it is no part of one: 证券时报e公司 is the outlet's credit.
  if (lexicon.orgSuffixes.some((entry) => entry.type === 'media' && word.endsWith(entry.suffix)))
    return false;
  if (NAME_VERBS.has(word) || context.gazetteer.lookup(word)) return true;
  // Two-character adjectives name things too: 清洁能源实验室, 绿色动力.
  if (token.pos === 'a' && word.length >= 2) return true;
  // jieba's `eng` (a Latin word) is no interjection (`e`): EDF集团, JUNGWOO集团.
  if (/^(v|p|c|u|r|d|f|q|y|e|o|a)/.test(token.pos) && !/^(vn|an|eng)$/u.test(token.pos)) return false;
  return true;
}

function endingAt(
  text: string,
  end: number,
  lexicon: AnnotationLexicon,
): { suffix: string; type: OrgType } | null {
  for (const entry of lexicon.orgSuffixesByLast.get(text[end - 1] ?? '') ?? []) {
    if (end >= entry.suffix.length && text.startsWith(entry.suffix, end - entry.suffix.length)) return entry;
  }
  return null;
}

const PROPER_POS = /^(x|nz|nt|nr|nrt|nrfg|j|eng)$/;

/**
 * Whether the words before an ending make a name. A strong ending (集团, 人民政府, 联盟) needs a place, a scope
 * (中国, 全国) or any word that is not generic; a weak one (能源, 科技, 中心), being a common noun too, needs a proper
 * noun (京能, or 极氪 split by the segmenter into single characters) or the stem of a name found with a strong
 * ending (远景 of 远景科技集团 makes 远景能源).
 */
export function distinctive(
  start: number,
  suffixStart: number,
  weak: boolean,
  context: Omit<OrgContext, 'names'>,
  stems: ReadonlySet<string>,
): boolean {
  const prefix = context.text.slice(start, suffixStart);
  if (!prefix || /^\d/.test(prefix)) return false;
  const { lexicon, gazetteer } = context;
  // The prefix's words by the segmenter's cut, a word the ending shares (联想集团) cut where the ending starts.
  const tokens = spansOverlapping(context.tokens, start, suffixStart).map((token) => ({
    ...token,
    text: context.text.slice(Math.max(token.start, start), Math.min(token.end, suffixStart)),
  }));
  const words = tokens.map((token) => token.text);
  const placeStart = gazetteer.placeAt(prefix, 0) !== null || SCOPE.test(prefix);
  const specific = words.some(
    (word) => !lexicon.generic.has(word) && !gazetteer.lookup(word) && !SCOPE.test(word),
  );
  if (!weak) return placeStart || specific;
  if (!specific) return false;
  const proper = tokens.some((token) => PROPER_POS.test(token.pos) && !gazetteer.lookup(token.text));
  const characters = tokens.filter((token) => token.text.length === 1).length >= 2;
  return proper || characters || [...stems].some((stem) => prefix.startsWith(stem));
}

/** Whether the text after a weak ending continues a common noun phrase (宁波汽车产业) instead of ending a name. */
function continuesNoun(tokens: readonly Token[], next: number, context: OrgContext): boolean {
  const token = tokens[next];
  if (!token || !isWordToken(token) || token.pos === 'x' || token.pos === 'eng') return false;
  // The segmenter's tag may be off (零部件/mq): a generic noun or a project's word (项目, 基地) goes on the phrase.
  const { lexicon } = context;
  const phraseWord =
    lexicon.generic.has(token.text) || lexicon.notEndings.some((ending) => token.text.endsWith(ending));
  if (!phraseWord && (!/^(n|vn|an)/.test(token.pos) || token.pos === 'nr' || token.pos === 'ns'))
    return false;
  // A title phrase may follow a name: 京能新能源战略发展总裁孙茂建.
  for (let k = next; k < Math.min(tokens.length, next + 4); k++) {
    const word = tokens[k]?.text ?? '';
    if (
      isTitleWord(word, context.lexicon) ||
      context.lexicon.titleWords.some((title) => word.endsWith(title))
    )
      return false;
  }
  return true;
}

/**
 * Whether the words before an ending hold a proper noun or a word the segmenter does not know (威马, 楚能, 顺为):
 * then a weak ending (汽车, 新能源, 资本) closes a name; without one it may close a phrase (综合智慧能源).
 */
function hasProperWord(start: number, suffixStart: number, context: OrgContext): boolean {
  return spansOverlapping(context.tokens, start, suffixStart).some(
    (token) =>
      token.end <= suffixStart &&
      PROPER_POS.test(token.pos) &&
      !context.gazetteer.lookup(token.text) &&
      !context.lexicon.generic.has(token.text),
  );
}

/** Names found by their ending (集团, 有限公司, 人民政府, 联盟, 研究院 …), grown leftward over name-like words. */
/** Words that end a government body's name: 管理局, 委员会, 人民政府. */
const GOVERNMENT_END =
  /(管理局|监管局|总局|委员会|人民政府|管委会|办公室|.{2,}厅|.{2,}(?<!东|西|南|北|中|内|外)部)$/u;

/** Words of a deal between two parties: no name holds one (长江电力收购川云公司 names two). */
const DEAL_WORDS = /^(中标|收购|并购|入股|增资|签约|联手|携手|牵手)$/u;

export function findOrgsBySuffix(context: OrgContext): OrgMention[] {
  const strong = scanSuffixes(context, false, new Set());
  const stems = new Set(
    strong
      .map((org) => spansOverlapping(context.tokens, org.start, org.start + 1)[0]?.text ?? '')
      .filter(
        (stem) => stem.length >= 2 && !context.lexicon.generic.has(stem) && !context.gazetteer.lookup(stem),
      ),
  );
  return [...strong, ...scanSuffixes(context, true, stems)];
}

function scanSuffixes(context: OrgContext, weakPass: boolean, stems: ReadonlySet<string>): OrgMention[] {
  const { text, tokens, lexicon } = context;
  const found: OrgMention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const end = (tokens[k] as Token).end;
    const ending = endingAt(text, end, lexicon);
    if (!ending) continue;
    const weak = lexicon.weakEndings.has(ending.suffix);
    if (weak !== weakPass) continue;
    if (weak && continuesNoun(tokens, k + 1, context)) continue;
    const suffixStart = end - ending.suffix.length;
    let first = k;
    while (first > 0 && (tokens[first] as Token).start > suffixStart) first--;
    // A weak ending inside one of the segmenter's words (高科技) is part of a common word, not a name's end.
    if (weak && (tokens[first] as Token).start < suffixStart) continue;
    let start = (tokens[first] as Token).start;
    for (let i = first - 1; i >= 0; i--) {
      const token = tokens[i] as Token;
      // A bracketed region or group word inside a name: 大众汽车（中国）投资有限公司, 某某（集团）股份有限公司.
      const bracket = /[（(]([\u4e00-\u9fff]{2,4})[）)]$/u.exec(text.slice(Math.max(0, start - 6), start));
      if (
        bracket &&
        (context.gazetteer.lookup(bracket[1] ?? '') || BRACKETED_IN_NAMES.test(bracket[1] ?? ''))
      ) {
        start -= bracket[0].length;
        while (i >= 0 && (tokens[i] as Token).start >= start) i--;
        i++;
        continue;
      }
      if (token.end !== start || !nameLike(token, context) || end - token.start > MAX_NAME) break;
      // Bodies of government have no Latin words in their names (某平台ESG委员会 is a company's committee).
      if (token.pos === 'eng' && ending.type === 'government') break;
      // A name that opens with a place takes no stray character before it (煤湖北某某集团 is 湖北某某集团).
      if (token.text.length === 1 && context.gazetteer.placeAt(text, start) !== null) break;
      // One company's full name, then a verb: 甲股份有限公司中标乙有限公司 names two.
      const previous = tokens[i - 1];
      if (DEAL_WORDS.test(token.text) || (previous && /公司$/u.test(previous.text) && /^v/u.test(token.pos)))
        break;
      // A government body's full name ends before another name begins: 某市市场监督管理局依法对甲公司….
      if (GOVERNMENT_END.test(token.text) && !GOVERNMENT_END.test(ending.suffix)) break;
      // A preposition the segmenter glued onto an unknown word opens no name (对南屿电子 is 南屿电子).
      if (token.pos === 'x' && token.text.length >= 3 && /^[对向与和同据在由被把]/u.test(token.text)) {
        start = token.start + 1;
        break;
      }
      start = token.start;
    }
    // A name does not open with a verb (利用星瀚智能 is 星瀚智能).
    for (const token of spansOverlapping(tokens, start, suffixStart)) {
      if (token.start !== start || token.end > suffixStart || !/^v/.test(token.pos) || token.pos === 'vn')
        break;
      start = token.end;
    }
    const name = text.slice(start, end);
    // One Latin letter before an ending is a placeholder or a brand's tag (A公司, e公司), no name.
    if (name.length < 3 || /[—–]/u.test(name) || /^[A-Za-z]$/u.test(text.slice(start, suffixStart))) continue;
    // A weak ending after a specific word but no proper noun (青禾储能) may end a name or a phrase: the merge
    // policy decides, by the tagger or by the name standing as a party beside another.
    const firm = distinctive(start, suffixStart, weak, context, stems);
    if (!firm && !(weak && distinctive(start, suffixStart, false, context, stems))) continue;
    const needsSupport =
      !firm ||
      ((weak || /中心$/u.test(ending.suffix)) &&
        !hasProperWord(start, suffixStart, context) &&
        ![...stems].some((stem) => name.startsWith(stem)));
    found.push({
      label: 'org',
      start,
      end,
      text: name,
      orgType: ending.type,
      source: 'suffix',
      ...(needsSupport ? { needsSupport } : {}),
    });
  }
  return found;
}

const QUOTED = /[“「『"]([^”」』"\n]{3,40})[”」』"]/gu;

/**
 * Quoted names that end like an organization and either carry a stated short form (“汽车产业供应链协同创新中心
 * (简称S100)”) or would pass as a name unquoted.
 */
export function findQuotedOrgs(context: OrgContext): OrgMention[] {
  const found: OrgMention[] = [];
  for (const match of context.text.matchAll(QUOTED)) {
    const whole = match[1] ?? '';
    const inner = whole.replace(/[(（].*$/u, '');
    const ending = endingAt(inner, inner.length, context.lexicon);
    if (!ending || inner.length <= ending.suffix.length + 1 || /^\d/.test(inner)) continue;
    const start = (match.index ?? 0) + 1;
    const after = context.text.slice(start + whole.length + 1, start + whole.length + 8);
    const abbreviated =
      /[(（]\s*(以下)?(简称|下称)/u.test(whole) || /^[(（]\s*(以下)?(简称|下称)/u.test(after);
    const weak = context.lexicon.weakEndings.has(ending.suffix);
    const suffixStart = start + inner.length - ending.suffix.length;
    if (
      /^[”」』"]?(理念|战略|目标|模式|愿景|口号|计划|工程|行动|体系|概念)/u.test(
        context.text.slice(start + whole.length),
      )
    )
      continue;
    if (!abbreviated && !distinctive(start, suffixStart, weak, context, new Set())) continue;
    found.push({
      label: 'org',
      start,
      end: start + inner.length,
      text: inner,
      orgType: ending.type,
      source: 'quoted',
    });
  }
  return found;
}

const ABBREVIATION =
  /[（(]\s*(?:以下)?(?:简称|下称)\s*[:：]?\s*[“"「『]?([^”"」』)）,，、\s]{1,20})[”"」』]?\s*[)）]/gu;
const ENGLISH_NAME = /^[（(]([A-Z][A-Za-z0-9 .&'-]{1,48})[)）]/u;

/** Short forms stated in brackets right after a name: (简称S100), (以下简称“皖通换电”), (Envision Group). */
export function findStatedAliases(text: string, orgs: readonly OrgMention[]): Map<string, OrgMention> {
  const aliases = new Map<string, OrgMention>();
  const endingAtOffset = (offset: number): OrgMention | undefined =>
    orgs
      .filter((org) => org.end === offset || org.end === offset - 1)
      .sort((a, b) => b.end - a.end || a.start - b.start)[0];
  for (const match of text.matchAll(ABBREVIATION)) {
    const org = endingAtOffset(match.index ?? 0);
    const alias = match[1];
    if (org && alias && alias !== org.text) aliases.set(alias, org);
  }
  for (const org of orgs) {
    const english = ENGLISH_NAME.exec(text.slice(org.end, org.end + 52));
    if (english?.[1]) aliases.set(english[1].trim(), org);
  }
  return aliases;
}

/** Names from the lexicon of well-known organizations, wherever they stand. */
export function findKnownOrgs(context: OrgContext): OrgMention[] {
  const found: OrgMention[] = [];
  for (const [name, group] of context.lexicon.knownOrgs)
    found.push(...occurrences(context.text, name, group.type, 'lexicon'));
  return found;
}

/** Every occurrence of a name in the text, as mentions. */
function occurrences(
  text: string,
  name: string,
  orgType: OrgType,
  source: OrgMention['source'],
): OrgMention[] {
  const found: OrgMention[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    found.push({ label: 'org', start: at, end: at + name.length, text: name, orgType, source });
  }
  return found;
}

const INVESTOR = /(?<=[由，,、])([^由，,、。；\s]{2,10}?)(?=(领投|跟投|参投|联合领投))/gu;

/** Investors of a financing round, which the round names without an ending: 由蓝海资本领投，海信创投跟投. */
export function findInvestors(context: OrgContext): OrgMention[] {
  const found: OrgMention[] = [];
  for (const match of context.text.matchAll(INVESTOR)) {
    const name = match[1] ?? '';
    if (context.lexicon.generic.has(name) || /^(本轮|此轮|公司|多家|老股东|股东)/u.test(name)) continue;
    const start = match.index ?? 0;
    found.push({
      label: 'org',
      start,
      end: start + name.length,
      text: name,
      orgType: 'company',
      source: 'suffix',
    });
  }
  return found;
}

/** Keeps the longest of overlapping mentions (earliest first on ties). */
export function resolveOverlaps(mentions: OrgMention[]): OrgMention[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Set<number>();
  const kept: OrgMention[] = [];
  for (const mention of sorted) {
    let free = true;
    for (let at = mention.start; at < mention.end && free; at++) free = !taken.has(at);
    if (!free) continue;
    for (let at = mention.start; at < mention.end; at++) taken.add(at);
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every further occurrence of the names and short forms already known, as mentions of their organization. */
export function findRepeats(text: string, names: Map<string, OrgMention>): OrgMention[] {
  const found: OrgMention[] = [];
  for (const [name, org] of names) {
    if (name.length >= 2) found.push(...occurrences(text, name, org.orgType, 'known'));
  }
  return found;
}
