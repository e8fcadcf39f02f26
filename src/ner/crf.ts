import { tokenize } from '../annotate/tokens.js';
import { seededRandom, shuffle } from '../random.js';
import type { NerExample } from './cluener.js';
import { EntityLexicon } from './entity-lexicon.js';
import { FEATURES_PER_CHAR, textFeatures } from './features.js';
import { exponentiateRows, forwardBackward } from './forward-backward.js';
import type { TagSet } from './labels.js';
import { type LexicalSource, lexicalHits } from './lexical.js';
import { NerModel, type NerModelInfo } from './model.js';

const SNAPSHOT_EVERY = 500;

interface Prepared {
  rows: Int32Array;
  gold: Uint8Array;
}

export interface CrfOptions {
  tagSet: TagSet;
  epochs: number;
  seed: number;
  minCount: number;
  prune: number;
  /** Learning rate at the start; it decays as 1 / (1 + rate * l2 * step). */
  rate: number;
  /** L2 penalty per sentence. */
  l2: number;
  /** Folds for the entity-name feature (each sentence sees the names of the other folds); 0 leaves it out. */
  entityFolds: number;
  /** The lexicons whose hits the features read; the model tags with the same ones. */
  lexical: LexicalSource;
  onEpoch?: (epoch: number, model: NerModel) => void;
}

/**
 * A linear-chain CRF trained by stochastic gradient ascent on the log-likelihood with an L2 penalty; the forward
 * and backward passes run over the transitions BIOES allows, with per-position scaling instead of logarithms.
 */
export class CrfTrainer {
  private readonly keys: number[] = [];
  /** Feature weights are `scale * values`, so the L2 decay of every weight is one multiplication. */
  private values = new Float64Array(0);
  private scale = 1;
  private readonly tagSet: TagSet;
  private readonly pair: Float64Array;
  private readonly first: Float64Array;
  private readonly last: Float64Array;
  private step = 0;
  private entities: EntityLexicon | null = null;
  /** Sums of snapshots of all weights, taken every `SNAPSHOT_EVERY` sentences after the first epoch. */
  private sums = new Float64Array(0);
  private readonly pairSums: Float64Array;
  private readonly firstSums: Float64Array;
  private readonly lastSums: Float64Array;
  private snapshots = 0;

  constructor(private readonly options: CrfOptions) {
    this.tagSet = options.tagSet;
    const count = this.tagSet.count;
    this.pair = new Float64Array(count * count);
    this.first = new Float64Array(count);
    this.last = new Float64Array(count);
    this.pairSums = new Float64Array(count * count);
    this.firstSums = new Float64Array(count);
    this.lastSums = new Float64Array(count);
  }

  /** Trains once: a trainer holds the weights of one run. */
  train(examples: readonly NerExample[], info: Omit<NerModelInfo, 'epochs'>): NerModel {
    if (this.keys.length > 0) throw new Error('a CrfTrainer trains once; make a new one');
    // Each sentence sees the entity names of the other folds only, as unseen text sees those of all training data.
    const folds = this.options.entityFolds;
    const foldLexicons = Array.from({ length: folds }, (_, fold) =>
      EntityLexicon.fromExamples(
        examples.filter((_, index) => index % folds !== fold),
        this.tagSet.labels,
      ),
    );
    this.entities = folds > 0 ? EntityLexicon.fromExamples(examples, this.tagSet.labels) : null;
    const featureSets = examples.map((example, index) => {
      const tokens = tokenize(example.text);
      const hits = lexicalHits(example.text, this.options.lexical);
      return textFeatures(example.text, tokens, foldLexicons[index % folds] ?? null, hits);
    });
    const counts = new Map<number, number>();
    for (const features of featureSets) {
      for (const key of features) if (key !== 0) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const rowOfKey = new Map<number, number>();
    for (const [key, count] of counts) {
      if (count < this.options.minCount) continue;
      rowOfKey.set(key, this.keys.length);
      this.keys.push(key);
    }
    this.values = new Float64Array(this.keys.length * this.tagSet.count);
    this.sums = new Float64Array(this.keys.length * this.tagSet.count);
    const prepared: Prepared[] = examples.map((example, index) => {
      const features = featureSets[index] as Int32Array;
      const rows = new Int32Array(features.length);
      for (let k = 0; k < features.length; k++) rows[k] = rowOfKey.get(features[k] as number) ?? -1;
      return { rows, gold: this.tagSet.spansToTags(example.text.length, example.spans) };
    });
    const random = seededRandom(this.options.seed);
    const order = prepared.map((_, index) => index);
    let model = this.model({ ...info, epochs: 0 });
    for (let epoch = 1; epoch <= this.options.epochs; epoch++) {
      shuffle(order, random);
      for (const index of order) {
        this.learn(prepared[index] as Prepared);
        if (epoch > 1 && this.step % SNAPSHOT_EVERY === 0) this.snapshot();
      }
      model = this.model({ ...info, epochs: epoch });
      this.options.onEpoch?.(epoch, model);
    }
    return model;
  }

  private learn({ rows, gold }: Prepared): void {
    const n = gold.length;
    if (n === 0) {
      this.step++;
      return;
    }
    const T = this.tagSet.count;
    const rate = this.options.rate / (1 + this.options.rate * this.options.l2 * this.step);
    this.step++;
    // Unary scores: the features' weights, first and last added at the ends.
    const scores = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = i * FEATURES_PER_CHAR, stop = k + FEATURES_PER_CHAR; k < stop; k++) {
        const row = rows[k] as number;
        if (row < 0) continue;
        const offset = row * T;
        for (let tag = 0; tag < T; tag++)
          scores[base + tag] =
            (scores[base + tag] as number) + (this.values[offset + tag] as number) * this.scale;
      }
      if (i === 0)
        for (let tag = 0; tag < T; tag++) scores[tag] = (scores[tag] as number) + (this.first[tag] as number);
      if (i === n - 1)
        for (let tag = 0; tag < T; tag++)
          scores[base + tag] = (scores[base + tag] as number) + (this.last[tag] as number);
    }
    // No allowed path has weight left (every allowed tag underflowed): a step from here would be NaN.
    const lattice = forwardBackward(exponentiateRows(scores, n, T), n, this.tagSet, this.pair);
    if (!lattice) return;
    const { alpha, beta, norm, transition, potential } = lattice;
    const { allowedBefore } = this.tagSet;
    // Gradient step: observed minus expected counts, weights first decayed for the L2 penalty.
    this.scale *= 1 - rate * this.options.l2;
    if (this.scale < 1e-6) {
      for (let k = 0; k < this.values.length; k++) this.values[k] = (this.values[k] as number) * this.scale;
      this.scale = 1;
    }
    const step = rate / this.scale;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const want = gold[i] as number;
      for (let k = i * FEATURES_PER_CHAR, stop = k + FEATURES_PER_CHAR; k < stop; k++) {
        const row = rows[k] as number;
        if (row < 0) continue;
        const offset = row * T;
        for (let tag = 0; tag < T; tag++) {
          const expected = (alpha[base + tag] as number) * (beta[base + tag] as number);
          if (expected > 1e-9)
            this.values[offset + tag] = (this.values[offset + tag] as number) - step * expected;
        }
        this.values[offset + want] = (this.values[offset + want] as number) + step;
      }
      if (i === 0) {
        for (let tag = 0; tag < T; tag++)
          this.first[tag] =
            (this.first[tag] as number) - rate * (alpha[tag] as number) * (beta[tag] as number);
        this.first[want] = (this.first[want] as number) + rate;
      }
      if (i === n - 1) {
        for (let tag = 0; tag < T; tag++)
          this.last[tag] =
            (this.last[tag] as number) - rate * (alpha[base + tag] as number) * (beta[base + tag] as number);
        this.last[want] = (this.last[want] as number) + rate;
      }
      if (i > 0) {
        const previous = base - T;
        const goldPair = (gold[i - 1] as number) * T + want;
        this.pair[goldPair] = (this.pair[goldPair] as number) + rate;
        for (let to = 0; to < T; to++) {
          const carried =
            ((potential[base + to] as number) * (beta[base + to] as number)) / (norm[i] as number);
          if (carried === 0) continue;
          const before = allowedBefore[to] as Int32Array;
          for (let b = 0; b < before.length; b++) {
            const from = before[b] as number;
            const expected =
              (alpha[previous + from] as number) * (transition[from * T + to] as number) * carried;
            this.pair[from * T + to] = (this.pair[from * T + to] as number) - rate * expected;
          }
        }
      }
    }
  }

  private snapshot(): void {
    for (let k = 0; k < this.values.length; k++)
      this.sums[k] = (this.sums[k] as number) + (this.values[k] as number) * this.scale;
    for (let k = 0; k < this.pair.length; k++)
      this.pairSums[k] = (this.pairSums[k] as number) + (this.pair[k] as number);
    for (let k = 0; k < this.tagSet.count; k++) {
      this.firstSums[k] = (this.firstSums[k] as number) + (this.first[k] as number);
      this.lastSums[k] = (this.lastSums[k] as number) + (this.last[k] as number);
    }
    this.snapshots++;
  }

  /** The model with the averaged weights (the current ones before the first snapshot), small weights pruned. */
  model(info: NerModelInfo, prune = this.options.prune): NerModel {
    const averaged = this.snapshots > 0;
    const weight = (index: number): number =>
      averaged ? (this.sums[index] as number) / this.snapshots : (this.values[index] as number) * this.scale;
    const mean = (current: Float64Array, sums: Float64Array): Float32Array =>
      averaged ? Float32Array.from(sums, (sum) => sum / this.snapshots) : Float32Array.from(current);
    const keys: number[] = [];
    const starts: number[] = [0];
    const tags: number[] = [];
    const weights: number[] = [];
    for (let row = 0; row < this.keys.length; row++) {
      const offset = row * this.tagSet.count;
      const before = tags.length;
      for (let tag = 0; tag < this.tagSet.count; tag++) {
        const value = weight(offset + tag);
        if (Math.abs(value) <= prune) continue;
        tags.push(tag);
        weights.push(value);
      }
      if (tags.length === before) continue;
      keys.push(this.keys[row] as number);
      starts.push(tags.length);
    }
    return new NerModel({
      info,
      rowKeys: Int32Array.from(keys),
      rowStart: Int32Array.from(starts),
      entryTags: Uint8Array.from(tags),
      entryWeights: Float32Array.from(weights),
      pair: mean(this.pair, this.pairSums),
      first: mean(this.first, this.firstSums),
      last: mean(this.last, this.lastSums),
      entities: this.entities,
    }).withLexicons(this.options.lexical);
  }
}
