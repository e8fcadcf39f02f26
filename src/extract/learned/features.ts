import { spansOverlapping, spansWithin } from '../../annotate/spans.js';
import type { Annotated, OrgMention, Sentence, Token } from '../../annotate/types.js';

/**
 * What the learned event layer reads in a sentence: its words, with every organization name folded into one
 * placeholder word so that the model learns the wording of events, not the names in its training data.
 */
export interface SentenceView {
  sentence: Sentence;
  /** The sentence's words; an organization's words are one word `〈机构〉`. */
  words: { text: string; pos: string; start: number; end: number; org: OrgMention | null }[];
}

const ORG_WORD = '〈机构〉';

export function sentenceView(
  annotated: Annotated,
  sentence: Sentence,
  actors: readonly OrgMention[],
): SentenceView {
  const words: SentenceView['words'] = [];
  const orgs = spansWithin(actors, sentence.start, sentence.end);
  let nextOrg = 0;
  for (const token of spansOverlapping(annotated.tokens, sentence.start, sentence.end) as Token[]) {
    while (nextOrg < orgs.length && (orgs[nextOrg] as OrgMention).end <= token.start) nextOrg++;
    const org = orgs[nextOrg];
    if (org && token.start >= org.start && token.end <= org.end) {
      const last = words[words.length - 1];
      if (last?.org !== org) words.push({ text: ORG_WORD, pos: 'nt', start: org.start, end: org.end, org });
      continue;
    }
    words.push({ text: token.text, pos: token.pos, start: token.start, end: token.end, org: null });
  }
  return { sentence, words };
}

/** Words that change what a trigger reports: a plan, a negation, a past deal, a passive. */
const MODIFIERS =
  /^(拟|将|将要|计划|预计|有望|未|不|没有|尚未|曾|曾经|已|已经|此前|被|获|或|可能|正在|完成|终止|取消)$/u;
const CONNECTORS = /^(与|和|同|及|以及|、|跟|向|为|对|给)$/u;

const bucket = (count: number): string => (count >= 3 ? '3+' : String(count));

/** Features of the word at `index` as the possible trigger of an event. */
export function triggerFeatures(view: SentenceView, index: number): string[] {
  const { words } = view;
  const word = (offset: number): string => words[index + offset]?.text ?? (offset < 0 ? '^' : '$');
  const here = words[index] as SentenceView['words'][number];
  const features = [
    'bias',
    `w=${here.text}`,
    `p=${here.pos}`,
    `w-1=${word(-1)}`,
    `w+1=${word(1)}`,
    `w-2=${word(-2)}`,
    `w+2=${word(2)}`,
    `w-1w=${word(-1)}|${here.text}`,
    `ww+1=${here.text}|${word(1)}`,
    `w+1w+2=${word(1)}|${word(2)}`,
  ];
  let orgsBefore = 0;
  let orgsAfter = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]?.org) i < index ? orgsBefore++ : orgsAfter++;
  }
  features.push(`orgs<${bucket(orgsBefore)}`, `orgs>${bucket(orgsAfter)}`);
  // The clause around the word: its modifiers and connectors, and the words near it.
  let from = index;
  while (from > 0 && !/^[，,；;：:]$/u.test(words[from - 1]?.text ?? '')) from--;
  let to = index;
  while (to < words.length - 1 && !/^[，,；;。]$/u.test(words[to + 1]?.text ?? '')) to++;
  for (let i = from; i < index; i++) {
    const text = words[i]?.text ?? '';
    if (MODIFIERS.test(text)) features.push(`mod=${text}`);
    if (CONNECTORS.test(text)) features.push(`conn<${text}`);
  }
  for (let i = Math.max(0, index - 6); i <= Math.min(words.length - 1, index + 6); i++) {
    if (i !== index) features.push(`near=${here.text}|${words[i]?.text}`);
  }
  for (let i = index + 1; i <= to; i++) features.push(`after=${words[i]?.text}`);
  return features;
}

/** Features of an organization as a party of the event triggered by the word at `trigger`. */
export function partyFeatures(view: SentenceView, trigger: number, orgIndex: number, type: string): string[] {
  const { words } = view;
  const org = words[orgIndex]?.org as OrgMention;
  const before = orgIndex < trigger;
  const distance = Math.abs(orgIndex - trigger);
  const lo = Math.min(orgIndex, trigger);
  const hi = Math.max(orgIndex, trigger);
  const between = words.slice(lo + 1, hi);
  const orgsBetween = between.filter((word) => word.org).length;
  const word = (offset: number): string => words[orgIndex + offset]?.text ?? (offset < 0 ? '^' : '$');
  const side = before ? 'before' : 'after';
  const features = [
    'bias',
    `type=${type}`,
    `side=${side}`,
    `side+type=${side}|${type}`,
    `dist=${distance > 8 ? '9+' : distance}`,
    `between-orgs=${bucket(orgsBetween)}`,
    `prev=${word(-1)}`,
    `next=${word(1)}`,
    `prev2=${word(-2)}|${word(-1)}`,
    `next2=${word(1)}|${word(2)}`,
    `source=${org.source}`,
    `orgtype=${org.orgType}`,
    `trigger=${words[trigger]?.text}|${side}`,
  ];
  for (const item of between) {
    if (CONNECTORS.test(item.text)) features.push(`conn=${item.text}|${side}`);
    if (/^[，,；;：:]$/u.test(item.text)) features.push(`clause-break|${side}`);
  }
  if (between.length > 0) {
    features.push(`between-first=${between[0]?.text}`, `between-last=${between[between.length - 1]?.text}`);
  }
  return features;
}
