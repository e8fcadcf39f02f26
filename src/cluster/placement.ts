import type { ClusterCandidate, ClusterPlacement } from '../store/types.js';
import { bandKeys, SAME_ARTICLE, similarity } from './minhash.js';

/** The LSH band keys a signature is looked up under. */
export const lookupBands = (signature: Uint32Array | null): number[] =>
  signature ? bandKeys(signature) : [];

/**
 * Which cluster a new document joins: that of the most similar stored article it is similar enough to be a repost
 * of, else its own. Only the first report of an article is indexed for lookups: reposts are compared with it,
 * which keeps the candidates per band few even when one story is reposted thousands of times.
 */
export function placeDocument(
  signature: Uint32Array | null,
  candidates: readonly ClusterCandidate[],
): ClusterPlacement {
  if (!signature) return { clusterId: null, nearDuplicateOf: null, bands: [] };
  let best: (ClusterCandidate & { score: number }) | null = null;
  for (const candidate of candidates) {
    const score = similarity(signature, candidate.signature);
    if (score >= SAME_ARTICLE && (!best || score > best.score)) best = { ...candidate, score };
  }
  return best
    ? { clusterId: best.clusterId, nearDuplicateOf: best.documentId, bands: [] }
    : { clusterId: null, nearDuplicateOf: null, bands: bandKeys(signature) };
}
