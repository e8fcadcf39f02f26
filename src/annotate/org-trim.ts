import type { AnnotationLexicon } from './lexicon.js';
import { spansOverlapping } from './spans.js';
import type { Span, Token } from './types.js';

/** Parts of speech a name does not start with: prepositions, conjunctions, adverbs, pronouns, particles. */
const NOT_FIRST_POS = /^(p|c|d|r|u|uj|ul|uz|uv|ud|ug|y|e|o|q|w)$/;
/** Time words (jieba's `t`) that are times: 前日, 近期, 今年; not 现代 or 时代, which names use. */
const TIME_WORD = /[日月年天期前后今昨明早晚近初底]/u;
/** A time or position character and a preposition as one word: 前向, 起向, 后与. */
const GLUED_PREPOSITION = /^[前后起内底初末来]+[向为与和对给从在]/u;
const PUNCTUATION = /^[\s，。、；：！？,.;:!?（）()“”"'《》「」【】—…·-]+$/u;

export interface TrimContext {
  text: string;
  tokens: readonly Token[];
  lexicon: AnnotationLexicon;
}

/**
 * The words of a span by the segmenter's cut. A word that crosses an edge of the span is cut there, and its piece
 * is no word the segmenter tagged (与中 of 与中创新航 leaves 中, which is no preposition).
 */
function wordsOf(span: { start: number; end: number }, context: TrimContext): Token[] {
  return spansOverlapping(context.tokens, span.start, span.end).map((token) => {
    const start = Math.max(token.start, span.start);
    const end = Math.min(token.end, span.end);
    const whole = start === token.start && end === token.end;
    return { ...token, start, end, text: context.text.slice(start, end), pos: whole ? token.pos : 'x' };
  });
}

function cannotStart(word: Token, lexicon: AnnotationLexicon): boolean {
  if (PUNCTUATION.test(word.text) || lexicon.notFirst.has(word.text)) return true;
  if (lexicon.knownOrgs.has(word.text)) return false;
  if (NOT_FIRST_POS.test(word.pos) || (word.pos === 't' && TIME_WORD.test(word.text))) return true;
  // Words of place alone (上, 内, 外); 中 starts names (中创新航) and 中部, 华东 are regions names start with.
  if (word.pos === 'f' && /^[上下内外里间旁]$/u.test(word.text)) return true;
  return word.pos === 'm' && !/^第/u.test(word.text) && !/[A-Za-z]/u.test(word.text);
}

/**
 * A found name with what cannot belong to it taken off: everything up to the last word that stands before names
 * (子公司, 制造商, 转载自), then words no name starts with (据, 前日, 预计影响), then a title, punctuation or 的
 * at the end (a tagger that ran over 董事). Null when less than two characters are left.
 */
export function trimOrgSpan(span: Span, context: TrimContext): Span | null {
  const { text, lexicon } = context;
  let start = span.start;
  let end = span.end;
  // beforeNames is sorted longest first: the first word the span ends with is the whole word it ends with.
  const trailing = lexicon.beforeNames.find((word) => text.startsWith(word, end - word.length));
  if (trailing && end - start > trailing.length + 1) end -= trailing.length;
  for (const word of lexicon.beforeNames) {
    const at = text.slice(start, end).lastIndexOf(word);
    if (at < 0) continue;
    const cut = start + at + word.length;
    if (end - cut >= 2) start = cut;
  }
  let words = wordsOf({ start, end }, context);
  while (words.length > 1 && cannotStart(words[0] as Token, lexicon)) {
    start = (words[0] as Token).end;
    words = words.slice(1);
  }
  // A time word the segmenter glued to the preposition before the name (年底前向|某公司, 三月起向|某公司).
  const glue =
    words[0] && !lexicon.knownOrgs.has(words[0].text) ? GLUED_PREPOSITION.exec(words[0].text) : null;
  if (glue && end - (start + glue[0].length) >= 2) {
    start += glue[0].length;
    words = wordsOf({ start, end }, context);
  }
  // A function word the segmenter glued to the name's first character (而澜/途科技): no word of its own.
  const glued = words[0];
  if (glued && glued.pos === 'x' && glued.text.length >= 2 && lexicon.notFirst.has(text[start] ?? '')) {
    start += 1;
    words = wordsOf({ start, end }, context);
    while (words.length > 1 && cannotStart(words[0] as Token, lexicon)) {
      start = (words[0] as Token).end;
      words = words.slice(1);
    }
  }
  while (words.length > 1) {
    const last = words[words.length - 1] as Token;
    const isTitle = lexicon.titleWords.includes(last.text);
    const closesBracket = /^[)）]$/u.test(last.text) && /[(（]/u.test(text.slice(start, last.start));
    if (closesBracket) break;
    if (!isTitle && !PUNCTUATION.test(last.text) && last.text !== '的' && last.text !== '等') break;
    end = last.start;
    words = words.slice(0, -1);
  }
  if (end - start < 2) return null;
  return { start, end, text: text.slice(start, end) };
}
