import type { OrgContext } from './orgs.js';
import type { OrgMention } from './types.js';

/** A Latin-script name: capitalised words, digits allowed (InoBat, Peel Hunt, SK On, T10). */
const LATIN_NAME = /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[ &-][A-Z][A-Za-z0-9]*)*(?![A-Za-z0-9])/gu;
/** Legal forms written after a Latin name: they make it a company's. */
const LATIN_LEGAL =
  /^(?:\s*,?\s*)(?:Group|Holdings?|Inc\.?|Corp\.?|Corporation|Co\.,?\s*Ltd\.?|Ltd\.?|Limited|LLC|PLC|plc|AG|SE|GmbH|S\.A\.|N\.V\.|AB|ASA|Oyj)(?:\s+Co\.,?\s*Ltd\.?)?/u;
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

/** Words a bare Latin name may follow as a party of a deal: 与, 和, 及, 、 or a word that stands before names. */
const PARTY_BEFORE = /(与|和|及|、|同|跟|向|为|由)$/u;
const PARTY_AFTER = /^(与|和|及|、|将|已|宣布|签署|签订|签约|合作|达成|共同)/u;

/**
 * Organizations written in Latin script: a name followed by a legal form (JUNGWOO Group Co., Ltd., Peel Hunt
 * Limited); or a bare name that stands where parties stand — after a word that comes before names (附属BCL,
 * 制造商InoBat) or next to an organization the rules found (与InoBat, BCL与…). Units, technologies and the
 * like are left out. Bare names need the merge policy to agree when nothing but position speaks for them.
 */
export function findLatinOrgs(context: OrgContext, known: readonly OrgMention[]): OrgMention[] {
  const { text, lexicon } = context;
  const found: OrgMention[] = [];
  const orgStarts = new Set(known.map((org) => org.start));
  const orgEnds = new Set(known.map((org) => org.end));
  for (const match of text.matchAll(LATIN_NAME)) {
    const name = match[0];
    const start = match.index ?? 0;
    let end = start + name.length;
    if (NOT_NAMES.has(name) || name.length < 2 || /^\d/u.test(name)) continue;
    const legal = LATIN_LEGAL.exec(text.slice(end));
    if (legal) {
      end += legal[0].length;
      found.push({
        label: 'org',
        start,
        end,
        text: text.slice(start, end),
        orgType: 'company',
        source: 'suffix',
      });
      continue;
    }
    const before = text.slice(Math.max(0, start - 6), start);
    const after = text.slice(end, end + 4);
    const afterName = lexicon.beforeNames.some((word) => before.endsWith(word));
    const besideOrg =
      (PARTY_BEFORE.test(before) && orgEnds.has(start - 1)) ||
      (PARTY_AFTER.test(after) && orgStarts.has(end + 1));
    if (!afterName && !besideOrg) continue;
    found.push({ label: 'org', start, end, text: name, orgType: 'company', source: 'latin' });
  }
  return found;
}
