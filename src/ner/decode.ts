import { TAG_COUNT, TRANSITIONS } from './labels.js';

/** Scores of tag pairs and of the first and last tag, shared by training and tagging. */
export interface TransitionScores {
  /** `pair[from * TAG_COUNT + to]` */
  pair: Float64Array | Float32Array;
  first: Float64Array | Float32Array;
  last: Float64Array | Float32Array;
}

/** Tags after which a new entity (or outside) may start: outside, End and Single; the same set for every opener. */
const CLOSERS = Int32Array.from({ length: TAG_COUNT }, (_, tag) => tag).filter((tag) =>
  (TRANSITIONS.allowedBefore[0] as Int32Array).includes(tag),
);
const OPENS = TRANSITIONS.canStart;

/** The widest gap between two allowed pair scores: a predecessor that far behind the best one cannot win. */
export function pairSpread(pair: TransitionScores['pair']): number {
  let low = Infinity;
  let high = -Infinity;
  for (let to = 0; to < TAG_COUNT; to++) {
    for (const from of TRANSITIONS.allowedBefore[to] as Int32Array) {
      const score = pair[from * TAG_COUNT + to] as number;
      low = Math.min(low, score);
      high = Math.max(high, score);
    }
  }
  return high - low;
}

let bestScratch = new Float64Array(0);
let backScratch = new Uint8Array(0);
const aliveScratch = new Int32Array(CLOSERS.length);

/** Work arrays kept between calls are at most this large; a longer text gets arrays of its own. */
const SCRATCH_LIMIT = 1 << 20;

/** Work arrays for Viterbi, kept between calls (one set per thread) so that short texts allocate nothing. */
function scratch(size: number): { best: Float64Array; back: Uint8Array } {
  if (size > SCRATCH_LIMIT) return { best: new Float64Array(size), back: new Uint8Array(size) };
  if (bestScratch.length < size) {
    bestScratch = new Float64Array(Math.min(SCRATCH_LIMIT, Math.max(size, bestScratch.length * 2)));
    backScratch = new Uint8Array(bestScratch.length);
  }
  return { best: bestScratch, back: backScratch };
}

/**
 * The best well-formed tag sequence for `length` characters given per-character tag scores
 * (`emission[i * TAG_COUNT + tag]`): Viterbi over the transitions BIOES allows. Into an opening tag, only
 * predecessors within the pair-score spread of the best closing tag are tried, which cannot change the result.
 * Callers that decode many texts with the same scores pass the spread, computed once with `pairSpread`.
 */
export function viterbi(
  emission: ArrayLike<number>,
  length: number,
  scores: TransitionScores,
  spread = pairSpread(scores.pair),
  /** What one unit of `emission` is worth, for emission scores kept as integers. */
  unit = 1,
): Uint8Array {
  const tags = new Uint8Array(length);
  if (length === 0) return tags;
  const { allowedBefore, canEnd } = TRANSITIONS;
  const { pair } = scores;
  const { best, back } = scratch(length * TAG_COUNT);
  const alive = aliveScratch;
  for (let tag = 0; tag < TAG_COUNT; tag++) {
    best[tag] = OPENS[tag] ? (emission[tag] as number) * unit + (scores.first[tag] as number) : -Infinity;
  }
  for (let i = 1; i < length; i++) {
    const row = i * TAG_COUNT;
    const previousRow = row - TAG_COUNT;
    let top = -Infinity;
    for (let c = 0; c < CLOSERS.length; c++)
      top = Math.max(top, best[previousRow + (CLOSERS[c] as number)] as number);
    let aliveCount = 0;
    for (let c = 0; c < CLOSERS.length; c++) {
      const from = CLOSERS[c] as number;
      if ((best[previousRow + from] as number) >= top - spread) alive[aliveCount++] = from;
    }
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      let bestScore = -Infinity;
      let bestFrom = 0;
      if (OPENS[tag]) {
        for (let k = 0; k < aliveCount; k++) {
          const from = alive[k] as number;
          const score = (best[previousRow + from] as number) + (pair[from * TAG_COUNT + tag] as number);
          if (score > bestScore) {
            bestScore = score;
            bestFrom = from;
          }
        }
      } else {
        const before = allowedBefore[tag] as Int32Array;
        for (let k = 0; k < before.length; k++) {
          const from = before[k] as number;
          const score = (best[previousRow + from] as number) + (pair[from * TAG_COUNT + tag] as number);
          if (score > bestScore) {
            bestScore = score;
            bestFrom = from;
          }
        }
      }
      best[row + tag] = bestScore + (emission[row + tag] as number) * unit;
      back[row + tag] = bestFrom;
    }
  }
  const lastRow = (length - 1) * TAG_COUNT;
  let top = -Infinity;
  let tag = 0;
  for (let candidate = 0; candidate < TAG_COUNT; candidate++) {
    if (!canEnd[candidate]) continue;
    const score = (best[lastRow + candidate] as number) + (scores.last[candidate] as number);
    if (score > top) {
      top = score;
      tag = candidate;
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    tags[i] = tag;
    tag = back[i * TAG_COUNT + tag] as number;
  }
  return tags;
}
