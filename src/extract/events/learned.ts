import { spansWithin } from '../../annotate/spans.js';
import type { Annotated, Sentence } from '../../annotate/types.js';
import type { LabelledParty, TriggerFound } from '../event-policy.js';
import { type EventModel, partyScore, proposeTriggers } from '../learned/event-model.js';
import { sentenceView } from '../learned/features.js';
import type { OrgNames } from '../names.js';
import { actorsIn } from '../sentence-facts.js';
import type { BusinessEventType as EventType } from '../types.js';
import { inNounPhrase } from './parties.js';

/** More words, then a closing quote: the name is part of a quoted title (“某中心筹备工作启动会”). */
const PART_OF_QUOTED_NAME = /^[^，。；：“”"《》]{1,20}[”"》]/u;

/** The organizations of a sentence with the party labeller's margin for each as a party of the event at `at`. */
export function labelledParties(
  model: EventModel,
  sentence: Sentence,
  at: number,
  type: EventType,
  annotated: Annotated,
  names: OrgNames,
): LabelledParty[] {
  const view = sentenceView(annotated, sentence, actorsIn(sentence, annotated));
  const trigger = view.words.findIndex((word) => word.end > at);
  if (trigger < 0) return [];
  // Bodies and places host deals in industry news; the labeller, trained on financial news, knows none of that.
  return view.words.flatMap((word, index) =>
    word.org &&
    word.org.orgType !== 'government' &&
    !inNounPhrase(word.org, at, annotated.text) &&
    word.org.source !== 'actor' &&
    !PART_OF_QUOTED_NAME.test(annotated.text.slice(word.org.end, word.org.end + 24))
      ? [{ name: names.canonicalOf(word.org), margin: partyScore(model, view, trigger, index, type) }]
      : [],
  );
}

/** The model's triggers in a sentence, organizations read as the rules found them. */
export function learnedTriggers(model: EventModel, sentence: Sentence, annotated: Annotated): TriggerFound[] {
  const words = spansWithin(annotated.tokens, sentence.start, sentence.end);
  if (!words.some((word) => model.triggerWords.has(word.text))) return [];
  const view = sentenceView(annotated, sentence, actorsIn(sentence, annotated));
  return proposeTriggers(model, view).map((proposal) => ({
    type: proposal.type,
    at: proposal.at,
    end: proposal.end,
    foundBy: 'model',
    margin: proposal.margin,
  }));
}
