import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokenize } from '../annotate/tokens.js';
import type { Token } from '../annotate/types.js';
import { dataPath } from '../data-path.js';
import { hashString } from './hash.js';
import type { NerScheme, NerSpan } from './labels.js';
import type { NerModel } from './model.js';
import { decodeModel } from './model-file.js';

export type { NerLabel, NerScheme, NerSpan } from './labels.js';
export { CLUENER_LABELS, MSRA_LABELS } from './labels.js';
export type { NerModel, ScoredSpan } from './model.js';

/** Where `npm run train:ner` writes a scheme's model and where the project loads it from. */
export function modelPathOf(scheme: NerScheme): string {
  return dataPath('ner', `${scheme}.model.gz`);
}

/** The model `liantu ner` uses unless told otherwise: CLUENER's ten labels. */
export const DEFAULT_MODEL_PATH = modelPathOf('cluener');

/** The model annotation uses: PER, LOC and ORG, learned from MSRA's and CLUENER's news sentences together. */
export const ANNOTATION_MODEL_PATH = modelPathOf('msra');

const loaded = new Map<string, NerModel>();

/** The files whose words the features read: a model trained with other versions of them tags worse. */
const LEXICON_FILES = [
  ['annotate', 'surnames.txt'],
  ['annotate', 'titles.yaml'],
  ['annotate', 'org-suffixes.yaml'],
  ['annotate', 'known-orgs.yaml'],
  ['names', 'listed-companies.tsv'],
  ['names', 'government-bodies.tsv'],
] as const;

/** A fingerprint of the lexicons and of jieba's dictionary, written into a model when it is trained. */
export function lexiconFingerprint(): string {
  const require = createRequire(import.meta.url);
  const parts = LEXICON_FILES.map((parts) => readFileSync(dataPath(...parts), 'utf8'));
  parts.push(String(statSync(require.resolve('@node-rs/jieba/dict.txt')).size));
  return (hashString(parts.join('\u0000')) >>> 0).toString(16);
}

/** The model at a path, read once per thread; a warning when the lexicons changed since it was trained. */
export function loadNerModel(path = DEFAULT_MODEL_PATH): NerModel {
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) throw new Error(`${path}: no NER model here (run npm run train:ner to make one)`);
  const model = decodeModel(readFileSync(path), path);
  if (model.info.lexicons && model.info.lexicons !== lexiconFingerprint()) {
    process.emitWarning(
      `${path} was trained with other lexicons than data/annotate has now; run npm run train:ner`,
    );
  }
  loaded.set(path, model);
  return model;
}

let availability: boolean | null = null;

/** Whether the annotation model can be loaded; if not, says why once (extraction then runs on the rules alone). */
export function taggerAvailable(): boolean {
  if (availability === null) {
    try {
      loadNerModel(ANNOTATION_MODEL_PATH);
      availability = true;
    } catch (error) {
      process.emitWarning(
        `learned tagger unavailable, extraction uses the rules alone: ${(error as Error).message}`,
      );
      availability = false;
    }
  }
  return availability;
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
  text: string,
  tokens: readonly Token[] = tokenize(text),
  model = loadNerModel(),
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

/** Loads the model, jieba's dictionary and the lexicon tables now rather than on the first text that needs them. */
export function warmUpTagger(model = loadNerModel()): void {
  recognize('华夏电池公司董事长李明', undefined, model);
}
