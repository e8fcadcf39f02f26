/** A listed company's names and its Shenwan industry class (level 1/2/3), from data/names/listed-industries.tsv. */
export interface ListedIndustry {
  names: string[];
  industry: string;
}

/** Reads the listed companies' industries: `full_name \t short|names \t industry` rows, `#` lines skipped. */
export function parseListedIndustries(content: string): ListedIndustry[] {
  const rows: ListedIndustry[] = [];
  for (const line of content.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [full = '', shorts = '', industry = ''] = line.split('\t').map((cell) => cell.trim());
    const names = [full, ...shorts.split('|')].filter(Boolean);
    if (names.length && industry) rows.push({ names, industry });
  }
  return rows;
}

/**
 * The industry of a name, compared by identity key (legal form off, one script): a full name or a short name of a
 * listed company. A short name two companies share tells nothing and is dropped.
 */
export function industryIndex(
  rows: readonly ListedIndustry[],
  keyOf: (name: string) => string,
): (names: readonly string[]) => string | null {
  const byKey = new Map<string, string | null>();
  for (const row of rows) {
    for (const key of new Set(row.names.map(keyOf))) {
      if (!key) continue;
      const seen = byKey.get(key);
      byKey.set(key, seen === undefined || seen === row.industry ? row.industry : null);
    }
  }
  return (names) => {
    for (const name of names) {
      const industry = byKey.get(keyOf(name));
      if (industry) return industry;
    }
    return null;
  };
}
