import type { Annotated, OrgMention } from '../annotate/types.js';

import { LEGAL_FORMS, withoutLegalForm } from '../domain/names.js';

/** The core of an organization's name, legal ending off: 极氪智能科技公司 and 极氪智能科技 are one name. */
export const nameCore = withoutLegalForm;

const LEGAL_ENDING = new RegExp(`(${LEGAL_FORMS.join('|')})$`, 'u');

/** Government names with their long forms shortened the way the press shortens them. */
const BODY_SHORT_FORMS: [RegExp, string][] = [
  [/经济和信息化/gu, '经信'],
  [/工业和信息化/gu, '工信'],
  [/发展和改革委员会/gu, '发改委'],
  [/人民政府/gu, '政府'],
];

function shortBodyName(name: string): string {
  return BODY_SHORT_FORMS.reduce((current, [long, short]) => current.replace(long, short), name);
}

/**
 * Canonical organization names for one article: stated and inferred short forms lead to their full name, and
 * forms that differ only by a legal ending are one organization under the fullest form the article uses.
 */
export class OrgNames {
  private readonly canonicalByCore = new Map<string, string>();

  constructor(private readonly annotated: Annotated) {
    this.linkLeadingParts();
    for (const org of annotated.orgs) {
      const full = this.resolveAlias(org.text);
      const core = nameCore(full);
      const current = this.canonicalByCore.get(core);
      if (!current || full.length > current.length) this.canonicalByCore.set(core, full);
    }
  }

  private readonly leadingParts = new Map<string, string>();

  /**
   * A company named by the leading part of a full name the article also uses is that company: 江淮锂能 and
   * 江淮锂能科技有限公司, 联拓热管理 and 芜湖联拓热管理科技有限公司 (the place dropped). Bodies of other kinds
   * stay apart (生态环境部 is not 生态环境部宣传教育中心).
   */
  private linkLeadingParts(): void {
    const companies = [
      ...new Set(this.annotated.orgs.filter((org) => org.orgType === 'company').map((org) => org.text)),
    ];
    const full = companies.filter((name) => LEGAL_ENDING.test(name) || /(集团|控股)$/u.test(name));
    for (const short of companies) {
      if (short.length < 2 || this.annotated.aliases.has(short)) continue;
      const longer = full.find(
        (name) => name !== short && (name.startsWith(short) || name.slice(2).startsWith(short)),
      );
      if (longer) this.leadingParts.set(short, longer);
    }
    // A government body named without its province or city, or with the short form of its name, is the body the
    // article names in full: 嘉定区人民政府 is 上海市嘉定区人民政府; 市经信局 is 合肥市经济和信息化局.
    const bodies = [
      ...new Set(this.annotated.orgs.filter((org) => org.orgType === 'government').map((org) => org.text)),
    ];
    for (const short of bodies) {
      if (this.annotated.aliases.has(short)) continue;
      const folded = shortBodyName(short);
      const longer = bodies.find(
        (name) => name.length > short.length && shortBodyName(name).endsWith(folded),
      );
      if (longer) this.leadingParts.set(short, longer);
    }
  }

  private resolveAlias(name: string): string {
    let current = name;
    for (let hops = 0; hops < 4; hops++) {
      const next = this.annotated.aliases.get(current) ?? this.leadingParts.get(current);
      if (!next || next === current) break;
      current = next;
    }
    return current;
  }

  canonical(name: string): string {
    const full = this.resolveAlias(name);
    return this.canonicalByCore.get(nameCore(full)) ?? full;
  }

  /** Short forms used in the article, by canonical name. */
  aliasesByName(): Record<string, string[]> {
    const byName: Record<string, string[]> = {};
    for (const org of this.annotated.orgs) {
      const canonical = this.canonical(org.text);
      if (org.text === canonical) continue;
      const list = byName[canonical] ?? [];
      if (!list.includes(org.text)) list.push(org.text);
      byName[canonical] = list;
    }
    return byName;
  }

  canonicalOf(org: OrgMention): string {
    return this.canonical(org.text);
  }
}
