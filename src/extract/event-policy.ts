import type { BusinessEventType } from './types.js';

/** An event's trigger in a sentence, as the rules or the learned model found it. */
export interface TriggerFound {
  type: BusinessEventType;
  /** Offset of the trigger in the text. */
  at: number;
  /** Offset just past the trigger's words. */
  end: number;
  foundBy: 'rules' | 'model';
  /** The model's margin for its label over the next best (model triggers only). */
  margin?: number;
}

/** How the rules' triggers and the model's meet in one sentence. The rules then dispose: parties, vetoes, merging. */
export type EventPolicy = (
  rules: readonly TriggerFound[],
  learned: readonly TriggerFound[],
) => TriggerFound[];

/** The rules alone: the model's proposals are ignored. */
export const rulesOnly: EventPolicy = (rules) => [...rules];

/** Below this margin a model trigger is too uncertain to stand where no rule fires. */
export const MODEL_MARGIN = 2;

/**
 * The rules' triggers, and the model's for each type the rules did not find in the sentence, where the model is
 * sure (margin ≥ `MODEL_MARGIN`) and its word is not one a rule has already typed; of several model triggers of one
 * type, the surest.
 */
export const rulesThenModel: EventPolicy = (rules, learned) => {
  const found = [...rules];
  for (const proposal of [...learned].sort((a, b) => (b.margin ?? 0) - (a.margin ?? 0))) {
    if ((proposal.margin ?? 0) < MODEL_MARGIN) continue;
    if (found.some((trigger) => trigger.type === proposal.type)) continue;
    if (rules.some((trigger) => proposal.at < trigger.end && trigger.at < proposal.end)) continue;
    found.push(proposal);
  }
  return found;
};

export const EVENT_POLICIES = { rulesOnly, rulesThenModel } as const;
export type EventPolicyName = keyof typeof EVENT_POLICIES;
export const DEFAULT_EVENT_POLICY: EventPolicyName = 'rulesThenModel';

/** An organization of the trigger's sentence with the party labeller's margin for it (> 0: a party). */
export interface LabelledParty {
  name: string;
  margin: number;
}

/** How the rules' parties of an event and the party labeller's meet. */
export type PartyPolicy = (ruleParties: readonly string[], labelled: readonly LabelledParty[]) => string[];

/** The rules' parties alone. */
export const rulePartiesOnly: PartyPolicy = (ruleParties) => [...ruleParties];

/** The labeller's margin above which it may name a party the rules did not. */
export const PARTY_MARGIN = 5;

/**
 * The rules' parties, and where they found fewer than two, the organizations the labeller takes for parties with
 * a margin of at least `PARTY_MARGIN`. (Vetoing rule parties the labeller rejects lowered party F1 on news-dev and
 * on FewFC's held-out tenth, so it does not.)
 */
export const labellerFills: PartyPolicy = (ruleParties, labelled) => {
  if (ruleParties.length >= 2) return [...ruleParties];
  const sure = labelled.filter((party) => party.margin >= PARTY_MARGIN).map((party) => party.name);
  return [...new Set([...ruleParties, ...sure])];
};

export const PARTY_POLICIES = { rulePartiesOnly, labellerFills } as const;
export type PartyPolicyName = keyof typeof PARTY_POLICIES;
export const DEFAULT_PARTY_POLICY: PartyPolicyName = 'labellerFills';
