import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { BusinessEventType } from '../types.js';
import { partyFeatures, type SentenceView, triggerFeatures } from './features.js';
import { bestLabel, type LinearModel, labelScores, modelFromJson } from './perceptron.js';

/** The event types the learned layer proposes: those its training data (FewFC) marks. */
export const LEARNED_TYPES = ['cooperation_agreement', 'investment', 'supply_agreement'] as const;
export type LearnedType = (typeof LEARNED_TYPES)[number] & BusinessEventType;
export const isLearnedType = (type: string): type is LearnedType =>
  (LEARNED_TYPES as readonly string[]).includes(type);
export const TRIGGER_LABELS = ['none', ...LEARNED_TYPES] as const;
export const PARTY_LABELS = ['other', 'party'] as const;

/** The model's file under a data folder. */
export const EVENT_MODEL_FILE = ['extract', 'event-model.json.gz'] as const;

/** The learned layer: which words may trigger an event, the trigger classifier, and the party labeller. */
export interface EventModel {
  triggerWords: ReadonlySet<string>;
  trigger: LinearModel;
  party: LinearModel;
}

export interface EventModelFile {
  format: 1;
  source: string;
  licence: string;
  triggerWords: string[];
  trigger: { labels: string[]; weights: Record<string, number[]> };
  party: { labels: string[]; weights: Record<string, number[]> };
}

/** The model in a file; null where there is none (the rules then work alone). */
export function readEventModel(path: string): EventModel | null {
  if (!existsSync(path)) return null;
  try {
    return eventModelFromFile(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as EventModelFile);
  } catch (error) {
    throw new Error(`${path}: not an event model (${(error as Error).message})`);
  }
}

export function eventModelFromFile(file: EventModelFile): EventModel {
  if (file.format !== 1) throw new Error(`event model format ${String(file.format)} is not known`);
  return {
    triggerWords: new Set(file.triggerWords),
    trigger: modelFromJson(file.trigger),
    party: modelFromJson(file.party),
  };
}

/** An event the model proposes: its type, the word that triggers it, and the margin of its label over the next. */
export interface TriggerProposal {
  type: LearnedType;
  word: number;
  at: number;
  end: number;
  margin: number;
}

/** The events a sentence's words trigger, by the model. */
export function proposeTriggers(model: EventModel, view: SentenceView): TriggerProposal[] {
  const proposals: TriggerProposal[] = [];
  view.words.forEach((word, index) => {
    if (word.org || !model.triggerWords.has(word.text)) return;
    const { label, margin } = bestLabel(model.trigger, triggerFeatures(view, index));
    if (label === 'none') return;
    proposals.push({ type: label as LearnedType, word: index, at: word.start, end: word.end, margin });
  });
  return proposals;
}

/** How strongly the model takes the organization at `orgIndex` for a party of the event at `trigger` (> 0: yes). */
export function partyScore(
  model: EventModel,
  view: SentenceView,
  trigger: number,
  orgIndex: number,
  type: string,
): number {
  const scores = labelScores(model.party, partyFeatures(view, trigger, orgIndex, type));
  return (scores[1] as number) - (scores[0] as number);
}
