import { LEGAL_OR_GROUP_ENDING } from '../domain/names.js';
import type { Extraction } from '../extract/types.js';

/** A gold file, shaped like ../shared/seeds/gold/*.gold.json. */
export interface GoldDocument {
  title: string | null;
  published: string | null;
  events: {
    type: string;
    date: string | null;
    location: string | null;
    parties: string[];
    people: { name: string; title: string | null; org: string | null; role: string }[];
    domains?: string[];
    subject?: string | null;
    severity?: string | null;
  }[];
  organizations: string[];
  people: { name: string; title: string | null }[];
  aliases?: Record<string, string[]> | null;
}

export const FIELDS = [
  'events',
  'events_strict',
  'parties',
  'people_roles',
  'organizations',
  'people',
  'people_titles',
  'dates',
  'locations',
  'risk_severity',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface FieldScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** The scorer's leniency: legal forms and group words both off (某某集团 = 某某集团有限公司 = 某某). */
const LEGAL_ENDING = LEGAL_OR_GROUP_ENDING;
/** A place's government is the place acting: 某市人民政府 = 某市政府 = 某市 (examples/gold/README.md). */
const PLACE_GOVERNMENT = /([省市县区州盟旗])(人民政府|政府)$/u;
const fold = (text: string): string => text.replace(/[\s()（）“”"'、，,·.]/gu, '').toLowerCase();

/**
 * Whether two organization names name one organization the way a careful annotator would allow: equal once legal
 * endings are off (极氪智能科技公司 = 极氪智能科技), a place the same as its government (某市 = 某市人民政府), or one
 * a short form of the other in either side's alias table.
 */
export function sameOrg(a: string, b: string, aliases: ReadonlyMap<string, string>): boolean {
  const core = (name: string): string => {
    const folded = fold(aliases.get(name) ?? name);
    const stripped = folded.replace(LEGAL_ENDING, '').replace(PLACE_GOVERNMENT, '$1');
    return stripped.length >= 2 ? stripped : folded;
  };
  return core(a) === core(b);
}

/** Greedy one-to-one matching of predicted items to gold items. */
function matchCount<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  same: (p: P, g: G) => boolean,
): number {
  const used = new Set<number>();
  let tp = 0;
  for (const item of predicted) {
    const index = gold.findIndex((candidate, i) => !used.has(i) && same(item, candidate));
    if (index >= 0) {
      used.add(index);
      tp++;
    }
  }
  return tp;
}

/** Every short form in the gold and predicted alias tables, mapped to its full name. */
function aliasMap(gold: GoldDocument, predicted: Extraction): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of [gold.aliases ?? {}, predicted.aliases ?? {}]) {
    for (const [full, shorts] of Object.entries(table)) for (const short of shorts) map.set(short, full);
  }
  return map;
}

/**
 * Gold that predates the `supply_agreement` type labels supply deals `cooperation_agreement`: where a gold document
 * has no supply agreement, a predicted one is scored as a cooperation agreement (as the maintainers' scorers do).
 */
function inGoldTypes(gold: GoldDocument, predicted: Extraction): Extraction {
  if (gold.events.some((event) => event.type === 'supply_agreement')) return predicted;
  return {
    ...predicted,
    events: predicted.events.map((event) =>
      event.type === 'supply_agreement' ? { ...event, type: 'cooperation_agreement' } : event,
    ),
  };
}

/** The counts of one document, field by field. */
export function countDocument(gold: GoldDocument, extraction: Extraction): Record<Field, Counts> {
  const predicted = inGoldTypes(gold, extraction);
  const aliases = aliasMap(gold, predicted);
  const org = (a: string, b: string): boolean => sameOrg(a, b, aliases);
  const overlaps = (a: string[], b: string[]): boolean => a.some((x) => b.some((y) => org(x, y)));
  const sameSet = (a: string[], b: string[]): boolean =>
    a.length === b.length &&
    a.every((x) => b.some((y) => org(x, y))) &&
    b.every((y) => a.some((x) => org(x, y)));
  const counts = (
    predictedItems: unknown[],
    goldItems: unknown[],
    same: (p: never, g: never) => boolean,
  ): Counts => ({
    tp: matchCount(predictedItems as never[], goldItems as never[], same),
    predicted: predictedItems.length,
    gold: goldItems.length,
  });
  const flat = <T>(events: { type: string }[], pick: (event: never) => T[]): { type: string; item: T }[] =>
    events.flatMap((event) => pick(event as never).map((item) => ({ type: event.type, item })));
  type Typed<T> = { type: string; item: T };
  const sameTitle = (a: string | null, b: string | null): boolean => fold(a ?? '') === fold(b ?? '');

  return {
    events: counts(
      predicted.events,
      gold.events,
      (p: Extraction['events'][number], g: GoldDocument['events'][number]) =>
        p.type === g.type && overlaps(p.parties, g.parties),
    ),
    events_strict: counts(
      predicted.events,
      gold.events,
      (p: Extraction['events'][number], g: GoldDocument['events'][number]) =>
        p.type === g.type && sameSet(p.parties, g.parties),
    ),
    parties: counts(
      flat(predicted.events, (event: Extraction['events'][number]) => event.parties),
      flat(gold.events, (event: GoldDocument['events'][number]) => event.parties),
      (p: Typed<string>, g: Typed<string>) => p.type === g.type && org(p.item, g.item),
    ),
    people_roles: counts(
      flat(predicted.events, (event: Extraction['events'][number]) =>
        event.people.map((person) => `${person.name}/${person.role}`),
      ),
      flat(gold.events, (event: GoldDocument['events'][number]) =>
        event.people.map((person) => `${person.name}/${person.role}`),
      ),
      (p: Typed<string>, g: Typed<string>) => p.type === g.type && p.item === g.item,
    ),
    organizations: counts(predicted.organizations, gold.organizations, (p: string, g: string) => org(p, g)),
    people: counts(
      predicted.people.map((person) => person.name),
      gold.people.map((person) => person.name),
      (p: string, g: string) => p === g,
    ),
    people_titles: counts(
      predicted.people,
      gold.people,
      (p: { name: string; title: string | null }, g: { name: string; title: string | null }) =>
        p.name === g.name && sameTitle(p.title, g.title),
    ),
    dates: counts(
      predicted.events.map((event) => `${event.type}/${event.date ?? 'null'}`),
      gold.events.map((event) => `${event.type}/${event.date ?? 'null'}`),
      (p: string, g: string) => p === g,
    ),
    risk_severity: counts(
      predicted.events.filter((event) => event.severity),
      gold.events.filter((event) => event.severity),
      (p: Extraction['events'][number], g: GoldDocument['events'][number]) =>
        p.type === g.type &&
        p.severity === g.severity &&
        (p.subject && g.subject ? org(p.subject, g.subject) : (p.subject ?? null) === (g.subject ?? null)),
    ),
    locations: counts(
      predicted.events.map((event) => ({ type: event.type, location: event.location })),
      gold.events.map((event) => ({ type: event.type, location: event.location })),
      (p: { type: string; location: string | null }, g: { type: string; location: string | null }) =>
        p.type === g.type && fold(p.location ?? 'null') === fold(g.location ?? 'null'),
    ),
  };
}

/** Event and party counts of one document per event type (the gold's types, as `countDocument` scores them). */
export function countByEventType(
  gold: GoldDocument,
  extraction: Extraction,
): Record<string, { events: Counts; parties: Counts }> {
  const predicted = inGoldTypes(gold, extraction);
  const types = new Set([
    ...gold.events.map((event) => event.type),
    ...predicted.events.map((event) => event.type),
  ]);
  const result: Record<string, { events: Counts; parties: Counts }> = {};
  for (const type of types) {
    const only = <T extends { type: string }>(events: readonly T[]): T[] =>
      events.filter((event) => event.type === type);
    const counts = countDocument(
      { ...gold, events: only(gold.events) },
      { ...predicted, events: only(predicted.events) },
    );
    result[type] = { events: counts.events, parties: counts.parties };
  }
  return result;
}

/** Precision, recall and F1 of summed counts. */
export function scoreCounts(total: Counts): FieldScore {
  const precision = total.predicted === 0 ? (total.gold === 0 ? 1 : 0) : total.tp / total.predicted;
  const recall = total.gold === 0 ? (total.predicted === 0 ? 1 : 0) : total.tp / total.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...total, precision, recall, f1 };
}

/** Micro-averaged precision, recall and F1 per field over documents. */
export function scoreAll(documents: readonly Record<Field, Counts>[]): Record<Field, FieldScore> {
  const result = {} as Record<Field, FieldScore>;
  for (const field of FIELDS) {
    const total = documents.reduce(
      (sum, doc) => ({
        tp: sum.tp + doc[field].tp,
        predicted: sum.predicted + doc[field].predicted,
        gold: sum.gold + doc[field].gold,
      }),
      { tp: 0, predicted: 0, gold: 0 },
    );
    result[field] = scoreCounts(total);
  }
  return result;
}
