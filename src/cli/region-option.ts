import { findNode } from '../chain/taxonomy.js';
import { parseRegion } from '../resolve/index.js';
import type { Region } from '../resolve/types.js';
import { cliResources } from './resources-option.js';

/** --region: a province and/or city as written (浙江, 宁波, 浙江省宁波市). */
export function regionArgument(value: string): Region {
  const region = parseRegion(value, cliResources().places);
  if (!region) throw new Error(`--region: "${value}" names no province or city`);
  return region;
}

/** --segment: a chain node by id, name or keyword. */
export function segmentArgument(value: string): string {
  const node = findNode(cliResources().taxonomy, value);
  if (!node) throw new Error(`--segment: no chain node "${value}" (liantu chain lists them)`);
  return node.id;
}
