/** Tie types as the dashboard draws them: their order of strength and their colours (graph, legend, profile). */

import type { TieType } from './api.ts';

/** Strongest first: where a pair of organizations has several ties, the graph draws this one. */
export const TIE_ORDER = [
  'supplies',
  'invests_in',
  'cooperates',
  'hosts',
  'member_of',
] as const satisfies readonly TieType[];

export const TIE_COLOURS = {
  supplies: '#ea580c',
  invests_in: '#9333ea',
  cooperates: '#2563eb',
  hosts: '#16a34a',
  member_of: '#94a3b8',
} as const satisfies Record<TieType, string>;

/** The colour of a tie type; a type the dashboard does not know yet is drawn grey. */
export function tieColour(type: string): string {
  return (TIE_COLOURS as Record<string, string>)[type] ?? '#cbd5e1';
}

/** The rank of a tie type, 0 the strongest; unknown types after every known one. */
export function tieRank(type: string): number {
  const rank = (TIE_ORDER as readonly string[]).indexOf(type);
  return rank === -1 ? TIE_ORDER.length : rank;
}
