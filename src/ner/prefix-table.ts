import { mix } from './hash.js';

const SEED = 0x5bd1e995;

/**
 * Words to find at every position of a text without cutting substrings: each word and each of its prefixes is
 * kept as a running hash of its character codes, so a scan extends one hash character by character and stops as
 * soon as no word starts that way.
 */
export class PrefixTable<Value> {
  private readonly prefixes = new Set<number>();
  private readonly values = new Map<number, Value>();
  /** Which UTF-16 code units start a word: most characters start none, and are passed over without hashing. */
  private readonly firstUnits = new Uint8Array(65536);
  readonly longest: number;

  constructor(entries: Iterable<[string, Value]>) {
    let longest = 0;
    for (const [word, value] of entries) {
      if (word.length > 0) this.firstUnits[word.charCodeAt(0)] = 1;
      let hash = SEED;
      for (let i = 0; i < word.length; i++) {
        hash = mix(hash, word.charCodeAt(i));
        this.prefixes.add(hash);
      }
      if (!this.values.has(hash)) this.values.set(hash, value);
      longest = Math.max(longest, word.length);
    }
    this.longest = longest;
  }

  /** Calls `found(length, value)` for every word that starts at `at`, shortest first. */
  scan(text: string, at: number, found: (length: number, value: Value) => void): void {
    const stop = Math.min(text.length, at + this.longest);
    for (let i = at, hash = SEED; i < stop; i++) {
      const unit = text.charCodeAt(i);
      if (i === at && this.firstUnits[unit] !== 1) return;
      hash = mix(hash, unit);
      if (!this.prefixes.has(hash)) return;
      const value = this.values.get(hash);
      if (value !== undefined) found(i - at + 1, value);
    }
  }

  /** The longest word that starts at `at`, or null. */
  longestAt(text: string, at: number): { length: number; value: Value } | null {
    let length = 0;
    let value: Value | undefined;
    const stop = Math.min(text.length, at + this.longest);
    for (let i = at, hash = SEED; i < stop; i++) {
      const unit = text.charCodeAt(i);
      if (i === at && this.firstUnits[unit] !== 1) return null;
      hash = mix(hash, unit);
      if (!this.prefixes.has(hash)) break;
      const found = this.values.get(hash);
      if (found !== undefined) {
        length = i - at + 1;
        value = found;
      }
    }
    return value === undefined ? null : { length, value };
  }
}
