import { jieba } from './segment.js';
import type { Token } from './types.js';

/** jieba's cut with part-of-speech tags, each token placed by its offsets in the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba().tag(text, true)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    // The segmenter's guess at an unknown word sometimes swallows the conjunction after it (高科同/x).
    const glued = tag === 'x' && word.length >= 3 && /[同与和及]$/u.test(word);
    if (glued) {
      tokens.push({ start, end: start + word.length - 1, text: word.slice(0, -1), pos: 'x' });
      tokens.push({
        start: start + word.length - 1,
        end: start + word.length,
        text: word.slice(-1),
        pos: 'c',
      });
    } else tokens.push({ start, end: start + word.length, text: word, pos: tag });
    at = start + word.length;
  }
  return tokens;
}
