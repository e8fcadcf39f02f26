import type { OrgMention } from '../annotate/types.js';

/** Which party of a supply agreement supplies and which buys; null where the sentence does not say. */
export interface SupplyDirection {
  supplier: OrgMention | null;
  customer: OrgMention | null;
}

/**
 * How a sentence says who supplies whom, as the words between two organizations X … Y (`between`) and the words
 * right after Y (`after`). `supplierFirst` tells whether X is the supplier.
 */
const DIRECTION_CUES: readonly { between: RegExp; after: RegExp; supplierFirst: boolean }[] = [
  // X为Y供货 / X向Y供应电芯 / X将为Y配套
  {
    between: /^[^，。；]{0,6}(为|向|给)$/u,
    after: /^[^，。；]{0,16}?(供货|供应|提供|配套|交付|供给)/u,
    supplierFirst: true,
  },
  // X获得Y定点 / X斩获Y的订单 / X中标Y的采购项目 / X进入Y供应链
  {
    between: /^[^，。；]{0,8}(获得|获|斩获|拿下|收到|赢得|中标|入围|进入|成功进入|打入|切入)[^，。；]{0,6}$/u,
    after: /^[^，。；]{0,20}?(定点|订单|采购|供应链|配套体系|项目|招标|标段|供应商)/u,
    supplierFirst: true,
  },
  // X成为Y的核心供应商
  {
    between: /(成为|成功成为|正式成为|获选为|被选为)[^，。；]{0,4}$/u,
    after: /^[^，。；]{0,16}?(供应商|供货商|配套商|供方)/u,
    supplierFirst: true,
  },
  // X向Y采购 / X从Y订购
  {
    between: /^[^，。；]{0,6}(向|从)$/u,
    after: /^[^，。；]{0,12}?(采购|购买|订购|购入)/u,
    supplierFirst: false,
  },
  // X采购Y的电池 / X选定Y为供应商 / X定点Y
  {
    between: /^[^，。；]{0,6}(采购|订购|购买|选定|选择|定点)[^，。；]{0,2}$/u,
    after: /^/u,
    supplierFirst: false,
  },
  // X被Y定点 / X获Y选为供应商
  {
    between: /^[^，。；]{0,4}(被|获)$/u,
    after: /^[^，。；]{0,6}(定点|选定|选为|选中|指定)/u,
    supplierFirst: true,
  },
];

/** What one company makes for another: the goods of the chain. */
const PRODUCT =
  /(电池|电芯|芯片|电机|电驱|电控|材料|电解液|隔膜|正极|负极|模组|系统|产品|零部件|部件|组件|碳酸锂|氢氧化锂|模块)/u;

/**
 * How a sentence states a supply relation in so many words, whether a deal or a standing one: 甲为乙供货, 甲向乙
 * 供应, 甲获得乙定点, 甲成为乙的供应商, 甲是乙的供应商, 乙的电池供应商甲, 甲的客户包括乙, 乙搭载甲的电池, 乙向甲采购.
 * Stricter than a deal's direction (no 项目 or 招标, which an investment or a tender also has).
 */
const STATEMENT_CUES: readonly { between: RegExp; after: RegExp; supplierFirst: boolean }[] = [
  {
    between: /^[^，。；,;]{0,12}(为|向|给)$/u,
    after: new RegExp(
      `^[^，。；,;]{0,16}?(供货|供应|配套|交付|供给|提供[^，。；,;]{0,16}?${PRODUCT.source})`,
      'u',
    ),
    supplierFirst: true,
  },
  {
    between: /^[^，。；,;]{0,8}(获得|获|斩获|拿下|收到|赢得|进入|成功进入|打入|切入)[^，。；,;]{0,4}$/u,
    after: /^[^，。；,;]{0,8}?(定点|订单|供应链|配套体系)/u,
    supplierFirst: true,
  },
  {
    between: /(成为|成功成为|正式成为|获选为|被选为|是|系|作为|已是|一直是)[^，。；,;]{0,2}$/u,
    after: /^的[^，。；,;]{0,10}?(供应商|供货商|配套商|供方)/u,
    supplierFirst: true,
  },
  { between: /^的[^，。；,;]{0,10}(供应商|供货商|配套商)(之一)?$/u, after: /^/u, supplierFirst: false },
  {
    between: /^的[^，。；,;]{0,6}客户(包括|有|涵盖|覆盖|如|为|主要有|主要为)?$/u,
    after: /^/u,
    supplierFirst: true,
  },
  {
    between: /^[^，。；,;]{0,6}(搭载|采用|选用|装配)(了)?$/u,
    after:
      /^(的|生产的|提供的|供应的)[^，。；,;]{0,10}?(电池|电芯|芯片|电机|电驱|电控|材料|电解液|隔膜|正极|负极|模组|系统|产品)/u,
    supplierFirst: false,
  },
  {
    between: /^[^，。；,;]{0,6}(向|从)$/u,
    after: /^[^，。；,;]{0,12}?(采购|购买|订购|购入)/u,
    supplierFirst: false,
  },
];

/** Words that deny what follows: 未向乙供货, 并非乙的供应商. */
const DENIED = /(未|没有|并非|不是|尚未|拒绝)/u;
/** What joins names in a list: 乙、丙和丁. */
const LIST_JOIN = /^(、|和|及|以及|与)$/u;

/**
 * Supply relations a sentence states, supplier and customer, each said in so many words (no party is guessed):
 * the cues of a deal's direction and those of a standing relation. The other side may be a list (为乙、丙供货:
 * two customers; 乙的供应商甲、丙: two suppliers).
 */
export function statedSupplies(
  text: string,
  orgs: readonly OrgMention[],
): { supplier: OrgMention; customer: OrgMention }[] {
  const found: { supplier: OrgMention; customer: OrgMention }[] = [];
  for (let i = 0; i < orgs.length; i++) {
    const first = orgs[i] as OrgMention;
    const second = orgs[i + 1];
    if (!second || second.start < first.end) continue;
    const between = text.slice(first.end, second.start);
    if (DENIED.test(between)) continue;
    let last = i + 1;
    while (last + 1 < orgs.length) {
      const next = orgs[last + 1] as OrgMention;
      if (!LIST_JOIN.test(text.slice((orgs[last] as OrgMention).end, next.start))) break;
      last++;
    }
    const listEnd = (orgs[last] as OrgMention).end;
    const after = text.slice(listEnd, listEnd + 24);
    const cue = STATEMENT_CUES.find((rule) => rule.between.test(between) && rule.after.test(after));
    if (!cue) continue;
    const listed = orgs.slice(i + 1, last + 1);
    for (const other of listed) {
      found.push(
        cue.supplierFirst ? { supplier: first, customer: other } : { supplier: other, customer: first },
      );
    }
  }
  return found;
}

/** An organization that wins a bid is its supplier: X中标, X成功中标, X为中标人. */
const WINS_BID = /^[^，。；]{0,6}(中标|成为中标|为中标|预中标|拟中标)/u;

/**
 * The supplier and the customer among the parties of a supply agreement, read from the sentence that reports it.
 * Where only one side is said and there are two parties, the other is the other side.
 */
export function supplyDirection(text: string, parties: readonly OrgMention[]): SupplyDirection {
  let supplier: OrgMention | null = null;
  let customer: OrgMention | null = null;
  for (let i = 0; i < parties.length && !supplier; i++) {
    const first = parties[i] as OrgMention;
    for (let j = i + 1; j < parties.length; j++) {
      const second = parties[j] as OrgMention;
      if (second.start < first.end) continue;
      const between = text.slice(first.end, second.start);
      const after = text.slice(second.end, second.end + 24);
      const cue = DIRECTION_CUES.find((rule) => rule.between.test(between) && rule.after.test(after));
      if (!cue) continue;
      supplier = cue.supplierFirst ? first : second;
      customer = cue.supplierFirst ? second : first;
      break;
    }
  }
  if (!supplier)
    supplier = parties.find((party) => WINS_BID.test(text.slice(party.end, party.end + 12))) ?? null;
  if (parties.length === 2) {
    if (supplier && !customer) customer = parties.find((party) => party !== supplier) ?? null;
    if (customer && !supplier) supplier = parties.find((party) => party !== customer) ?? null;
  }
  return { supplier, customer };
}
