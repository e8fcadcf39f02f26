import { mix } from './hash.js';

const SEED = 0x5bd1e995;
const EMPTY = -1;
const NOT_A_WORD = -2;
/**
 * Words to find at every position of a text without cutting substrings: each word and each of its prefixes is
 * kept as a running hash of its character codes, so a scan extends one hash character by character and stops as
 * soon as no word starts that way. The hashes live in one open-addressing table of typed arrays (a prefix's slot
 * holds the index of the word's value, or -2 for a prefix that is no word), which keeps a scan to a few memory
 * reads per character.
 */
export class PrefixTable<Value> {
  private readonly hashes: Int32Array;
  /** Per slot: EMPTY, NOT_A_WORD for a bare prefix, or the index of the word's value in `values`. */
  private readonly entries: Int32Array;
  private readonly mask: number;
  private readonly values: Value[] = [];
  /** Which UTF-16 code units start a word: most characters start none, and are passed over without hashing. */
  private readonly firstUnits = new Uint8Array(65536);
  readonly longest: number;

  constructor(entries: Iterable<[string, Value]>) {
    const list = [...entries];
    let prefixCount = 0;
    for (const [word] of list) prefixCount += word.length;
    let size = 16;
    while (size < prefixCount * 2) size <<= 1;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.entries = new Int32Array(size).fill(EMPTY);
    let longest = 0;
    for (const [word, value] of list) {
      if (word.length === 0) continue;
      this.firstUnits[word.charCodeAt(0)] = 1;
      let hash = SEED;
      for (let i = 0; i < word.length; i++) {
        hash = mix(hash, word.charCodeAt(i));
        const slot = this.slotOf(hash);
        const last = i === word.length - 1;
        if (this.entries[slot] === EMPTY) {
          this.hashes[slot] = hash;
          this.entries[slot] = NOT_A_WORD;
        }
        if (last && this.entries[slot] === NOT_A_WORD) {
          this.entries[slot] = this.values.length;
          this.values.push(value);
        }
      }
      longest = Math.max(longest, word.length);
    }
    this.longest = longest;
  }

  /** The slot of a hash: where it is, or the empty slot where it would go. */
  private slotOf(hash: number): number {
    let slot = Math.imul(hash, 0x9e3779b1) & this.mask;
    while (this.entries[slot] !== EMPTY && this.hashes[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** Calls `found(length, value)` for every word that starts at `at`, shortest first. */
  scan(text: string, at: number, found: (length: number, value: Value) => void): void {
    const stop = Math.min(text.length, at + this.longest);
    for (let i = at, hash = SEED; i < stop; i++) {
      const unit = text.charCodeAt(i);
      if (i === at && this.firstUnits[unit] !== 1) return;
      hash = mix(hash, unit);
      const entry = this.entries[this.slotOf(hash)] as number;
      if (entry === EMPTY) return;
      if (entry >= 0) found(i - at + 1, this.values[entry] as Value);
    }
  }

  /** The longest word that starts at `at`, or null. */
  longestAt(text: string, at: number): { length: number; value: Value } | null {
    let length = 0;
    let index = -1;
    const stop = Math.min(text.length, at + this.longest);
    for (let i = at, hash = SEED; i < stop; i++) {
      const unit = text.charCodeAt(i);
      if (i === at && this.firstUnits[unit] !== 1) return null;
      hash = mix(hash, unit);
      const entry = this.entries[this.slotOf(hash)] as number;
      if (entry === EMPTY) break;
      if (entry >= 0) {
        length = i - at + 1;
        index = entry;
      }
    }
    return index < 0 ? null : { length, value: this.values[index] as Value };
  }
}
