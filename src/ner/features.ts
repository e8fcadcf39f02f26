import type { Token } from '../annotate/types.js';
import { dictionaryHits } from './dictionary.js';
import type { EntityLexicon } from './entity-lexicon.js';
import { finish, hashString, mix } from './hash.js';
import type { LexicalHits } from './lexical.js';

/** Features per character; a slot holds a feature's hash, or 0 where the feature does not apply. */
export const FEATURES_PER_CHAR = 31;

const SEED = 0x2545f491;

function feature(template: number, a: number, b = 0, c = 0): number {
  return finish(mix(mix(mix(mix(SEED, template), a), b), c));
}

/** The feature every character has: its weights are a per-tag bias, which the model folds into its transitions. */
export const BIAS_FEATURE = feature(0, 0);

const BEFORE_TEXT = -1;
const AFTER_TEXT = -2;

/** Characters as the features see them: digits fold to 0, Latin letters to lower case, full width to half width. */
function normalizedCodes(text: string): Int32Array {
  const codes = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (code >= 48 && code <= 57) code = 48;
    else if (code >= 65 && code <= 90) code += 32;
    codes[i] = code;
  }
  return codes;
}

interface WordView {
  /** For each character: its word's index in the token list. */
  wordOf: Int32Array;
  wordHash: Int32Array;
  posHash: Int32Array;
  wordStart: Int32Array;
  wordLength: Int32Array;
}

function wordView(length: number, tokens: readonly Token[]): WordView {
  const wordOf = new Int32Array(length).fill(-1);
  const count = tokens.length;
  const view: WordView = {
    wordOf,
    wordHash: new Int32Array(count),
    posHash: new Int32Array(count),
    wordStart: new Int32Array(count),
    wordLength: new Int32Array(count),
  };
  tokens.forEach((token, index) => {
    view.wordHash[index] = hashString(token.text);
    view.posHash[index] = hashString(token.pos);
    view.wordStart[index] = token.start;
    view.wordLength[index] = token.end - token.start;
    for (let i = token.start; i < token.end && i < length; i++) wordOf[i] = index;
  });
  return view;
}

/**
 * The features of every character of a text, `FEATURES_PER_CHAR` hashes per character: characters and character
 * pairs around it, jieba's words and part-of-speech tags, lexicon and name-list hits, and the entity names
 * learned from training data when a lexicon of them is given.
 */
export function textFeatures(
  text: string,
  tokens: readonly Token[],
  entities: EntityLexicon | null,
  hits: LexicalHits,
) {
  const n = text.length;
  const codes = normalizedCodes(text);
  const at = (i: number): number => (i < 0 ? BEFORE_TEXT : i >= n ? AFTER_TEXT : (codes[i] as number));
  const words = wordView(n, tokens);
  const dictionary = dictionaryHits(text);
  const known = entities?.coverage(text) ?? new Int32Array(n);
  const out = new Int32Array(n * FEATURES_PER_CHAR);
  const f = feature;
  for (let i = 0; i < n; i++) {
    const m2 = at(i - 2);
    const m1 = at(i - 1);
    const c0 = at(i);
    const p1 = at(i + 1);
    const p2 = at(i + 2);
    const slot = i * FEATURES_PER_CHAR;
    out[slot] = BIAS_FEATURE;
    out[slot + 1] = f(1, m2);
    out[slot + 2] = f(2, m1);
    out[slot + 3] = f(3, c0);
    out[slot + 4] = f(4, p1);
    out[slot + 5] = f(5, p2);
    out[slot + 6] = f(6, m2, m1);
    out[slot + 7] = f(7, m1, c0);
    out[slot + 8] = f(8, c0, p1);
    out[slot + 9] = f(9, p1, p2);
    out[slot + 10] = f(10, m1, c0, p1);
    out[slot + 11] = f(11, m1, p1);
    const word = words.wordOf[i] ?? -1;
    if (word >= 0) {
      const start = words.wordStart[word] as number;
      const length = words.wordLength[word] as number;
      const place = length === 1 ? 4 : i === start ? 1 : i === start + length - 1 ? 3 : 2;
      const pos = words.posHash[word] as number;
      const previousPos = word > 0 ? (words.posHash[word - 1] as number) : BEFORE_TEXT;
      const nextPos = word + 1 < tokens.length ? (words.posHash[word + 1] as number) : AFTER_TEXT;
      const previousWord = word > 0 ? (words.wordHash[word - 1] as number) : BEFORE_TEXT;
      const nextWord = word + 1 < tokens.length ? (words.wordHash[word + 1] as number) : AFTER_TEXT;
      out[slot + 12] = f(12, place, words.wordHash[word] as number);
      out[slot + 13] = f(13, place, previousPos, pos);
      out[slot + 14] = f(14, place, pos, nextPos);
      out[slot + 15] = f(15, place, previousWord);
      out[slot + 16] = f(16, place, nextWord);
      out[slot + 17] = f(17, place, pos, c0);
    }
    out[slot + 18] = hits.orgSuffix[i] ? f(18, hits.orgSuffix[i] as number) : 0;
    out[slot + 19] = hits.title[i] ? f(19, hits.title[i] as number) : 0;
    out[slot + 20] = hits.place[i] ? f(20, hits.place[i] as number) : 0;
    out[slot + 21] = hits.knownOrg[i] ? f(21, hits.knownOrg[i] as number) : 0;
    out[slot + 22] = hits.surname[i]
      ? f(22, hits.surname[i] as number, word >= 0 ? (words.wordLength[word] as number) : 0)
      : 0;
    out[slot + 23] = hits.bracket[i] ? f(23, hits.bracket[i] as number) : 0;
    out[slot + 24] = dictionary.starts[i] ? f(24, dictionary.starts[i] as number) : 0;
    out[slot + 25] = dictionary.ends[i] ? f(25, dictionary.ends[i] as number) : 0;
    out[slot + 26] = f(26, m2, m1, c0);
    out[slot + 27] = f(27, c0, p1, p2);
    out[slot + 28] = known[i] ? f(28, known[i] as number) : 0;
    out[slot + 29] = word > 0 ? f(29, words.wordHash[word - 1] as number, words.wordHash[word] as number) : 0;
    out[slot + 30] = hits.listed[i] ? f(30, hits.listed[i] as number) : 0;
  }
  return out;
}
