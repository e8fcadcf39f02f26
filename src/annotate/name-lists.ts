import { readFileSync } from 'node:fs';
import { dataPath } from '../data-path.js';

/** Where a name in the lists comes from; the tagger reads it as a feature, the annotator as evidence. */
export type ListedKind = 'listed-full' | 'listed-short' | 'body-full' | 'body-short';

export interface ListedName {
  kind: ListedKind;
  /** The full name of the company or body this name is a form of, when the list gives one. */
  full: string | null;
}

/**
 * Organization name lists (data/names, see its README): listed companies' full names and short names, and central
 * government bodies with their abbreviations.
 */
export interface NameLists {
  names: Map<string, ListedName>;
}

function tsvRows(file: string): string[][] {
  return readFileSync(dataPath('names', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

export function readNameLists(): NameLists {
  const names = new Map<string, ListedName>();
  const add = (name: string, entry: ListedName): void => {
    if (name.length >= 2 && !names.has(name)) names.set(name, entry);
  };
  for (const [full = '', shorts = ''] of tsvRows('government-bodies.tsv')) {
    add(full, { kind: 'body-full', full });
    for (const short of shorts.split('|')) add(short, { kind: 'body-short', full });
  }
  for (const [full = '', shorts = ''] of tsvRows('listed-companies.tsv')) {
    add(full, { kind: 'listed-full', full });
    for (const short of shorts.split('|')) add(short, { kind: 'listed-short', full: full || null });
  }
  return { names };
}

let shared: NameLists | null = null;

/** The name lists, read once per thread. */
export function nameLists(): NameLists {
  shared ??= readNameLists();
  return shared;
}
