import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let shared: Jieba | null = null;

/** One jieba instance per thread, loaded with the bundled dictionary on first use. */
export function jieba(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/**
 * Words for a search index: jieba's search-mode cut (long words and their parts) of the lower-cased text. Punctuation
 * tokens are left in: the index's tokenizer drops them, and filtering here would cost more than the cut itself.
 */
export function searchTokens(text: string): string[] {
  return jieba().cutForSearch(text.toLowerCase(), true);
}

const WORD = /[\p{L}\p{N}]/u;

/** Words of a query, cut without overlaps so that every word must match. */
export function queryTokens(text: string): string[] {
  return jieba()
    .cut(text, true)
    .filter((token) => WORD.test(token))
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
}
