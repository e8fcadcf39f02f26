import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hashString } from './hash.js';
import { PrefixTable } from './prefix-table.js';

/** Longest word looked up in the dictionary; longer entries are rare idioms and names of no use here. */
const LONGEST = 8;

/**
 * The parts of speech of names: person (nr, nrt), place (ns), organization (nt), other proper noun (nz) and
 * abbreviation (j). Other words add little to the tagger and make the table (and its cache misses) far larger.
 */
const NAME_TAGS = new Set(['nr', 'nrt', 'ns', 'nt', 'nz', 'j']);

let shared: PrefixTable<number> | null = null;

/** The names in jieba's dictionary (word, frequency, part of speech), two to eight characters, with their tag's hash. */
export function wordDictionary(): PrefixTable<number> {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@node-rs/jieba/dict.txt');
  const entries: [string, number][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (!word || !tag || word.length < 2 || word.length > LONGEST) continue;
    if (!NAME_TAGS.has(tag)) continue;
    entries.push([word, hashString(tag)]);
  }
  shared = new PrefixTable(entries);
  return shared;
}

/**
 * For each character, the longest dictionary word that starts there and the longest that ends there, as
 * `length << 24 ^ tagHash` codes (0 for none).
 */
export function dictionaryHits(
  text: string,
  dictionary = wordDictionary(),
): { starts: Int32Array; ends: Int32Array } {
  const n = text.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const endLength = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    dictionary.scan(text, i, (length, tag) => {
      starts[i] = (length << 24) ^ tag;
      const last = i + length - 1;
      if (length > (endLength[last] as number)) {
        endLength[last] = length;
        ends[last] = (length << 24) ^ tag;
      }
    });
  }
  return { starts, ends };
}
