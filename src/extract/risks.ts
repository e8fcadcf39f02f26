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
  requires: Map<RiskEventType, RegExp>;
  ignore: RegExp;
  negations: RegExp;
  rumours: RegExp;
  negatedBy: RegExp;
  modality: RegExp;
  background: RegExp;
  affected: RegExp;
  responds: RegExp;
  alternatives: RegExp;
  backReference: RegExp;
}

let cached: RiskLexicon | null = null;

/** Reads data/extract/risks.yaml; a mistake names the file and the entry. */
export function riskLexicon(): RiskLexicon {
  if (cached) return cached;
  const file = dataPath('extract', 'risks.yaml');
  const raw = parse(readFileSync(file, 'utf8')) as {
    types: Record<string, Partial<Record<Severity, string[]>>>;
    requires: Partial<Record<RiskEventType, string>>;
    [pattern: string]: unknown;
  };
  const regex = (name: string): RegExp => {
    const source = raw[name];
    if (typeof source !== 'string') throw new Error(`${file}: ${name}: expected a pattern`);
    try {
      return new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`${file}: ${name}: ${(error as Error).message}`);
    }
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
  const requires = new Map<RiskEventType, RegExp>();
  for (const [type, source] of Object.entries(raw.requires ?? {})) {
    if (source) requires.set(type as RiskEventType, new RegExp(source, 'u'));
  }
  cached = {
    triggers,
    requires,
    ignore: regex('ignore'),
    negations: regex('negations'),
    rumours: regex('rumours'),
    negatedBy: regex('negatedBy'),
    modality: regex('modality'),
    background: regex('background'),
    affected: regex('affected'),
    responds: regex('responds'),
    alternatives: regex('alternatives'),
    backReference: regex('backReference'),
  };
  return cached;
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/**
 * The organization a risk clause is about: the nearest company before the trigger that is not the object of
 * 向/对/给 (A向B断供: the supplier A), else the first after it.
 */
function subjectIn(actors: readonly OrgMention[], at: number, text: string): OrgMention | null {
  const companies = actors.filter((org) => org.orgType !== 'government');
  const before = companies.filter((org) => org.end <= at);
  const agent = before.filter(
    (org) => !/(向|对|给)$/u.test(text.slice(Math.max(0, org.start - 1), org.start)),
  );
  return agent.at(-1) ?? before.at(-1) ?? companies.find((org) => org.start >= at) ?? null;
}

/** The clause of a sentence around an offset: between the nearest ，；：, before and after it. */
function clauseAround(sentence: Sentence, at: number): { start: number; text: string } {
  const offset = at - sentence.start;
  const before = Math.max(
    ...['，', '；', '：', ',', ';'].map((mark) => sentence.text.lastIndexOf(mark, offset - 1)),
  );
  const afterAll = ['，', '；', '：', ',', ';']
    .map((mark) => sentence.text.indexOf(mark, offset))
    .filter((index) => index >= 0);
  const end = afterAll.length ? Math.min(...afterAll) : sentence.text.length;
  return { start: sentence.start + before + 1, text: sentence.text.slice(before + 1, end) };
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
  lastCompany: string | null,
): RiskHit[] {
  if (lexicon.rumours.test(sentence.text)) return [];
  const hits: RiskHit[] = [];
  for (const [type, patterns] of lexicon.triggers) {
    let best: { severity: Severity; at: number } | null = null;
    for (const { pattern, severity } of patterns) {
      const global = new RegExp(pattern.source, 'gu');
      for (const match of sentence.text.matchAll(global)) {
        const at = sentence.start + (match.index ?? 0);
        if (!edges.has(at + match[0].length)) continue;
        const clause = clauseAround(sentence, at);
        const lead = annotated.text.slice(clause.start, at);
        if (
          lexicon.ignore.test(clause.text) ||
          lexicon.negations.test(clause.text) ||
          lexicon.negatedBy.test(lead) ||
          lexicon.modality.test(lead) ||
          lexicon.background.test(annotated.text.slice(Math.max(sentence.start, at - 12), at)) ||
          !(lexicon.requires.get(type)?.test(clause.text) ?? true)
        ) {
          continue;
        }
        if (!best || rank(severity) > rank(best.severity)) best = { severity, at };
      }
    }
    if (!best) continue;
    const actors = actorsIn(sentence, annotated);
    const subject = subjectIn(actors, best.at, annotated.text);
    const clause = clauseAround(sentence, best.at);
    const referred = !subject && lexicon.backReference.test(clause.text) ? lastCompany : null;
    hits.push({
      type,
      severity: best.severity,
      sentence,
      at: best.at,
      subject: subject ? names.canonicalOf(subject) : referred,
    });
  }
  // A stoppage because of a fire is the fire's consequence, not an event of its own.
  const accident = hits.find((hit) => hit.type === 'accident');
  return hits.filter(
    (hit) => !(accident && hit.type === 'supply_disruption' && hit.subject === accident.subject),
  );
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
  let lastCompany: string | null = null;
  const edges = wordEdges(annotated);
  for (const sentence of annotated.sentences) {
    const date = dateIn(sentence, annotated);
    if (date.found) lastDate = date.value;
    for (const hit of hitsIn(sentence, annotated, names, lexicon, edges, lastCompany)) {
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
        // A clause about no one in particular (碳酸锂价格暴涨) is context: it does not make the event worse.
        if (hit.subject !== null && rank(hit.severity) > rank(same.severity)) same.severity = hit.severity;
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
    const first = actorsIn(sentence, annotated).find((org) => org.orgType !== 'government');
    if (first) lastCompany = names.canonicalOf(first);
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
