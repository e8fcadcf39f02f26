import type { Sentence } from '../../annotate/types.js';
import type { BusinessEventType as EventType, Evidence } from '../types.js';

/** An event as found in one sentence, before people and domains are attached. */
export interface EventCandidate {
  type: EventType;
  sentence: Sentence;
  /** Offset of the trigger in the text. */
  at: number;
  parties: string[];
  date: string | null;
  location: string | null;
  evidence: Evidence[];
  /** Whether a rule or the learned model found the trigger. */
  foundBy: 'rules' | 'model';
  /** Supply agreements: the supplying and the buying party, where the sentence says. */
  supplier?: string | null;
  customer?: string | null;
  /** Investments: the party invested in (bought, entered, financed); null for a project investment. */
  target?: string | null;
}

/** Agreements between parties: cooperation and supply. */
export const isAgreement = (type: string): boolean =>
  type === 'cooperation_agreement' || type === 'supply_agreement';

export function unique(names: string[]): string[] {
  return [...new Set(names)];
}
