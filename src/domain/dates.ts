/**
 * Dates as the corpus knows them: a day (2025-03-12), a month (2025-03) or a year (2025). An event reported only
 * to its month is dated to the month; comparisons treat it as every day of it.
 */
export type PartialDate = string;

/** A valid partial date, checked to the calendar: 2025, 2025-03, 2025-03-12 (not 2025-13 or 2025-02-30). */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/u;

export function isPartialDate(text: string): boolean {
  if (!PARTIAL_DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number?, number?];
  return day === undefined || new Date(Date.UTC(year, (month ?? 1) - 1, day)).getUTCDate() === day;
}

/** A partial date as given, or an error that says what is accepted (`--since takes YYYY, YYYY-MM or …`). */
export function parsePartialDate(text: string, name: string): PartialDate {
  if (!isPartialDate(text)) throw new Error(`${name} takes YYYY, YYYY-MM or YYYY-MM-DD, not "${text}"`);
  return text;
}

/** The last day a partial date stands for: 2025 → 2025-12-31, 2025-02 → 2025-02-28. */
export function lastDayOf(date: PartialDate): string {
  if (date.length === 10) return date;
  const [year, month] = date.split('-').map(Number) as [number, number | undefined];
  return new Date(Date.UTC(year, month ?? 12, 0)).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The days a date may stand for, as day numbers since 1970: one day, or every day of its month or year. */
export function dayRange(date: PartialDate | null): [number, number] | null {
  if (!date || !PARTIAL_DATE.test(date)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (day !== undefined) {
    const at = Date.UTC(year, (month as number) - 1, day) / DAY_MS;
    return [at, at];
  }
  if (month !== undefined) return [Date.UTC(year, month - 1, 1) / DAY_MS, Date.UTC(year, month, 0) / DAY_MS];
  return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
}

/** Days between two dates' ranges: 0 when they overlap (2024-03 and 2024-03-05). */
export function daysApart(a: [number, number], b: [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}

/** The earlier of two dates, either possibly unknown (compared as written: 2024-03 before 2024-03-05). */
export function earlier(a: PartialDate | null, b: PartialDate | null): PartialDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return b < a ? b : a;
}

/** The later of two dates, either possibly unknown. */
export function later(a: PartialDate | null, b: PartialDate | null): PartialDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/** The quarter a dated event falls in: 2025-05-02 → 2025Q2. */
export function quarterOf(date: PartialDate): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7) || '1') - 1) / 3) + 1}`;
}

/** Today, as the corpus writes days. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
