import { z } from 'zod';
import { parseYaml } from '../resources/yaml.js';
import { type ChainTaxonomy, subtree } from './taxonomy.js';

/** The kinds of sign that place a company in the chain, each weighed by the rules. */
export const ORGANIZATION_SIGNS = [
  'name',
  'business',
  'project',
  'supply',
  'listed',
  'known',
  'topic',
] as const;
export type OrganizationSign = (typeof ORGANIZATION_SIGNS)[number];

const cues = z
  .object({ before: z.array(z.string().min(1)).min(1), after: z.array(z.string().min(1)).min(1) })
  .strict();

const schema = z
  .object({
    production: z.array(z.string()).min(1),
    minScore: z.number().gt(0).lt(1),
    weights: z
      .object(Object.fromEntries(ORGANIZATION_SIGNS.map((sign) => [sign, z.number().min(0)])))
      .strict(),
    maxProductionNodes: z.number().int().min(1),
    genericTails: z.array(z.string().min(1)),
    nameEndings: z.record(z.string().min(1), z.string()),
    ignoredInNames: z.array(z.string().min(1)),
    trailingWords: z.array(z.string().min(1)),
    nonProducers: z.array(z.string().min(1)),
    projectCues: cues,
    supplyCues: cues,
    industries: z.record(z.string(), z.array(z.string()).min(1)),
  })
  .strict();

/** How organizations and events attach to the chain (data/chain-attachment.yaml). */
export interface AttachmentRules {
  /** Roots of the production subtrees. */
  production: string[];
  minScore: number;
  weights: Record<OrganizationSign, number>;
  maxProductionNodes: number;
  /** Words stripped off the end of a name before its ending is read (有限公司, 集团, 科技). */
  genericTails: string[];
  /** Name ending → the node a company of that name most often belongs to (汽车 → passenger-vehicles). */
  nameEndings: Record<string, string>;
  /** Keywords that count for nothing in a name (新材料). */
  ignoredInNames: string[];
  /** Words that may follow a phrase's last keyword for it to be the phrase's head (的, 生产, 制造商). */
  trailingWords: string[];
  /** Words of a name that mark a company making nothing (基金, 银行). */
  nonProducers: string[];
  projectCues: { before: string[]; after: string[] };
  supplyCues: { before: string[]; after: string[] };
  /** Shenwan class (level 1/2/3) → production nodes. */
  industries: Record<string, string[]>;
}

/** Reads the attachment rules; a node that is no node of the taxonomy is an error naming where it stands. */
export function parseAttachmentRules(
  content: string,
  where: string,
  taxonomy: ChainTaxonomy,
): AttachmentRules {
  const rules = parseYaml(content, where, schema) as AttachmentRules;
  const known = (id: string, at: string): void => {
    if (!taxonomy.nodes.has(id)) throw new Error(`${where}: ${at}: no chain node "${id}"`);
  };
  rules.production.forEach((id, index) => {
    known(id, `production[${index}]`);
  });
  const production = productionNodes(taxonomy, rules);
  for (const [ending, id] of Object.entries(rules.nameEndings)) known(id, `nameEndings.${ending}`);
  for (const [industry, nodes] of Object.entries(rules.industries)) {
    nodes.forEach((id, index) => {
      known(id, `industries.${industry}[${index}]`);
      if (!production.has(id))
        throw new Error(`${where}: industries.${industry}[${index}]: "${id}" is no production node`);
    });
  }
  return rules;
}

/** Every node of the production subtrees. */
export function productionNodes(
  taxonomy: ChainTaxonomy,
  rules: Pick<AttachmentRules, 'production'>,
): Set<string> {
  return new Set(rules.production.flatMap((id) => subtree(taxonomy, id)));
}
