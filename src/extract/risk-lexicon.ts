import { z } from 'zod';
import { parseYaml, pattern } from '../resources/yaml.js';
import { RISK_EVENT_TYPES, type RiskEventType, SEVERITIES, type Severity } from './types.js';

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
    /** A rise by a figure, with the groups `figure` and `unit` (%, 成, 倍). */
    rise: RegExp;
  };
  /** A risk named with no company is kept where it is aimed at a country's products or happened at a place… */
  countryMeasure: RegExp;
  /** …or where the clause tells of a company it does not name, or refers back to one… */
  unnamedFirm: RegExp;
  unnamedBack: RegExp;
  /** …or where an accident with casualties happened at a site. */
  accidentSite: RegExp;
  /** An organization the news is credited to: 某机构数据显示 (after the name), 据某网报道 (around it). */
  sourceAfter: RegExp;
  creditBefore: RegExp;
  creditAfter: RegExp;
  /** A regulator's measure that is decided though worded as a plan (宣布…拟征收), or provisional. */
  announcedMeasure: RegExp;
  provisionalMeasure: RegExp;
  /** A demonstrative right before a trigger: the risk already told (这一破产审查案件). */
  refersBack: RegExp;
  /** The words around the date a risk starts on: 自…起, 从…至. */
  startFrom: RegExp;
  startOn: RegExp;
  /** A customer's output hit by a supply cut (影响甲的产销): the words before and after its name. */
  impactTrigger: RegExp;
  impactBefore: RegExp;
  impactAfter: RegExp;
  /** What links two companies of one group (母公司, 关联公司), read right after the first name. */
  groupLink: RegExp;
  /** A sentence framed as a comparison with another case: it names no subject of this article's risk. */
  comparison: RegExp;
}

const PATTERN_KEYS = [
  'ignore',
  'negations',
  'rumours',
  'negatedBy',
  'modality',
  'background',
  'affected',
  'responds',
  'alternatives',
  'backReference',
  'casualties',
  'productionLost',
  'smallFire',
  'shortPause',
  'rise',
  'countryMeasure',
  'unnamedFirm',
  'unnamedBack',
  'accidentSite',
  'sourceAfter',
  'creditBefore',
  'creditAfter',
  'announcedMeasure',
  'provisionalMeasure',
  'refersBack',
  'startFrom',
  'startOn',
  'impactTrigger',
  'impactBefore',
  'impactAfter',
  'groupLink',
  'comparison',
] as const;

const levels = z.object({
  high: z.array(pattern('gu')).optional(),
  medium: z.array(pattern('gu')).optional(),
  low: z.array(pattern('gu')).optional(),
});

/** data/extract/risks.yaml: triggers by type and severity, and the words that veto, qualify or grade a risk. */
export const RISKS_FILE = z.object({
  types: z.object(
    Object.fromEntries(RISK_EVENT_TYPES.map((type) => [type, levels])) as Record<
      RiskEventType,
      typeof levels
    >,
  ),
  requires: z.partialRecord(z.enum(RISK_EVENT_TYPES), pattern()),
  noCasualties: pattern('gu'),
  ...(Object.fromEntries(PATTERN_KEYS.map((key) => [key, pattern()])) as Record<
    (typeof PATTERN_KEYS)[number],
    ReturnType<typeof pattern>
  >),
});

/** The risk lexicon from the text of its file; a mistake names the file and the entry. */
export function parseRiskLexicon(content: string, where: string): RiskLexicon {
  const raw = parseYaml(content, where, RISKS_FILE);
  const triggers = new Map<RiskEventType, { pattern: RegExp; severity: Severity }[]>();
  for (const type of RISK_EVENT_TYPES) {
    // Most severe first: where a clause matches several, the first found is the worst.
    const bySeverity = [...SEVERITIES].reverse();
    triggers.set(
      type,
      bySeverity.flatMap((severity) =>
        (raw.types[type][severity] ?? []).map((pattern) => ({ pattern, severity })),
      ),
    );
  }
  const requires = new Map<RiskEventType, RegExp>();
  for (const [type, source] of Object.entries(raw.requires))
    if (source) requires.set(type as RiskEventType, source);
  const { casualties, noCasualties, productionLost, smallFire, shortPause, rise, ...rest } = raw;
  return {
    ...rest,
    triggers,
    requires,
    scale: { casualties, noCasualties, productionLost, smallFire, shortPause, rise },
  };
}
