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
  /** Per type, the patterns (global: read with matchAll) with the severity each implies, most severe first. */
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
  /** Words that grade a risk by its scale (see `scaledSeverity`). */
  scale: {
    casualties: RegExp;
    noCasualties: RegExp;
    productionLost: RegExp;
    smallFire: RegExp;
    shortPause: RegExp;
  };
  /** A risk named with no company is kept where it is aimed at a country's products or happened at a place. */
  countryMeasure: RegExp;
  /** A sentence framed as a comparison with another case: it names no subject of this article's risk. */
  comparison: RegExp;
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
          patterns.push({ pattern: new RegExp(source, 'gu'), severity });
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
    scale: {
      casualties: regex('casualties'),
      noCasualties: new RegExp(String(raw.noCasualties), 'gu'),
      productionLost: regex('productionLost'),
      smallFire: regex('smallFire'),
      shortPause: regex('shortPause'),
    },
    countryMeasure: regex('countryMeasure'),
    comparison: regex('comparison'),
  };
  return cached;
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);
const unique = (names: string[]): string[] => [...new Set(names)];

/** Companies written as one list (甲、乙和丙), in text order. */
function listsOf(companies: readonly OrgMention[], text: string): OrgMention[][] {
  const lists: OrgMention[][] = [];
  for (const org of companies) {
    const last = lists[lists.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && /^(、|，|和|与|及|以及|及其)$/u.test(text.slice(previous.end, org.start)))
      last.push(org);
    else lists.push([org]);
  }
  return lists;
}

const OBJECT_MARK = /(向|对|给)$/u;
/** Names a risk clause gives beside its subject: the creditor who petitions, the court that rules. */
const NOT_SUBJECT_BEFORE = /(申请人|发起方|债权人|申请方|原告|起诉方)(为|是)?$/u;

/**
 * The organizations a risk clause is about: the nearest list of companies before the trigger that is not the
 * object of 向/对/给 (A向B断供: the supplier A), else the first list after it; for a regulatory action, the list it
 * is aimed at (对甲、乙、丙处以罚款). Every company of the list is a subject: one event each.
 */
function subjectsIn(
  actors: readonly OrgMention[],
  at: number,
  text: string,
  type: RiskEventType,
): OrgMention[] {
  const companies = actors.filter(
    (org) =>
      org.orgType !== 'government' &&
      !/法院$/u.test(org.text) &&
      !NOT_SUBJECT_BEFORE.test(text.slice(Math.max(0, org.start - 4), org.start)),
  );
  const lists = listsOf(companies, text);
  const before = lists.filter((list) => (list[list.length - 1] as OrgMention).end <= at);
  const isObject = (list: OrgMention[]): boolean =>
    OBJECT_MARK.test(
      text.slice(Math.max(0, (list[0] as OrgMention).start - 1), (list[0] as OrgMention).start),
    );
  if (type === 'regulatory_action') {
    const target = before.filter(isObject).at(-1);
    if (target) return target;
  }
  const agent = before.filter((list) => !isObject(list));
  return agent.at(-1) ?? before.at(-1) ?? lists.find((list) => (list[0] as OrgMention).start >= at) ?? [];
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
  /** The bodies that act in it: the regulator that fines, the court that rules, the creditor that petitions. */
  authorities: string[];
}

/** Bodies acting in a risk: a government or court, or a petitioning creditor (申请人为某公司). */
function authoritiesIn(actors: readonly OrgMention[], text: string, type: RiskEventType): OrgMention[] {
  return actors.filter(
    (org) =>
      (type === 'regulatory_action' && org.orgType === 'government') ||
      /法院$/u.test(org.text) ||
      NOT_SUBJECT_BEFORE.test(text.slice(Math.max(0, org.start - 4), org.start)),
  );
}

/**
 * A risk's severity by its scale, as the gold conventions grade it: a fire is high with casualties or a production
 * floor lost and low when small and contained; a recall under 1,000 vehicles is low; a carmaker's pause of days is
 * medium; a price rise of 30% or more is medium.
 */
function scaledSeverity(
  type: RiskEventType,
  severity: Severity,
  text: string,
  lexicon: RiskLexicon,
): Severity {
  const scale = lexicon.scale;
  switch (type) {
    case 'accident':
      if (scale.casualties.test(text.replace(scale.noCasualties, ''))) return 'high';
      if (scale.productionLost.test(text)) return 'high';
      if (scale.smallFire.test(text)) return 'low';
      return severity === 'high' ? 'medium' : severity;
    case 'recall': {
      const count = /([\d,，]+)\s*(辆|台)/u.exec(text);
      const vehicles = count ? Number((count[1] ?? '').replace(/[,，]/gu, '')) : Number.NaN;
      return Number.isFinite(vehicles) && vehicles < 1000 ? 'low' : severity;
    }
    case 'supply_disruption':
      return severity === 'high' && scale.shortPause.test(text) ? 'medium' : severity;
    case 'regulatory_action':
      return lexicon.countryMeasure.test(text) ? 'high' : severity;
    case 'price_shock': {
      const percent = /(上涨|涨幅|上调|提高|增长|涨)[^，。；]{0,8}?(\d+(\.\d+)?)\s*%/u.exec(text);
      if ((percent && Number(percent[2]) >= 30) || /(\d+|[一二两三四五六七八九十]+)倍/u.test(text))
        return 'medium';
      return severity;
    }
    default:
      return severity;
  }
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
  if (lexicon.rumours.test(sentence.text) || lexicon.comparison.test(sentence.text)) return [];
  const hits: RiskHit[] = [];
  for (const [type, patterns] of lexicon.triggers) {
    let best: { severity: Severity; at: number } | null = null;
    for (const { pattern, severity } of patterns) {
      for (const match of sentence.text.matchAll(pattern)) {
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
          !(lexicon.requires.get(type)?.test(sentence.text) ?? true)
        ) {
          continue;
        }
        if (!best || rank(severity) > rank(best.severity)) best = { severity, at };
      }
    }
    if (!best) continue;
    const actors = actorsIn(sentence, annotated);
    const subjects = subjectsIn(actors, best.at, annotated.text, type);
    const clause = clauseAround(sentence, best.at);
    const severity = scaledSeverity(type, best.severity, sentence.text, lexicon);
    const authorities =
      type === 'regulatory_action' || type === 'financial_distress'
        ? authoritiesIn(actors, annotated.text, type).map((org) => names.canonicalOf(org))
        : [];
    if (subjects.length === 0) {
      const referred = lexicon.backReference.test(clause.text) ? lastCompany : null;
      hits.push({ type, severity, sentence, at: best.at, subject: referred, authorities });
      continue;
    }
    for (const subject of subjects) {
      hits.push({ type, severity, sentence, at: best.at, subject: names.canonicalOf(subject), authorities });
    }
  }
  // A stoppage because of a fire is the fire's consequence, not an event of its own.
  const accident = hits.find((hit) => hit.type === 'accident');
  return hits.filter(
    (hit) => !(accident && hit.type === 'supply_disruption' && hit.subject === accident.subject),
  );
}

/**
 * An accident or a recall graded on everything the article says of it: casualties or a production floor lost
 * anywhere make a fire high, a small contained fire low; the vehicles of all batches recalled add up.
 */
function gradedByEvidence(
  event: { type: RiskEventType; severity: Severity; evidence: { text: string }[] },
  lexicon: RiskLexicon,
): Severity {
  const text = event.evidence.map((evidence) => evidence.text).join('\n');
  const { scale } = lexicon;
  if (event.type === 'accident') {
    if (scale.casualties.test(text.replace(scale.noCasualties, '')) || scale.productionLost.test(text))
      return 'high';
    if (scale.smallFire.test(text)) return 'low';
    return event.severity;
  }
  if (event.type === 'recall') {
    const counts = [...text.matchAll(/(\d[\d,，]*)\s*(辆|台)/gu)].map((match) =>
      Number((match[1] ?? '').replace(/[,，]/gu, '')),
    );
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (counts.length > 0 && total < 1000) return 'low';
  }
  return event.severity;
}

/** Two names of one company, as an article varies them: they share a run of five or more characters. */
function sameCore(a: string | null | undefined, b: string | null): boolean {
  if (!a || !b) return false;
  const strip = (name: string): string =>
    name.replace(/(股份有限公司|有限责任公司|有限公司|集团|公司)$/u, '');
  const [short, long] = [strip(a), strip(b)].sort((x, y) => x.length - y.length) as [string, string];
  for (let i = 0; i + 5 <= short.length; i++) if (long.includes(short.slice(i, i + 5))) return true;
  return false;
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
  title: string | null = null,
): ExtractedEvent[] {
  // An article whose headline denies a rumour reports no risk, whatever its body retells.
  if (lexicon.rumours.test(title ?? annotated.sentences[0]?.text ?? '')) return [];
  const events: (ExtractedEvent & { type: RiskEventType; severity: Severity })[] = [];
  let lastDate: string | null = null;
  let lastCompany: string | null = null;
  const edges = wordEdges(annotated);
  for (const sentence of annotated.sentences) {
    const date = dateIn(sentence, annotated);
    if (date.found) lastDate = date.value;
    const hits = hitsIn(sentence, annotated, names, lexicon, edges, lastCompany);
    for (const hit of hits) {
      const evidence = { start: sentence.start, end: sentence.end, text: sentence.text };
      // A sentence that names an event's subject speaks of that event, whoever it is about (客户…已收到调价通知).
      const named = new Set(actorsIn(sentence, annotated).map((org) => names.canonicalOf(org)));
      // Companies listed as hit together (甲、乙、丙减产) are one event each, not one.
      const listed = hits.filter((other) => other.type === hit.type && other.subject !== null).length > 1;
      const same =
        events.find(
          (event) => event.type === hit.type && hit.subject !== null && event.subject === hit.subject,
        ) ??
        events.find(
          (event) =>
            event.type === hit.type &&
            (hit.subject === null ||
              sameCore(event.subject, hit.subject) ||
              (!listed && typeof event.subject === 'string' && named.has(event.subject))),
        );
      if (same) {
        same.evidence.push(evidence);
        for (const authority of hit.authorities)
          if (!same.parties.includes(authority)) same.parties.push(authority);
        // A clause about no one in particular (碳酸锂价格暴涨) is context: it does not make the event worse.
        if ((hit.subject !== null || hit.type === 'accident') && rank(hit.severity) > rank(same.severity))
          same.severity = hit.severity;
        same.date ??= date.found ? date.value : null;
        same.location ??= placeOf(sentence, annotated);
        continue;
      }
      const location = placeOf(sentence, annotated);
      // A risk with no company is kept for a market (price), a measure against a country's products, or an
      // accident at a named place: the place is still a regional risk.
      const keptWithout =
        hit.type === 'price_shock' ||
        (hit.type === 'regulatory_action' && lexicon.countryMeasure.test(sentence.text)) ||
        (hit.type === 'accident' && location !== null);
      if (hit.subject === null && !keptWithout) continue;
      events.push({
        type: hit.type,
        date: date.found ? date.value : lastDate,
        location,
        parties: unique([...(hit.subject ? [hit.subject] : []), ...hit.authorities]),
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
  // What an article says of a risk before naming whom it hit (一电池厂突发大火…) is evidence of the named one's;
  // a subject-less price rise (碳酸锂价格暴涨) is the backdrop of a company's own, when the article has one.
  const kept = events.filter((event) => event.subject);
  for (const event of events) {
    if (event.subject) continue;
    const named = kept.find((other) => other.type === event.type);
    if (!named) kept.push(event);
    else if (event.type !== 'price_shock')
      named.evidence = [...event.evidence, ...named.evidence].sort((a, b) => a.start - b.start);
  }
  kept.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  for (const event of kept) event.severity = gradedByEvidence(event, lexicon);
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
