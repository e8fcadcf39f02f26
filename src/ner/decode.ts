import { exponentiateRows, forwardBackward } from './forward-backward.js';
import type { TagSet } from './labels.js';

/** Scores of tag pairs and of the first and last tag, shared by training and tagging. */
export interface TransitionScores {
  /** `pair[from * tagCount + to]` */
  pair: Float64Array | Float32Array;
  first: Float64Array | Float32Array;
  last: Float64Array | Float32Array;
}

/** The widest gap between two allowed pair scores: a predecessor that far behind the best one cannot win. */
export function pairSpread(pair: TransitionScores['pair'], tagSet: TagSet): number {
  let low = Infinity;
  let high = -Infinity;
  for (let to = 0; to < tagSet.count; to++) {
    for (const from of tagSet.allowedBefore[to] as Int32Array) {
      const score = pair[from * tagSet.count + to] as number;
      low = Math.min(low, score);
      high = Math.max(high, score);
    }
  }
  return high - low;
}

let bestScratch = new Float64Array(0);
let backScratch = new Uint8Array(0);
let aliveScratch = new Int32Array(16);

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
 * (`emission[i * tagSet.count + tag]`): Viterbi over the transitions BIOES allows. Into an opening tag, only
 * predecessors within the pair-score spread of the best closing tag are tried, which cannot change the result.
 * Callers that decode many texts with the same scores pass the spread, computed once with `pairSpread`.
 */
export function viterbi(
  emission: ArrayLike<number>,
  length: number,
  tagSet: TagSet,
  scores: TransitionScores,
  spread = pairSpread(scores.pair, tagSet),
  /** What one unit of `emission` is worth, for emission scores kept as integers. */
  unit = 1,
): Uint8Array {
  const tags = new Uint8Array(length);
  if (length === 0) return tags;
  const { allowedBefore, canEnd, canStart: opens, closers } = tagSet;
  const tagCount = tagSet.count;
  const { pair } = scores;
  const { best, back } = scratch(length * tagCount);
  if (aliveScratch.length < closers.length) aliveScratch = new Int32Array(closers.length);
  const alive = aliveScratch;
  for (let tag = 0; tag < tagCount; tag++) {
    best[tag] = opens[tag] ? (emission[tag] as number) * unit + (scores.first[tag] as number) : -Infinity;
  }
  for (let i = 1; i < length; i++) {
    const row = i * tagCount;
    const previousRow = row - tagCount;
    let top = -Infinity;
    for (let c = 0; c < closers.length; c++)
      top = Math.max(top, best[previousRow + (closers[c] as number)] as number);
    let aliveCount = 0;
    for (let c = 0; c < closers.length; c++) {
      const from = closers[c] as number;
      if ((best[previousRow + from] as number) >= top - spread) alive[aliveCount++] = from;
    }
    for (let tag = 0; tag < tagCount; tag++) {
      let bestScore = -Infinity;
      let bestFrom = 0;
      if (opens[tag]) {
        for (let k = 0; k < aliveCount; k++) {
          const from = alive[k] as number;
          const score = (best[previousRow + from] as number) + (pair[from * tagCount + tag] as number);
          if (score > bestScore) {
            bestScore = score;
            bestFrom = from;
          }
        }
      } else {
        const before = allowedBefore[tag] as Int32Array;
        for (let k = 0; k < before.length; k++) {
          const from = before[k] as number;
          const score = (best[previousRow + from] as number) + (pair[from * tagCount + tag] as number);
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
  const lastRow = (length - 1) * tagCount;
  let top = -Infinity;
  let tag = 0;
  for (let candidate = 0; candidate < tagCount; candidate++) {
    if (!canEnd[candidate]) continue;
    const score = (best[lastRow + candidate] as number) + (scores.last[candidate] as number);
    if (score > top) {
      top = score;
      tag = candidate;
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    tags[i] = tag;
    tag = back[i * tagCount + tag] as number;
  }
  return tags;
}

/**
 * How sure the model is of each entity of a decoded tag sequence: the probability, over all well-formed tag
 * sequences, that the characters of the entity carry exactly its tags. Forward–backward over the allowed
 * transitions with each position's scores exponentiated once and scaled to sum 1 (as training does), so no
 * logarithm is taken per cell. `spans` gives the entities' [start, end) offsets.
 */
export function spanProbabilities(
  emission: ArrayLike<number>,
  length: number,
  tagSet: TagSet,
  scores: TransitionScores,
  tags: Uint8Array,
  spans: readonly { start: number; end: number }[],
  unit = 1,
): number[] {
  if (spans.length === 0 || length === 0) return [];
  const tagCount = tagSet.count;
  const rowScores = new Float64Array(length * tagCount);
  for (let i = 0; i < length; i++) {
    for (let tag = 0; tag < tagCount; tag++) {
      let score = (emission[i * tagCount + tag] as number) * unit;
      if (i === 0) score += scores.first[tag] as number;
      if (i === length - 1) score += scores.last[tag] as number;
      rowScores[i * tagCount + tag] = score;
    }
  }
  const lattice = forwardBackward(exponentiateRows(rowScores, length, tagCount), length, tagSet, scores.pair);
  if (!lattice) return spans.map(() => 0);
  const { alpha, beta, norm, transition, potential } = lattice;
  return spans.map(({ start, end }) => {
    let probability = alpha[start * tagCount + (tags[start] as number)] as number;
    for (let i = start + 1; i < end; i++) {
      const from = tags[i - 1] as number;
      const tag = tags[i] as number;
      probability *=
        ((transition[from * tagCount + tag] as number) * (potential[i * tagCount + tag] as number)) /
        (norm[i] as number);
    }
    probability *= beta[(end - 1) * tagCount + (tags[end - 1] as number)] as number;
    return Math.min(1, probability);
  });
}
