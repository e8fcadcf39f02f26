const DAY_MS = 86_400_000;

/** The days a date may stand for, as day numbers since 1970: one day, or every day of a month. */
export function dayRange(date: string | null): [number, number] | null {
  if (!date) return null;
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || Number.isNaN(year) || Number.isNaN(month)) return null;
  if (day !== undefined && !Number.isNaN(day)) {
    const at = Date.UTC(year, month - 1, day) / DAY_MS;
    return [at, at];
  }
  return [Date.UTC(year, month - 1, 1) / DAY_MS, Date.UTC(year, month, 0) / DAY_MS];
}

/** Days between two dates' ranges: 0 when they overlap (2024-03 and 2024-03-05). */
export function daysApart(a: [number, number], b: [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}
