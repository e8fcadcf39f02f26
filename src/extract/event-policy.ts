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
