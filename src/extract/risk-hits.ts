import type { Annotated, Sentence } from '../annotate/types.js';
import { graver } from '../domain/severity.js';
import type { OrgNames } from './names.js';
import type { RiskLexicon } from './risk-lexicon.js';
import { scaledSeverity } from './risk-scale.js';
import {
  authoritiesIn,
  companiesIn,
  impactedCustomer,
  inGroupWithOther,
  subjectsIn,
} from './risk-subjects.js';
import { actorsIn } from './sentence-facts.js';
import type { RiskEventType, Severity } from './types.js';

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
export interface RiskHit {
  type: RiskEventType;
  severity: Severity;
  sentence: Sentence;
  at: number;
  subject: string | null;
  /**
   * Its other parties: the bodies that act in it (the regulator that fines, the court that rules, the creditor that
   * petitions) and the supplier whose cut hit the subject.
   */
  others: string[];
  /** Told as the risk already reported (这一破产审查案件的出现): evidence of it, never an event of its own. */
  refersBack: boolean;
  /** The subject is written as the group company of another one named (甲母公司乙): its own event. */
  linked: boolean;
  /** About a company the article does not name (一家车企, 这家企业): kept with a null subject. */
  unnamed: boolean;
}

/** Offsets where the segmenter starts or ends a word. */
export function wordEdges(annotated: Annotated): Set<number> {
  const edges = new Set<number>();
  for (const token of annotated.tokens) {
    edges.add(token.start);
    edges.add(token.end);
  }
  return edges;
}

/** Whom a clause without a named company speaks of: the company last named, or one the article does not name. */
export interface Referent {
  name: string | null;
}

/** A trigger the clause makes a plan or a guess (计划停产, 可能减产), but a regulator's decided measure. */
function isPlanned(
  type: RiskEventType,
  sentence: Sentence,
  clause: { start: number; text: string },
  at: number,
  text: string,
  lexicon: RiskLexicon,
): boolean {
  if (!lexicon.modality.test(text.slice(clause.start, at))) return false;
  if (type !== 'regulatory_action') return true;
  return !(
    lexicon.announcedMeasure.test(text.slice(sentence.start, at)) ||
    lexicon.provisionalMeasure.test(clause.text)
  );
}

/** The most severe trigger of a type in a sentence that reports it as a fact, and where it stands. */
function bestTrigger(
  type: RiskEventType,
  patterns: readonly { pattern: RegExp; severity: Severity }[],
  sentence: Sentence,
  annotated: Annotated,
  lexicon: RiskLexicon,
  edges: ReadonlySet<number>,
): { severity: Severity; at: number; word: string } | null {
  let best: { severity: Severity; at: number; word: string } | null = null;
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
        isPlanned(type, sentence, clause, at, annotated.text, lexicon) ||
        lexicon.background.test(annotated.text.slice(Math.max(sentence.start, at - 12), at)) ||
        !(lexicon.requires.get(type)?.test(sentence.text) ?? true)
      ) {
        continue;
      }
      if (!best || graver(best.severity, severity) !== best.severity) best = { severity, at, word: match[0] };
    }
  }
  return best;
}

/** Where a trigger stands: its type, its most severe form and its offset. */
interface Trigger {
  type: RiskEventType;
  severity: Severity;
  at: number;
  word: string;
}

/**
 * The hits of one trigger, one per subject: the companies the clause is about, or the customer a supply cut is told
 * by its hit on (the supplier is then a party); with no company, whom the clause refers back to, if anyone.
 */
function hitsOf(
  trigger: Trigger,
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  last: Referent | null,
): RiskHit[] {
  const { type, at } = trigger;
  const actors = actorsIn(sentence, annotated);
  const companies = companiesIn(actors, annotated.text, lexicon);
  const found = subjectsIn(companies, at, annotated.text, type);
  const customer =
    type === 'supply_disruption' && lexicon.impactTrigger.test(trigger.word)
      ? impactedCustomer(companies, at, annotated.text, lexicon)
      : null;
  const severity = scaledSeverity(type, trigger.severity, sentence.text, lexicon);
  const clause = clauseAround(sentence, at);
  const authorities =
    type === 'regulatory_action' || type === 'financial_distress'
      ? authoritiesIn(actors, annotated.text, type)
      : [];
  const hit: RiskHit = {
    type,
    severity: customer && severity === 'high' ? 'medium' : severity,
    sentence,
    at,
    subject: null,
    others: [...authorities, ...(customer ? found : [])].map((org) => names.canonicalOf(org)),
    // 这一破产审查案件 tells of the risk already reported, unless the sentence first names whom it is about.
    refersBack:
      lexicon.refersBack.test(annotated.text.slice(clause.start, at)) &&
      !companies.some((org) => org.end <= at),
    linked: false,
    unnamed: false,
  };
  const subjects = customer ? [customer] : found;
  if (subjects.length > 0) {
    return subjects.map((subject) => {
      const name = names.canonicalOf(subject);
      return { ...hit, subject: name, linked: inGroupWithOther(name, sentence, annotated, names, lexicon) };
    });
  }
  if (lexicon.unnamedFirm.test(clause.text)) return [{ ...hit, unnamed: true }];
  const refers = lexicon.backReference.test(clause.text) || lexicon.unnamedBack.test(clause.text);
  const referred = refers ? last : null;
  return [{ ...hit, subject: referred?.name ?? null, unnamed: referred?.name === null }];
}

export function hitsIn(
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
  edges: ReadonlySet<number>,
  last: Referent | null,
): RiskHit[] {
  if (lexicon.rumours.test(sentence.text)) return [];
  const hits: RiskHit[] = [];
  for (const [type, patterns] of lexicon.triggers) {
    const best = bestTrigger(type, patterns, sentence, annotated, lexicon, edges);
    if (best) hits.push(...hitsOf({ type, ...best }, sentence, annotated, names, lexicon, last));
  }
  // A stoppage because of a fire is the fire's consequence, not an event of its own.
  const accident = hits.find((hit) => hit.type === 'accident');
  return hits.filter(
    (hit) => !(accident && hit.type === 'supply_disruption' && hit.subject === accident.subject),
  );
}

/** Whom the next clause without a name may mean, after a sentence: the company it names, or an unnamed one. */
export function referentAfter(
  sentence: Sentence,
  annotated: Annotated,
  names: OrgNames,
  lexicon: RiskLexicon,
): Referent | null {
  const first = companiesIn(actorsIn(sentence, annotated), annotated.text, lexicon)[0];
  if (first) return { name: names.canonicalOf(first) };
  return lexicon.unnamedFirm.test(sentence.text) ? { name: null } : null;
}
