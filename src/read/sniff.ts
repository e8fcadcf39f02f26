import type { BodyFormat } from './types.js';

/** Characters of a body looked at when sniffing its format. */
const SNIFF_CHARS = 16 * 1024;
/** Opening or closing tags of these elements within the sniffed head make a body HTML. */
const HTML_TAG =
  /<\/?(?:html|head|body|title|meta|link|script|style|div|p|br|hr|h[1-6]|table|tr|td|ul|ol|li|dl|article|section|header|footer|nav|main|aside|span|a|img|strong|em|b|i|font|center|form|iframe)\b[^<>]*>/gi;
const MIN_HTML_TAGS = 3;
const HTML_START = /^(?:<\?xml\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/i;
/** The same opening fence the cleaner accepts (src/clean/front-matter.ts). */
const FRONT_MATTER_OPEN = /^\uFEFF?\s*---[ \t]*\r?\n/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** The format of a decoded body: HTML, markdown with front matter (its body HTML makes it HTML), or text. */
export function sniffBodyFormat(text: string): BodyFormat {
  const head = text.slice(0, SNIFF_CHARS);
  const bodyStart = frontMatterEnd(head);
  if (bodyStart !== undefined) return looksLikeHtml(head.slice(bodyStart)) ? 'html' : 'markdown';
  return looksLikeHtml(head) ? 'html' : 'text';
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS).replace(/^[\s\uFEFF]+/, '');
  if (HTML_START.test(head)) return true;
  let tags = 0;
  for (const _ of head.matchAll(HTML_TAG)) if (++tags >= MIN_HTML_TAGS) return true;
  return false;
}

/** Where the body after a leading `---` YAML front-matter block starts, if the text has one. */
export function frontMatterEnd(text: string): number | undefined {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = FRONT_MATTER_CLOSE.exec(rest);
  return close ? open[0].length + close.index + close[0].length : undefined;
}

/** Whether the first non-blank line is a JSON object (or the start of one cut off by the end of the head). */
export function looksLikeJsonLines(head: string, headIsWhole: boolean): boolean {
  const start = head.search(/\S/);
  if (start < 0 || head[start] !== '{') return false;
  const end = head.indexOf('\n', start);
  if (end < 0 && !headIsWhole) return head.startsWith('{"', start);
  const line = head.slice(start, end < 0 ? undefined : end).trim();
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
