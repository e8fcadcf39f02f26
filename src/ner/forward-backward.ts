import type { TagSet } from './labels.js';

/** Forward and backward scores of a tagged text, scaled per position (no logarithms). */
export interface Lattice {
  /** `alpha[i * tagCount + tag]`, each position's row normalised to sum 1 by `norm[i]`. */
  alpha: Float64Array;
  beta: Float64Array;
  norm: Float64Array;
  /** The exponentiated pair scores, `transition[from * tagCount + to]`. */
  transition: Float64Array;
  /** The exponentiated, shifted per-position scores. */
  potential: Float64Array;
}

/**
 * Exponentiates per-position tag scores in place (`scores[i * tagCount + tag]`, first and last already added),
 * each row shifted by its maximum so that exp() stays finite.
 */
export function exponentiateRows(scores: Float64Array, length: number, tagCount: number): Float64Array {
  for (let i = 0; i < length; i++) {
    const row = i * tagCount;
    let top = Number.NEGATIVE_INFINITY;
    for (let tag = 0; tag < tagCount; tag++) top = Math.max(top, scores[row + tag] as number);
    for (let tag = 0; tag < tagCount; tag++)
      scores[row + tag] = Math.exp((scores[row + tag] as number) - top);
  }
  return scores;
}

/**
 * Forward–backward over the transitions a tag set allows, scaled per position as in Rabiner's tutorial: the
 * marginal of a tag at a position is `alpha * beta` there. Null when no allowed path keeps any weight (every
 * allowed tag underflowed).
 */
export function forwardBackward(
  potential: Float64Array,
  length: number,
  tagSet: TagSet,
  pair: ArrayLike<number>,
): Lattice | null {
  const tagCount = tagSet.count;
  const { allowedBefore, canStart, canEnd } = tagSet;
  const transition = new Float64Array(tagCount * tagCount);
  for (let k = 0; k < transition.length; k++) transition[k] = Math.exp(pair[k] as number);
  const alpha = new Float64Array(length * tagCount);
  const norm = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const row = i * tagCount;
    let sum = 0;
    for (let tag = 0; tag < tagCount; tag++) {
      let value = 0;
      if (i === 0) value = canStart[tag] ? 1 : 0;
      else {
        const before = allowedBefore[tag] as Int32Array;
        for (let k = 0; k < before.length; k++) {
          const from = before[k] as number;
          value += (alpha[row - tagCount + from] as number) * (transition[from * tagCount + tag] as number);
        }
      }
      if (i === length - 1 && !canEnd[tag]) value = 0;
      value *= potential[row + tag] as number;
      alpha[row + tag] = value;
      sum += value;
    }
    if (!(sum > 0)) return null;
    norm[i] = sum;
    for (let tag = 0; tag < tagCount; tag++) alpha[row + tag] = (alpha[row + tag] as number) / sum;
  }
  const beta = new Float64Array(length * tagCount);
  const lastRow = (length - 1) * tagCount;
  for (let tag = 0; tag < tagCount; tag++) beta[lastRow + tag] = canEnd[tag] ? 1 : 0;
  for (let i = length - 2; i >= 0; i--) {
    const row = i * tagCount;
    const next = row + tagCount;
    for (let to = 0; to < tagCount; to++) {
      const carried =
        ((potential[next + to] as number) * (beta[next + to] as number)) / (norm[i + 1] as number);
      if (carried === 0) continue;
      const before = allowedBefore[to] as Int32Array;
      for (let k = 0; k < before.length; k++) {
        const from = before[k] as number;
        beta[row + from] =
          (beta[row + from] as number) + (transition[from * tagCount + to] as number) * carried;
      }
    }
  }
  return { alpha, beta, norm, transition, potential };
}
