import type { Cut } from './edit.js';

/**
 * Markdown syntax that is formatting, not words: heading and quote markers, emphasis, links' targets, images,
 * and inline HTML tags (<br>, <span>) that Markdown allows.
 */
export function findMarkdownSyntax(text: string): Cut[] {
  const cuts: Cut[] = [];
  const cut = (start: number, end: number): void => {
    if (end > start) cuts.push({ start, end, kind: 'markdown-markup' });
  };
  for (const match of text.matchAll(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)/gm)) {
    cut(match.index ?? 0, (match.index ?? 0) + match[0].length);
  }
  for (const match of text.matchAll(/^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm)) {
    cut(match.index ?? 0, (match.index ?? 0) + match[0].length);
  }
  for (const match of text.matchAll(/!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)/g))
    cut(match.index ?? 0, (match.index ?? 0) + match[0].length);
  for (const match of text.matchAll(/(?<!!)\[([^\]\n[]{1,200})\]\(([^)\n]{0,500})\)/g)) {
    const start = match.index ?? 0;
    const label = match[1] ?? '';
    cut(start, start + 1);
    cut(start + 1 + label.length, start + match[0].length);
  }
  for (const match of text.matchAll(/(\*\*|__)(?=[^\s*_])([^\n*_]{0,200}?[^\s*_])\1/g)) {
    const start = match.index ?? 0;
    cut(start, start + 2);
    cut(start + match[0].length - 2, start + match[0].length);
  }
  for (const match of text.matchAll(/(?<![*\w])\*(?=[^\s*])([^*\n]{0,200}?[^\s*])\*(?![*\w])/g)) {
    const start = match.index ?? 0;
    cut(start, start + 1);
    cut(start + match[0].length - 1, start + match[0].length);
  }
  for (const match of text.matchAll(/<\/?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>\n]{0,200})?\/?>/g)) {
    cut(match.index ?? 0, (match.index ?? 0) + match[0].length);
  }
  for (const match of text.matchAll(/`([^`\n]{1,200})`/g)) {
    const start = match.index ?? 0;
    cut(start, start + 1);
    cut(start + match[0].length - 1, start + match[0].length);
  }
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  const disjoint: Cut[] = [];
  for (const item of cuts) {
    const last = disjoint[disjoint.length - 1];
    if (last && item.start < last.end) continue;
    disjoint.push(item);
  }
  return disjoint;
}
