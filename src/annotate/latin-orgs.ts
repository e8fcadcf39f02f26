import type { OrgContext } from './orgs.js';
import type { OrgMention } from './types.js';

/** A Latin-script name: capitalised words, digits allowed (InoBat, Peel Hunt, SK On, T10). */
const LATIN_NAME = /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[ &-][A-Z][A-Za-z0-9]*)*(?![A-Za-z0-9])/gu;
/** Legal forms written after a Latin name, the words that start them and the whole of them: a company's. */
const LEGAL_WORD =
  /^(Group|Holding|Holdings|Inc|Corp|Corporation|Co|Ltd|Limited|LLC|PLC|AG|SE|GmbH|AB|ASA|Oyj)$/u;
const LATIN_LEGAL =
  /^\s*,?\s*(?:Group|Holdings?|Inc\.?|Corp\.?|Corporation|Co\.,?\s*Ltd\.?|Ltd\.?|Limited|LLC|PLC|plc|AG|SE|GmbH|AB|ASA|Oyj)(?:\s*(?:Co\.,?\s*)?Ltd\.?)?/u;
/** Countries written before a foreign company's name (韩国某某 Group, 意大利某某公司): part of the name as written. */
const COUNTRY =
  /(韩国|日本|美国|德国|法国|英国|意大利|西班牙|葡萄牙|瑞典|瑞士|荷兰|比利时|芬兰|挪威|丹麦|奥地利|加拿大|澳大利亚|新加坡|印度|印尼|越南|泰国|马来西亚|以色列|俄罗斯|巴西|墨西哥|智利|阿根廷|斯洛伐克|匈牙利|波兰|捷克|土耳其|沙特|阿联酋)$/u;
/**
 * Latin words of the trade that are no organization: units, technologies, vehicle and battery types, roles,
 * markets, currencies.
 */
const NOT_NAMES = new Set(
  (
    'GWh MWh KWh kWh Wh kW MW GW TW EV EVs NEV NEVs PHEV BEV HEV REEV FCEV SUV MPV LFP NCM NCA LMFP LCO LTO CTP CTC CTB ' +
    'BMS VCU MCU OTA ADAS AI IPO CEO CFO CTO COO VP GDP CPI PMI ESG IoT V2G V2X PV SOC SOH IGBT SiC GaN MOSFET OEM ' +
    'ODM PCB LED LCD App APP PPT Model ID NO No USD RMB EUR CNY HK SZ SH HKEX NASDAQ NYSE Q1 Q2 Q3 Q4 H1 H2 TOP Top ' +
    'R&D PACK Pack GPS DC AC UPS EMS PCS ECU MPa RMB Plus Pro Max Mini Ultra Air One I II III IV V VI'
  ).split(' '),
);

/** A plant named after its company: 某某锂电池厂, 某某工厂 (the company is the Latin name before it). */
const PLANT_AFTER = /^[\u4e00-\u9fff]{0,5}?(电池厂|工厂|厂区|车间)/u;

/** Words a bare Latin name may follow as a party of a deal: 与, 和, 及, 、 or a word that stands before names. */
const PARTY_BEFORE = /(与|和|及|、|同|跟|向|为|由)$/u;
const PARTY_AFTER = /^(与|和|及|、|将|已|宣布|签署|签订|签约|合作|达成|共同)/u;

/**
 * Organizations written in Latin script: a name followed by a legal form (JUNGWOO Group Co., Ltd., Peel Hunt
 * Limited); or a bare name that stands where parties stand — after a word that comes before names (附属BCL,
 * 制造商InoBat), before its plant (某某锂电池厂), or next to an organization the rules found (与InoBat, BCL与…). Units, technologies and the
 * like are left out. Bare names need the merge policy to agree when nothing but position speaks for them.
 */
export function findLatinOrgs(context: OrgContext, known: readonly OrgMention[]): OrgMention[] {
  const { text, lexicon } = context;
  const found: OrgMention[] = [];
  const orgStarts = new Set(known.map((org) => org.start));
  const orgEnds = new Set(known.map((org) => org.end));
  for (const match of text.matchAll(LATIN_NAME)) {
    // The name's words stop where a legal form starts (HANSOL Group Co., Ltd. is HANSOL, then its form).
    const words = match[0].split(/(?=[ &-])/u);
    const legalAt = words.findIndex(
      (word, index) => index > 0 && LEGAL_WORD.test(word.replace(/^[ &-]/u, '')),
    );
    const name = legalAt > 0 ? words.slice(0, legalAt).join('') : (match[0] as string);
    let start = match.index ?? 0;
    let end = start + name.length;
    if (NOT_NAMES.has(name) || name.length < 2 || /^\d/u.test(name)) continue;
    const legal = LATIN_LEGAL.exec(text.slice(end));
    if (legal) {
      end += legal[0].length;
      const country = COUNTRY.exec(text.slice(Math.max(0, start - 5), start));
      if (country) start -= country[0].length;
      found.push({
        label: 'org',
        start,
        end,
        text: text.slice(start, end),
        orgType: 'company',
        source: 'latin',
      });
      continue;
    }
    const before = text.slice(Math.max(0, start - 6), start);
    const after = text.slice(end, end + 4);
    const afterName =
      lexicon.beforeNames.some((word) => before.endsWith(word)) || PLANT_AFTER.test(text.slice(end, end + 8));
    const besideOrg =
      (PARTY_BEFORE.test(before) && orgEnds.has(start - 1)) ||
      (PARTY_AFTER.test(after) && orgStarts.has(end + 1));
    if (!afterName && !besideOrg) continue;
    found.push({ label: 'org', start, end, text: name, orgType: 'company', source: 'latin' });
  }
  return found;
}
