/** Where a name in the lists comes from; the tagger reads it as a feature, the annotator as evidence. */
export type ListedKind = 'listed-full' | 'listed-short' | 'body-full' | 'body-short';

/**
 * Organization name lists (data/names, see its README): listed companies' full names and short names, and central
 * government bodies with their abbreviations.
 */
export interface NameLists {
  /** Each name with the kind of entry it is. */
  names: Map<string, ListedKind>;
}

function tsvRows(content: string): string[][] {
  return content
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** The name lists from the texts of their two files (full name, then short forms joined by |, per line). */
export function parseNameLists(files: { governmentBodies: string; listedCompanies: string }): NameLists {
  const names = new Map<string, ListedKind>();
  const add = (name: string, kind: ListedKind): void => {
    if (name.length >= 2 && !names.has(name)) names.set(name, kind);
  };
  for (const [full = '', shorts = ''] of tsvRows(files.governmentBodies)) {
    add(full, 'body-full');
    for (const short of shorts.split('|')) add(short, 'body-short');
  }
  for (const [full = '', shorts = ''] of tsvRows(files.listedCompanies)) {
    add(full, 'listed-full');
    for (const short of shorts.split('|')) add(short, 'listed-short');
  }
  return { names };
}
