import { createHash } from 'node:crypto';

/**
 * A stable number for an entity from what identifies it, so that ids survive a rebuild of the graph (links,
 * exports and Neo4j MERGE keep working). 48 bits: safe in JavaScript, collisions negligible at corpus scale.
 */
export function stableId(identity: string): number {
  return createHash('sha1').update(identity).digest().readUIntBE(0, 6);
}
