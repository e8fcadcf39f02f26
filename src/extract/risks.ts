import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Annotated, OrgMention, Sentence } from '../annotate/types.js';
import { dataPath } from '../data-path.js';
import type { OrgNames } from './names.js';
import { actorsIn, dateIn, fullestPlace, placeRun } from './sentence-facts.js';
import {
  type ExtractedEvent,
  RISK_EVENT_TYPES,
  type RiskEventType,
  SEVERITIES,
  type Severity,
} from './types.js';

export interface RiskLexicon {
  /** Per type, the patterns with the severity each implies, most severe first. */
  triggers: Map<RiskEventType, { pattern: RegExp; severity: Severity }[]>;
  negations: RegExp;
  background: RegExp;
  affected: RegExp;
  responds: RegExp;
  alternatives: RegExp;
}

let cached: RiskLexicon | null = null;

/** Reads data/extract/risks.yaml; a mistake names the file and the entry. */
export function riskLexicon(): RiskLexicon {
  if (cached) return cached;
  const file = dataPath('extract', 'risks.yaml');
  const raw = parse(readFileSync(file, 'utf8')) as {
    types: Record<string, Partial<Record<Severity, string[]>>>;
    negations: string;
    background: string;
    affected: string;
    responds: string;
    alternatives: string;
  };
  const triggers = new Map<RiskEventType, { pattern: RegExp; severity: Severity }[]>();
  for (const type of RISK_EVENT_TYPES) {
    const levels = raw.types?.[type];
    if (!levels) throw new Error(`${file}: types.${type} is missing`);
    const patterns: { pattern: RegExp; severity: Severity }[] = [];
    for (const severity of [...SEVERITIES].reverse()) {
      for (const source of levels[severity] ?? []) {
        try {
          patterns.push({ pattern: new RegExp(source, 'u'), severity });
        } catch (error) {
          throw new Error(`${file}: types.${type}.${severity}: ${(error as Error).message}`);
        }
      }
    }
    triggers.set(type, patterns);
  }
  cached = {
    triggers,
    negations: new RegExp(raw.negations, 'u'),
    background: new RegExp(raw.background, 'u'),
    affected: new RegExp(raw.affected, 'u'),
    responds: new RegExp(raw.responds, 'u'),
    alternatives: new RegExp(raw.alternatives, 'u'),
  };
  return cached;
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** The organization a risk sentence is about: the nearest one before the trigger, else the first after it. */
function subjectIn(actors: readonly OrgMention[], at: number): OrgMention | null {
  const companies = actors.filter((org) => org.orgType !== 'government');
  const before = companies.filter((org) => org.end <= at);
  return before.at(-1) ?? companies.find((org) => org.start >= at) ?? null;
}

/** A risk found in one sentence. */
interface RiskHit {
  type: RiskEventType;
  severity: Severity;
  sentence: Sentence;
  at: number;
  subject: string | null;
}

/** Offsets where the segmenter starts or ends a word. */
function wordEdges(annotated: Annotated): Set<number> {
  const edges = new Set<number>();
  for (const token of annotated.tokens) {
    edges.add(token.start);
    edges.add(token.end);
  }
  return edges;
}

function hitsIn(
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  edges: ReadonlySet<number>,
): RiskHit[] {
  if (lexicon.negations.test(sentence.text)) return [];
  const hits: RiskHit[] = [];
  for (const [type, patterns] of lexicon.triggers) {
    let best: { severity: Severity; index: number } | null = null;
    for (const { pattern, severity } of patterns) {
      const match = pattern.exec(sentence.text);
      if (!match) continue;
      const start = sentence.start + match.index;
      // A trigger straddling two words at both ends is no word of the text (诊|断 供|应链); one ending a compound
      // (产品价格|上调) is.
      if (!edges.has(start) && !edges.has(start + match[0].length)) continue;
      if (lexicon.background.test(sentence.text.slice(Math.max(0, match.index - 12), match.index))) continue;
      if (!best || rank(severity) > rank(best.severity)) best = { severity, index: match.index };
    }
    if (!best) continue;
    const at = sentence.start + best.index;
    const subject = subjectIn(actorsIn(sentence, annotated), at);
    hits.push({
      type,
      severity: best.severity,
      sentence,
      at,
      subject: subject ? names.canonicalOf(subject) : null,
    });
  }
  return hits;
}

/** Where a risk happened: the first place the sentence names, as fully as it names it. */
function placeOf(sentence: Sentence, annotated: Annotated): string | null {
  const place = annotated.places.find(
    (mention) => mention.start >= sentence.start && mention.end <= sentence.end && mention.level !== 'region',
  );
  if (!place) return null;
  const run = placeRun(annotated.places, place.start, annotated.text) ?? place.text;
  return fullestPlace(run, sentence, annotated);
}

/**
 * Risk events of one article: supply disruption, accident, recall, regulatory action, financial distress and
 * price shock, each with its subject, severity and evidence. Sentences that deny, rumour, recall an earlier
 * risk or report a resumption report none. The sentences of one type about one subject are one event; a
 * sentence without an organization adds its evidence to the article's event of that type, if there is one.
 * Organizations the article names as hit by it (客户, 受影响, 波及) and lets speak to it are its other parties.
 */
export function findRisks(
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon = riskLexicon(),
): ExtractedEvent[] {
  const events: (ExtractedEvent & { type: RiskEventType; severity: Severity })[] = [];
  let lastDate: string | null = null;
  const edges = wordEdges(annotated);
  for (const sentence of annotated.sentences) {
    const date = dateIn(sentence, annotated);
    if (date.found) lastDate = date.value;
    for (const hit of hitsIn(sentence, annotated, names, lexicon, edges)) {
      const evidence = { start: sentence.start, end: sentence.end, text: sentence.text };
      // A sentence that names an event's subject speaks of that event, whoever it is about (客户…已收到调价通知).
      const named = new Set(actorsIn(sentence, annotated).map((org) => names.canonicalOf(org)));
      const same = events.find(
        (event) =>
          event.type === hit.type &&
          (hit.subject === null ||
            event.subject === hit.subject ||
            (typeof event.subject === 'string' && named.has(event.subject))),
      );
      if (same) {
        same.evidence.push(evidence);
        if (rank(hit.severity) > rank(same.severity)) same.severity = hit.severity;
        same.date ??= date.found ? date.value : null;
        same.location ??= placeOf(sentence, annotated);
        continue;
      }
      if (hit.subject === null && hit.type !== 'price_shock') continue;
      events.push({
        type: hit.type,
        date: date.found ? date.value : lastDate,
        location: placeOf(sentence, annotated),
        parties: hit.subject ? [hit.subject] : [],
        people: [],
        domains: [],
        evidence: [evidence],
        subject: hit.subject,
        severity: hit.severity,
      });
    }
  }
  // A subject-less price rise (碳酸锂价格暴涨) is the backdrop of a company's own, when the article has one.
  const withSubject = new Set(events.filter((event) => event.subject).map((event) => event.type));
  const kept = events.filter((event) => event.subject || !withSubject.has(event.type));
  const responders = new Set(
    annotated.orgs
      .filter((org) => lexicon.responds.test(annotated.text.slice(org.end, org.end + 24)))
      .map((org) => names.canonicalOf(org)),
  );
  for (const event of kept) {
    if (!event.subject) continue;
    for (const sentence of annotated.sentences) {
      if (!lexicon.affected.test(sentence.text) || lexicon.alternatives.test(sentence.text)) continue;
      for (const org of actorsIn(sentence, annotated)) {
        const name = names.canonicalOf(org);
        if (org.orgType === 'government' || event.parties.includes(name) || !responders.has(name)) continue;
        event.parties.push(name);
      }
    }
  }
  return kept;
}
