import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokenize } from '../annotate/tokens.js';
import type { Token } from '../annotate/types.js';
import { hashString } from './hash.js';
import type { NerScheme, NerSpan } from './labels.js';
import type { LexicalSource } from './lexical.js';
import type { NerModel } from './model.js';
import { decodeModel } from './model-file.js';

export type { NerLabel, NerScheme, NerSpan } from './labels.js';
export { CLUENER_LABELS, MSRA_LABELS } from './labels.js';
export type { LexicalSource } from './lexical.js';
export type { NerModel, ScoredSpan } from './model.js';

/** The model files of each scheme, under a data folder's `ner/`. */
export const MODEL_FILES: Record<NerScheme, string> = { cluener: 'cluener.model.gz', msra: 'msra.model.gz' };

/** The scheme `liantu ner` tags unless told otherwise: CLUENER's ten labels. */
export const DEFAULT_SCHEME: NerScheme = 'cluener';

/** The scheme annotation uses: PER, LOC and ORG, learned from MSRA's and CLUENER's news sentences together. */
export const ANNOTATION_SCHEME: NerScheme = 'msra';

/**
 * A fingerprint of the lexicon files' texts and of jieba's dictionary, written into a model when it is trained:
 * a model tagging with other lexicons than it learned from tags worse.
 */
export function lexiconFingerprint(lexiconTexts: readonly string[]): string {
  const require = createRequire(import.meta.url);
  const parts = [...lexiconTexts, String(statSync(require.resolve('@node-rs/jieba/dict.txt')).size)];
  return (hashString(parts.join('\u0000')) >>> 0).toString(16);
}

/**
 * The model in a file, tagging with the lexicons given; a warning when it was trained with other lexicons than
 * those (`fingerprint`).
 */
export function readNerModel(path: string, lexical: LexicalSource, fingerprint: string): NerModel {
  if (!existsSync(path)) throw new Error(`${path}: no NER model here (run npm run train:ner to make one)`);
  const model = decodeModel(readFileSync(path), path).withLexicons(lexical);
  if (model.info.lexicons && model.info.lexicons !== fingerprint) {
    process.emitWarning(
      `${path} was trained with other lexicons than it is given now; run npm run train:ner`,
    );
  }
  return model;
}

/** The longest piece tagged at once: the model saw sentences, and memory grows with the piece. */
const PIECE = 2000;

interface Piece {
  start: number;
  end: number;
  /** Its tokens: tokens[first] up to but not including tokens[stop]. */
  first: number;
  stop: number;
}

const BREAK = /[。！？；!?\n]/u;

/** Where to cut a long text: after a sentence end or line break when one is near, and never inside a token. */
function pieces(text: string, tokens: readonly Token[]): Piece[] {
  const cuts: Piece[] = [];
  let start = 0;
  let first = 0;
  let lastBreak = -1;
  tokens.forEach((token, index) => {
    if (token.end - start > PIECE && index > first) {
      const stop = lastBreak > first ? lastBreak : index;
      const end = (tokens[stop - 1] as Token).end;
      cuts.push({ start, end, first, stop });
      start = end;
      first = stop;
    }
    if (BREAK.test(token.text)) lastBreak = index + 1;
  });
  if (first < tokens.length || start < text.length)
    cuts.push({ start, end: text.length, first, stop: tokens.length });
  return cuts;
}

/** Entity spans in a text, tagged piece by piece; pass jieba's tokens of the text when you have them. */
export function recognize(
  model: NerModel,
  text: string,
  tokens: readonly Token[] = tokenize(text),
): NerSpan[] {
  const spans: NerSpan[] = [];
  for (const { start, end, first, stop } of pieces(text, tokens)) {
    const piece = text.slice(start, end);
    const pieceTokens = tokens
      .slice(first, stop)
      .map((token) => ({ ...token, start: token.start - start, end: token.end - start }));
    for (const span of model.tag(piece, pieceTokens)) {
      spans.push({ ...span, start: span.start + start, end: span.end + start });
    }
  }
  return spans;
}

/** Builds jieba's dictionary and the lexicon tables now rather than on the first text that needs them. */
export function warmUpTagger(model: NerModel): void {
  recognize(model, '华夏电池公司董事长李明');
}
