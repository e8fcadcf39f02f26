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
