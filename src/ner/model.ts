import type { Token } from '../annotate/types.js';
import { pairSpread, spanProbabilities, type TransitionScores, viterbi } from './decode.js';
import type { EntityLexicon } from './entity-lexicon.js';
import { BIAS_FEATURE, FEATURES_PER_CHAR, textFeatures } from './features.js';
import { type NerScheme, type NerSpan, type TagSet, tagSetOf } from './labels.js';
import { type LexicalSource, lexicalHits } from './lexical.js';

/** Largest packed weight: 23 bits, leaving room for the sum over all features of a character in 32 bits. */
const PACKED_WEIGHT_LIMIT = (1 << 23) - 1;
if (FEATURES_PER_CHAR * PACKED_WEIGHT_LIMIT > 2 ** 31 - 1) throw new Error('packed weights could overflow');

/** What a trained model says about itself: written into the model file next to the weights. */
export interface NerModelInfo {
  format: 1 | 2;
  /** The labels it tags (format 1 models are all CLUENER's). */
  scheme: NerScheme;
  data: string;
  trainedAt: string;
  epochs: number;
  trainSentences: number;
  heldOutSentences: number;
  heldOutMicroF1: number;
  /** `lexiconFingerprint()` when the model was trained. */
  lexicons?: string;
}

/** A tagged text: per-character scores in the model's units, the best tags, and the spans they make. */
export interface TaggedText {
  emission: Int32Array;
  tags: Uint8Array;
  spans: NerSpan[];
}

/** An entity span with the probability the model gives it. */
export interface ScoredSpan extends NerSpan {
  confidence: number;
}

/** The arrays of a trained model and what it reads besides the text. */
export interface NerModelParts {
  info: NerModelInfo;
  /** The feature hash of each row. */
  rowKeys: Int32Array;
  /** Row r's weights are entries rowStart[r] .. rowStart[r + 1] - 1. */
  rowStart: Int32Array;
  entryTags: Uint8Array;
  entryWeights: Float32Array;
  pair: Float32Array;
  first: Float32Array;
  last: Float32Array;
  /** Entity names from the training data, which one feature reads. */
  entities: EntityLexicon | null;
}

/**
 * A trained tagger: sparse weights per hashed feature (a row of tag weights each), tag-pair scores, and an
 * open-addressing table from feature hash to row.
 */
export class NerModel {
  readonly info: NerModelInfo;
  readonly tagSet: TagSet;
  readonly rowKeys: Int32Array;
  readonly rowStart: Int32Array;
  readonly entryTags: Uint8Array;
  readonly entryWeights: Float32Array;
  readonly pair: Float32Array;
  readonly first: Float32Array;
  readonly last: Float32Array;
  readonly entities: EntityLexicon | null;
  /** The lexicons whose hits the features read: those the model was trained with (`withLexicons`). */
  private lexical: LexicalSource | null = null;
  private readonly slotMask: number;
  /**
   * Open addressing with linear probing, two numbers a slot: the feature hash, then where its entries are in
   * `packed` as `first << 8 | count` (-1 in an empty slot). Keeping them together saves a memory access per
   * feature, and two numbers a slot keep the table small enough for the processor's caches.
   */
  private readonly slots: Int32Array;
  /** Each entry as one integer: its weight in `unit`s shifted left by 8, its tag in the low 8 bits. */
  private readonly packed: Int32Array;
  private readonly unit: number;
  /** Transition scores with the bias folded in, for Viterbi. */
  private readonly decoding: TransitionScores;
  private readonly decodingSpread: number;

  constructor(parts: NerModelParts) {
    this.info = parts.info;
    this.tagSet = tagSetOf(parts.info.scheme);
    this.rowKeys = parts.rowKeys;
    this.rowStart = parts.rowStart;
    this.entryTags = parts.entryTags;
    this.entryWeights = parts.entryWeights;
    this.pair = parts.pair;
    this.first = parts.first;
    this.last = parts.last;
    this.entities = parts.entities;
    const { rowKeys, rowStart, entryTags, entryWeights } = parts;
    this.decoding = this.decodingScores();
    this.decodingSpread = pairSpread(this.decoding.pair, this.tagSet);
    let size = 1;
    while (size < rowKeys.length * 1.5) size <<= 1;
    this.slotMask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (let slot = 0; slot < size; slot++) this.slots[2 * slot + 1] = -1;
    if (entryTags.length >= 1 << 23)
      throw new Error('a model of more than 8 million weights cannot be packed');
    for (let row = 0; row < rowKeys.length; row++) {
      const key = rowKeys[row] as number;
      if (key === BIAS_FEATURE) continue;
      let slot = key & this.slotMask;
      while ((this.slots[2 * slot + 1] as number) >= 0) slot = (slot + 1) & this.slotMask;
      const first = rowStart[row] as number;
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = (first << 8) | ((rowStart[row + 1] as number) - first);
    }
    let largest = 0;
    for (const weight of entryWeights) largest = Math.max(largest, Math.abs(weight));
    this.unit = largest > 0 ? largest / PACKED_WEIGHT_LIMIT : 1;
    this.packed = new Int32Array(entryWeights.length);
    for (let e = 0; e < entryWeights.length; e++) {
      this.packed[e] = (Math.round((entryWeights[e] as number) / this.unit) << 8) | (entryTags[e] as number);
    }
  }

  /**
   * Every character has the bias feature, so its weights score a tag wherever it stands: for decoding they are
   * added to the scores of entering each tag (from the start or from any tag), and the feature is left out of the
   * lookup table.
   */
  private decodingScores(): TransitionScores {
    const tagCount = this.tagSet.count;
    const bias = new Float32Array(tagCount);
    const biasRow = this.rowKeys.indexOf(BIAS_FEATURE);
    if (biasRow >= 0) {
      for (let e = this.rowStart[biasRow] as number; e < (this.rowStart[biasRow + 1] as number); e++) {
        bias[this.entryTags[e] as number] = this.entryWeights[e] as number;
      }
    }
    return {
      pair: Float32Array.from(this.pair, (score, index) => score + (bias[index % tagCount] as number)),
      first: Float32Array.from(this.first, (score, tag) => score + (bias[tag] as number)),
      last: this.last,
    };
  }

  /** The model set to tag with the lexicons given (those it was trained with). */
  withLexicons(source: LexicalSource): this {
    this.lexical = source;
    return this;
  }

  /** Per-character tag scores from the features of a text, in the model's integer units (see `unit`). */
  emissionUnits(features: Int32Array, length: number): Int32Array {
    const tagCount = this.tagSet.count;
    const sums = new Int32Array(length * tagCount);
    const { slots, slotMask, packed } = this;
    for (let i = 0; i < length; i++) {
      const base = i * tagCount;
      for (let k = i * FEATURES_PER_CHAR, stop = k + FEATURES_PER_CHAR; k < stop; k++) {
        const key = features[k] as number;
        if (key === 0) continue;
        let slot = (key & slotMask) * 2;
        let where = slots[slot + 1] as number;
        while (where >= 0 && slots[slot] !== key) {
          slot = slot + 2 === slots.length ? 0 : slot + 2;
          where = slots[slot + 1] as number;
        }
        if (where < 0) continue;
        const first = where >> 8;
        for (let e = first, end = first + (where & 0xff); e < end; e++) {
          const entry = packed[e] as number;
          const at = base + (entry & 0xff);
          sums[at] = ((sums[at] as number) + (entry >> 8)) | 0;
        }
      }
    }
    return sums;
  }

  /** Per-character tag scores from the features of a text. */
  emission(features: Int32Array, length: number): Float64Array {
    return Float64Array.from(this.emissionUnits(features, length), (sum) => sum * this.unit);
  }

  /** Entity spans in a text, given jieba's tokens of the same text. */
  tag(text: string, tokens: readonly Token[]): NerSpan[] {
    return this.tagText(text, tokens).spans;
  }

  /** A text tagged, with what `confidences` needs to score its spans afterwards. */
  tagText(text: string, tokens: readonly Token[]): TaggedText {
    if (!this.lexical) throw new Error('a model tags only once its lexicons are given (withLexicons)');
    const features = textFeatures(text, tokens, this.entities, lexicalHits(text, this.lexical));
    const emission = this.emissionUnits(features, text.length);
    const tags = viterbi(emission, text.length, this.tagSet, this.decoding, this.decodingSpread, this.unit);
    return { emission, tags, spans: this.tagSet.tagsToSpans(text, tags) };
  }

  /** The probability the model gives each of some spans of a tagged text (see `spanProbabilities`). */
  confidences(tagged: TaggedText, spans: readonly NerSpan[]): number[] {
    return spanProbabilities(
      tagged.emission,
      tagged.tags.length,
      this.tagSet,
      this.decoding,
      tagged.tags,
      spans,
      this.unit,
    );
  }
}
