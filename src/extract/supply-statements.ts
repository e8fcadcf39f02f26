import type { Annotated } from '../annotate/types.js';
import type { OrgNames } from './names.js';
import { statedSupplies } from './supply.js';
import type { SupplyStatement } from './types.js';

/**
 * Who supplies whom, as the article states it between two companies, in any sentence (为乙供货, 是乙的供应商,
 * 乙的电池供应商甲, 甲的客户包括乙): the supply ties of the chain beyond the deals reported as events.
 */
export function supplyStatements(annotated: Annotated, names: OrgNames): SupplyStatement[] {
  const statements: SupplyStatement[] = [];
  const seen = new Set<string>();
  for (const sentence of annotated.sentences) {
    const companies = annotated.orgs.filter(
      (org) => org.start >= sentence.start && org.end <= sentence.end && org.orgType === 'company',
    );
    if (companies.length < 2) continue;
    for (const { supplier, customer } of statedSupplies(annotated.text, companies)) {
      const [from, to] = [names.canonicalOf(supplier), names.canonicalOf(customer)];
      const key = `${from}\u0000${to}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      statements.push({
        supplier: from,
        customer: to,
        evidence: { start: sentence.start, end: sentence.end, text: sentence.text },
      });
    }
  }
  return statements;
}
