import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { EVENT_TYPES, SEVERITIES, type Severity } from '../extract/types.js';

/** A rule as written in YAML: which events it looks at, and whether it fires per event or on a spike. */
export interface AlertRule {
  id: string;
  description: string | null;
  types: string[] | null;
  minSeverity: Severity;
  entities: string[] | null;
  segments: string[] | null;
  regions: string[] | null;
  spike: SpikeTest | null;
}

export interface SpikeTest {
  days: number;
  baselineDays: number;
  alpha: number;
  minCount: number;
}

function list(value: unknown, where: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`${where}: expected a list of words`);
  }
  return value as string[];
}

function positive(value: unknown, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) throw new Error(`${where}: expected a positive number`);
  return value;
}

/** Reads alert rules; every mistake names the file and the rule. */
export function parseAlertRules(content: string, where: string): AlertRule[] {
  const raw = (parse(content) ?? {}) as { rules?: unknown };
  if (!Array.isArray(raw.rules)) throw new Error(`${where}: expected a rules: list`);
  const seen = new Set<string>();
  return raw.rules.map((entry: unknown, index): AlertRule => {
    const at = `${where}: rules[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${at}: expected id:, types:, …`);
    const rule = entry as Record<string, unknown>;
    if (typeof rule.id !== 'string' || !rule.id) throw new Error(`${at}: id: is required`);
    if (seen.has(rule.id)) throw new Error(`${at}: id ${rule.id} is used twice`);
    seen.add(rule.id);
    const types = list(rule.types, `${at}.types`);
    for (const type of types ?? []) {
      if (!(EVENT_TYPES as readonly string[]).includes(type)) {
        throw new Error(`${at}.types: unknown event type ${type} (one of ${EVENT_TYPES.join(', ')})`);
      }
    }
    const minSeverity = rule.minSeverity ?? 'low';
    if (!SEVERITIES.includes(minSeverity as Severity)) {
      throw new Error(`${at}.minSeverity: expected one of ${SEVERITIES.join(', ')}`);
    }
    let spike: SpikeTest | null = null;
    if (rule.spike !== undefined) {
      const test = rule.spike as Record<string, unknown>;
      spike = {
        days: positive(test.days, `${at}.spike.days`, 30),
        baselineDays: positive(test.baselineDays, `${at}.spike.baselineDays`, 365),
        alpha: positive(test.alpha, `${at}.spike.alpha`, 0.01),
        minCount: positive(test.minCount, `${at}.spike.minCount`, 3),
      };
    }
    return {
      id: rule.id,
      description: typeof rule.description === 'string' ? rule.description : null,
      types,
      minSeverity: minSeverity as Severity,
      entities: list(rule.entities, `${at}.entities`),
      segments: list(rule.segments, `${at}.segments`),
      regions: list(rule.regions, `${at}.regions`),
      spike,
    };
  });
}

export function readAlertRules(path: string): AlertRule[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the alert rules (${(error as Error).message})`);
  }
  return parseAlertRules(content, path);
}
