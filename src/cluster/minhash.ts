/**
 * MinHash signatures over character shingles, for finding reposts of one article (near-duplicates) with
 * locality-sensitive hashing: BANDS bands of ROWS rows. Two texts whose shingle sets have Jaccard similarity s
 * share at least one band with probability 1 - (1 - s^ROWS)^BANDS: 0.998 at s = 0.8, 0.08 at s = 0.3.
 */
export const BANDS = 20;
export const ROWS = 6;
export const SIGNATURE_SIZE = BANDS * ROWS;
export const SHINGLE = 5;
/** Estimated Jaccard similarity at or above which two documents are one article. */
export const SAME_ARTICLE = 0.7;

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) =>
  fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)),
);

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The text reduced to letters and digits, so that spacing and punctuation do not matter. */
function skeleton(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/**
 * The MinHash signature of a text, or null when the text is too short to compare. One-permutation hashing: each
 * shingle is hashed once and kept as the minimum of one of SIGNATURE_SIZE bins; empty bins borrow from the next
 * filled bin (rotation densification), which keeps the estimate of Jaccard similarity unbiased.
 */
export function signature(text: string): Uint32Array | null {
  const core = skeleton(text);
  if (core.length < SHINGLE * 4) return null;
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const filled = new Uint8Array(SIGNATURE_SIZE);
  for (let i = 0; i + SHINGLE <= core.length; i++) {
    const hash = fmix32(fnv1a(core, i, i + SHINGLE));
    const bin = hash % SIGNATURE_SIZE;
    const value = fmix32(hash ^ 0x5bd1e995);
    filled[bin] = 1;
    if (value < (bins[bin] as number)) bins[bin] = value;
  }
  const result = new Uint32Array(SIGNATURE_SIZE);
  for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
    let source = bin;
    let distance = 0;
    while (!filled[source]) {
      source = (source + 1) % SIGNATURE_SIZE;
      distance++;
    }
    result[bin] =
      distance === 0
        ? (bins[bin] as number)
        : fmix32((bins[source] as number) + Math.imul(distance, SEEDS[0] as number));
  }
  return result;
}

/** One 32-bit key per band: documents with an equal key in some band are candidates. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) h = fmix32(h ^ (sig[band * ROWS + row] as number));
    keys.push(h | 0);
  }
  return keys;
}

/** Estimated Jaccard similarity of the texts behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
