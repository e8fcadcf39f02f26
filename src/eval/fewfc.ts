import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Extraction, isRiskType } from '../extract/types.js';
import { sameOrg } from './score.js';

/** One sentence of FewFC (CCKS 2020 task 3): its text and its events with their arguments. */
export interface FewfcSentence {
  id: string;
  content: string;
  events: { type: string; mentions: { word: string; span: [number, number]; role: string }[] }[];
}

/**
 * FewFC's event types that Liantu's contract covers, in scoring groups: a group is detected in a sentence when the
 * extraction has an event of one of its types. 投资 and 收购 are one group because Liantu's `investment` holds both.
 */
export const FEWFC_GROUPS: readonly { name: string; fewfc: readonly string[]; liantu: readonly string[] }[] =
  [
    { name: '签署合同', fewfc: ['签署合同'], liantu: ['cooperation_agreement', 'supply_agreement'] },
    { name: '投资+收购', fewfc: ['投资', '收购'], liantu: ['investment'] },
    { name: '中标', fewfc: ['中标'], liantu: ['supply_agreement'] },
  ];

/** The tenth of FewFC's sentences kept out of the learned layer's training when it is scored: chosen by id. */
export function isFewfcDevelopment(id: string): boolean {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return (hash >>> 0) % 10 === 0;
}

/** Argument roles that name the organizations of an event: its agent and its counterparty. */
const PARTY_ROLES = new Set(['sub-org', 'obj-org', 'sub', 'obj']);

/** FewFC's types that no Liantu business type covers: an event found in such a sentence is a false event. */
const MAPPED_TYPES = new Set(FEWFC_GROUPS.flatMap((group) => group.fewfc));

/** The sentences of a FewFC JSON-lines file; a line that is not a sentence is reported with its line number. */
export async function* readFewfc(
  path: string,
  onError: (message: string) => void,
): AsyncGenerator<FewfcSentence> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as Partial<FewfcSentence>;
      if (typeof parsed.content !== 'string' || !Array.isArray(parsed.events))
        throw new Error('no "content" string or "events" list');
      yield { id: String(parsed.id ?? lineNumber), content: parsed.content, events: parsed.events };
    } catch (error) {
      onError(`${path}:${lineNumber}: ${(error as Error).message}`);
    }
  }
}

export interface FewfcCounts {
  detection: { tp: number; predicted: number; gold: number };
  parties: { tp: number; predicted: number; gold: number };
}

/** Counts per group for one sentence, plus whether an event was found where FewFC marks none of the groups. */
export interface FewfcSentenceCounts {
  groups: Record<string, FewfcCounts>;
  unmapped: boolean;
  falseEvent: boolean;
}

/**
 * A predicted party names a gold argument when the two are one organization by the project's rule (`sameOrg`) or
 * the gold word, FewFC's usual short form, is part of the predicted name (金马股份 in 黄山金马股份有限公司).
 */
function namesArgument(predicted: string, gold: string): boolean {
  return sameOrg(predicted, gold, new Map()) || (gold.length >= 2 && predicted.includes(gold));
}

function greedyMatches(predicted: readonly string[], gold: readonly string[]): number {
  const used = new Set<number>();
  let tp = 0;
  for (const name of predicted) {
    const index = gold.findIndex((word, i) => !used.has(i) && namesArgument(name, word));
    if (index < 0) continue;
    used.add(index);
    tp++;
  }
  return tp;
}

/** Scores one sentence's extraction against its FewFC events. */
export function countFewfcSentence(sentence: FewfcSentence, extraction: Extraction): FewfcSentenceCounts {
  const groups: Record<string, FewfcCounts> = {};
  const present = (group: (typeof FEWFC_GROUPS)[number]): boolean =>
    sentence.events.some((event) => group.fewfc.includes(event.type));
  // A type two groups share (supply_agreement: 签署合同 and 中标) counts for the group the sentence holds, if one does.
  const claims = (group: (typeof FEWFC_GROUPS)[number], type: string): boolean =>
    group.liantu.includes(type) &&
    (present(group) ||
      !FEWFC_GROUPS.some((other) => other !== group && present(other) && other.liantu.includes(type)));
  for (const group of FEWFC_GROUPS) {
    const goldEvents = sentence.events.filter((event) => group.fewfc.includes(event.type));
    const predictedEvents = extraction.events.filter((event) => claims(group, event.type));
    const goldParties = [
      ...new Set(
        goldEvents.flatMap((event) =>
          event.mentions.filter((mention) => PARTY_ROLES.has(mention.role)).map((mention) => mention.word),
        ),
      ),
    ];
    const predictedParties = [...new Set(predictedEvents.flatMap((event) => event.parties))];
    const detected = predictedEvents.length > 0;
    const marked = goldEvents.length > 0;
    groups[group.name] = {
      detection: { tp: detected && marked ? 1 : 0, predicted: detected ? 1 : 0, gold: marked ? 1 : 0 },
      parties: {
        tp: marked ? greedyMatches(predictedParties, goldParties) : 0,
        predicted: predictedParties.length,
        gold: goldParties.length,
      },
    };
  }
  const unmapped = !sentence.events.some((event) => MAPPED_TYPES.has(event.type));
  const business = extraction.events.filter((event) => !isRiskType(event.type));
  return { groups, unmapped, falseEvent: unmapped && business.length > 0 };
}

export interface FewfcScore {
  name: string;
  detection: { precision: number; recall: number; f1: number; tp: number; predicted: number; gold: number };
  parties: { precision: number; recall: number; f1: number; tp: number; predicted: number; gold: number };
}

function prf(counts: { tp: number; predicted: number; gold: number }) {
  const precision = counts.predicted === 0 ? 0 : counts.tp / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.tp / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** Micro-averaged detection and party scores per group, and the share of unmapped sentences given an event. */
export function scoreFewfc(counted: readonly FewfcSentenceCounts[]): {
  groups: FewfcScore[];
  unmappedSentences: number;
  falseEvents: number;
} {
  const groups = FEWFC_GROUPS.map((group) => {
    const sum = (pick: (counts: FewfcCounts) => { tp: number; predicted: number; gold: number }) =>
      counted.reduce(
        (total, sentence) => {
          const counts = pick(sentence.groups[group.name] as FewfcCounts);
          return {
            tp: total.tp + counts.tp,
            predicted: total.predicted + counts.predicted,
            gold: total.gold + counts.gold,
          };
        },
        { tp: 0, predicted: 0, gold: 0 },
      );
    return {
      name: group.name,
      detection: prf(sum((counts) => counts.detection)),
      parties: prf(sum((counts) => counts.parties)),
    };
  });
  return {
    groups,
    unmappedSentences: counted.filter((sentence) => sentence.unmapped).length,
    falseEvents: counted.filter((sentence) => sentence.falseEvent).length,
  };
}
