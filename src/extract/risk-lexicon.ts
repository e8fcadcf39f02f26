import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dataPath } from '../data-path.js';
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
      rise: regex('rise'),
    },
    countryMeasure: regex('countryMeasure'),
    unnamedFirm: regex('unnamedFirm'),
    unnamedBack: regex('unnamedBack'),
    accidentSite: regex('accidentSite'),
    sourceAfter: regex('sourceAfter'),
    creditBefore: regex('creditBefore'),
    creditAfter: regex('creditAfter'),
    announcedMeasure: regex('announcedMeasure'),
    provisionalMeasure: regex('provisionalMeasure'),
    refersBack: regex('refersBack'),
    groupLink: regex('groupLink'),
    startFrom: regex('startFrom'),
    startOn: regex('startOn'),
    impactTrigger: regex('impactTrigger'),
    impactBefore: regex('impactBefore'),
    impactAfter: regex('impactAfter'),
    comparison: regex('comparison'),
  };
  return cached;
}
