export interface MonthlyTable {
  months: string[];
  types: string[];
  /** counts[type index][month index] */
  counts: number[][];
}

/** The monthly event counts as a dense month × type table, months in order, types by total (largest first). */
export function monthlyTable(
  monthly: readonly { month: string; type: string; events: number }[],
): MonthlyTable {
  const months = [...new Set(monthly.map((row) => row.month))].sort();
  const totals = new Map<string, number>();
  for (const row of monthly) totals.set(row.type, (totals.get(row.type) ?? 0) + row.events);
  const types = [...totals.keys()].sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b),
  );
  const monthIndex = new Map(months.map((month, i) => [month, i]));
  const typeIndex = new Map(types.map((type, i) => [type, i]));
  const counts = types.map(() => months.map(() => 0));
  for (const row of monthly) {
    const line = counts[typeIndex.get(row.type) ?? -1];
    const at = monthIndex.get(row.month);
    if (line && at !== undefined) line[at] = (line[at] ?? 0) + row.events;
  }
  return { months, types, counts };
}
