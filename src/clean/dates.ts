/** Dates as cleaning meets them: in front matter, meta tags, metadata lines and datelines. */

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string | null {
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** A full date written with year, month and day, found anywhere in the text. */
export const FULL_DATE =
  /(?<year>(?:19|20)\d{2})\s*(?:年\s*(?<month1>\d{1,2})\s*月\s*(?<day1>\d{1,2})\s*日|[-/.](?<month2>\d{1,2})[-/.](?<day2>\d{1,2})(?!\d))/u;

/** The first full date in `text`, as `YYYY-MM-DD`, with where it stands. */
export function findFullDate(text: string): { date: string; index: number; length: number } | null {
  const pattern = new RegExp(FULL_DATE.source, 'gu');
  for (const match of text.matchAll(pattern)) {
    const groups = match.groups ?? {};
    const year = Number(groups.year);
    const month = Number(groups.month1 ?? groups.month2);
    const day = Number(groups.day1 ?? groups.day2);
    const date = ymd(year, month, day);
    if (date) return { date, index: match.index ?? 0, length: match[0].length };
  }
  return null;
}

/** The calendar date in China (UTC+8) of an instant. */
function chinaDate(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600 * 1000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/**
 * Normalises a stated date to `YYYY-MM-DD` (or `YYYY-MM` when only the month is known).
 * Dates with a time zone (RFC 2822, ISO with offset) are read as the calendar day in China.
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : chinaDate(value);
  if (typeof value === 'number' && Number.isFinite(value)) {
    const millis = value > 1e11 ? value : value * 1000;
    return chinaDate(new Date(millis));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d{10}(\d{3})?$/.test(text)) return normaliseDate(Number(text));
  const hasZone = /(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i.test(text) || /^[A-Za-z]{3},/.test(text);
  if (hasZone) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return chinaDate(instant);
  }
  const full = findFullDate(text);
  if (full) return full.date;
  const monthOnly = /((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月|[-/.](\d{1,2})(?![-/.\d]))/u.exec(text);
  if (monthOnly) {
    const month = Number(monthOnly[2] ?? monthOnly[3]);
    if (month >= 1 && month <= 12) return `${monthOnly[1]}-${pad(month)}`;
  }
  const instant = new Date(text);
  if (!Number.isNaN(instant.getTime()) && /[A-Za-z]/.test(text)) return chinaDate(instant);
  return null;
}
