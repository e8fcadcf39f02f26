import type { Annotated, OrgMention } from '../annotate/types.js';

const LEGAL_ENDING = /(股份有限公司|有限责任公司|有限公司|公司)$/u;

/** The core of an organization's name, legal ending off: 极氪智能科技公司 and 极氪智能科技 are one name. */
export function nameCore(name: string): string {
  const core = name.replace(LEGAL_ENDING, '');
  return core.length >= 2 ? core : name;
}

/**
 * Canonical organization names for one article: stated and inferred short forms lead to their full name, and
 * forms that differ only by a legal ending are one organization under the fullest form the article uses.
 */
export class OrgNames {
  private readonly canonicalByCore = new Map<string, string>();

  constructor(private readonly annotated: Annotated) {
    for (const org of annotated.orgs) {
      const full = this.resolveAlias(org.text);
      const core = nameCore(full);
      const current = this.canonicalByCore.get(core);
      if (!current || full.length > current.length) this.canonicalByCore.set(core, full);
    }
  }

  private resolveAlias(name: string): string {
    let current = name;
    for (let hops = 0; hops < 4; hops++) {
      const next = this.annotated.aliases.get(current);
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
