import type { Sentence } from './types.js';

/** Sentences end at 。！？；!? or a line break; a closing quote or bracket right after stays with its sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  const pattern = /[^。！？；!?\n]+(?:[。！？；!?]+[”’」』）)]*)?|[。！？；!?]+/g;
  for (const match of text.matchAll(pattern)) {
    let start = match.index ?? 0;
    let end = start + match[0].length;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end <= start) continue;
    while (lineStart < start && text.indexOf('\n', lineStart) >= 0 && text.indexOf('\n', lineStart) < start) {
      lineStart = text.indexOf('\n', lineStart) + 1;
      paragraph++;
    }
    sentences.push({ start, end, text: text.slice(start, end), index: sentences.length, paragraph });
  }
  return sentences;
}
