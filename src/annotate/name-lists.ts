import { readFileSync } from 'node:fs';
import { dataPath } from '../data-path.js';

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

function tsvRows(file: string): string[][] {
  return readFileSync(dataPath('names', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

export function readNameLists(): NameLists {
  const names = new Map<string, ListedKind>();
  const add = (name: string, kind: ListedKind): void => {
    if (name.length >= 2 && !names.has(name)) names.set(name, kind);
  };
  for (const [full = '', shorts = ''] of tsvRows('government-bodies.tsv')) {
    add(full, 'body-full');
    for (const short of shorts.split('|')) add(short, 'body-short');
  }
  for (const [full = '', shorts = ''] of tsvRows('listed-companies.tsv')) {
    add(full, 'listed-full');
    for (const short of shorts.split('|')) add(short, 'listed-short');
  }
  return { names };
}

let shared: NameLists | null = null;

/** The name lists, read once per thread. */
export function nameLists(): NameLists {
  shared ??= readNameLists();
  return shared;
}
