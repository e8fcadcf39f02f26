import { z } from 'zod';
import { parseYaml } from '../resources/yaml.js';
import { type ChainTaxonomy, subtree } from './taxonomy.js';

/** How organizations and events attach to the chain (data/chain-attachment.yaml). */
export interface AttachmentRules {
  /** Roots of the production subtrees. */
  production: string[];
  minScore: number;
}

const schema = z
  .object({
    production: z.array(z.string()).min(1),
    minScore: z.number().gt(0).lt(1),
  })
  .strict();

/** Reads the attachment rules; a root that is no node of the taxonomy is an error naming it. */
export function parseAttachmentRules(
  content: string,
  where: string,
  taxonomy: ChainTaxonomy,
): AttachmentRules {
  const rules = parseYaml(content, where, schema);
  rules.production.forEach((id, index) => {
    if (!taxonomy.nodes.has(id)) throw new Error(`${where}: production[${index}]: no chain node "${id}"`);
  });
  return rules;
}

/** Every node of the production subtrees. */
export function productionNodes(
  taxonomy: ChainTaxonomy,
  rules: Pick<AttachmentRules, 'production'>,
): Set<string> {
  return new Set(rules.production.flatMap((id) => subtree(taxonomy, id)));
}
