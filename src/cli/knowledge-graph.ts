import type { Liantu } from '../service.js';
import type { EntitySummary } from '../store/types.js';

/**
 * The entity a name given on the command line means (`#12` by id): an exact alias first, else a partial one; the
 * most written-about wins and the other candidates are named on stderr.
 */
export async function entityArgument(
  liantu: Liantu,
  name: string,
  kind?: 'org' | 'person',
): Promise<EntitySummary> {
  const { entity, others } = await liantu.pickEntity(name, kind);
  if (kind && entity.kind !== kind) {
    const is = (k: string): string => (k === 'person' ? 'a person' : 'an organization');
    throw new Error(`${name} is ${is(entity.kind)} (${entity.name}), not ${is(kind)}`);
  }
  if (others.length) {
    const names = others.slice(0, 5).map((other) => `${other.name} (#${other.id})`);
    process.stderr.write(
      `"${name}" may also mean: ${names.join(', ')}; showing ${entity.name} (#${entity.id})\n`,
    );
  }
  return entity;
}
