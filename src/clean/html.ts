import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { type Tracked, TrackedBuilder } from './tracked.js';
import type { RemovedSpan } from './types.js';

/** Elements whose content is never text. */
const SKIPPED_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'canvas',
  'select',
  'button',
  'textarea',
  'head',
]);
/** Elements that hold navigation, toolbars and page chrome rather than the article. */
const CHROME_ELEMENTS = new Set(['nav', 'aside', 'footer', 'menu']);
/** Page-level wrappers: a class on them (has-sidebar, tag-battery) describes the page, not a part to drop. */
const WRAPPER_ELEMENTS = new Set(['html', 'body', 'main', 'article', 'form']);
const CHROME_WORD =
  /^(nav|navbar|navigation|menu|topbar|userbar|login|breadcrumbs?|crumbs?|share|sharebar|social|footer|sidebar|comments?|related|recommend|advert|ads|banner|toolbar|copyright|pagination|pager|logo)$/i;

/** Whether a class or id names page chrome: a token that is a chrome word, or starts or ends with one (share-bar). */
function namesChrome(classes: string): boolean {
  return classes.split(/\s+/).some((token) => {
    if (!token || /^has[-_]/i.test(token)) return false;
    const parts = token.split(/[-_]/);
    return (
      CHROME_WORD.test(token) ||
      CHROME_WORD.test(parts[0] ?? '') ||
      CHROME_WORD.test(parts[parts.length - 1] ?? '')
    );
  });
}
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const PUBLISHED_META = new Set([
  'article:published_time',
  'og:article:published_time',
  'og:release_date',
  'pubdate',
  'publishdate',
  'publish_date',
  'published',
  'date',
  'dc.date',
  'dc.date.issued',
  'datepublished',
  'sailthru.date',
]);
const TITLE_META = new Set(['og:title', 'twitter:title', 'title', 'dc.title', 'headline']);
const AUTHOR_META = new Set(['author', 'article:author', 'dc.creator']);

export interface HtmlText {
  text: Tracked;
  removed: RemovedSpan[];
  documentTitle: string | null;
  headline: string | null;
  metaTitle: string | null;
  metaPublished: string | null;
  metaAuthor: string | null;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

/** Appends a raw text node, decoding entities and folding white space to single spaces, keeping offsets. */
function pushTextNode(builder: TrackedBuilder, raw: string, at: number, preformatted: boolean): void {
  let index = 0;
  const pushPlain = (plain: string, offset: number): void => {
    if (preformatted) {
      builder.pushSource(plain, offset);
      return;
    }
    for (const run of plain.matchAll(/\s+|[^\s]+/g)) {
      const runStart = offset + (run.index ?? 0);
      if (/^\s/.test(run[0])) {
        const next = plain[(run.index ?? 0) + run[0].length] ?? '';
        // A source line break inside a paragraph of Chinese is layout, not a word space: 动力\n  电池 is 动力电池.
        const wrapsHanzi = run[0].includes('\n') && HAN.test(builder.lastChar()) && HAN.test(next);
        if (!wrapsHanzi && builder.lastChar() !== ' ' && builder.lastChar() !== '\n')
          builder.pushMapped(' ', runStart, runStart + 1);
      } else builder.pushSource(run[0], runStart);
    }
  };
  for (const match of raw.matchAll(ENTITY)) {
    const start = match.index ?? 0;
    if (start > index) pushPlain(raw.slice(index, start), at + index);
    const decoded = decodeHTML(match[0]);
    if (decoded === match[0]) pushPlain(decoded, at + start);
    else if (/^\s+$/.test(decoded) && !preformatted) {
      if (builder.lastChar() !== ' ' && builder.lastChar() !== '\n')
        builder.pushMapped(' ', at + start, at + start + match[0].length);
    } else builder.pushMapped(decoded, at + start, at + start + match[0].length);
    index = start + match[0].length;
  }
  if (index < raw.length) pushPlain(raw.slice(index), at + index);
}

function decodeAttribute(value: string | undefined): string {
  return value ? decodeHTML(value).trim() : '';
}

/**
 * Turns the HTML in source[offset, offset + html.length) into text with one line per block,
 * dropping scripts, styles and page chrome, and recording what it dropped.
 */
export function htmlToText(html: string, offset: number): HtmlText {
  const builder = new TrackedBuilder();
  const skipped: RemovedSpan[] = [];
  const stack: { name: string; skip: 'content' | 'chrome' | null; start: number }[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let captureTarget: 'title' | 'h1' | null = null;
  let documentTitle = '';
  let headline = '';
  let headlineDone = false;
  let metaTitle: string | null = null;
  let metaPublished: string | null = null;
  let metaAuthor: string | null = null;

  const breakLine = (at: number): void => {
    const last = builder.lastChar();
    if (last !== '' && last !== '\n') builder.pushSynthetic('\n', at);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const at = offset + parser.startIndex;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          const content = decodeAttribute(attributes.content);
          if (content) {
            if (PUBLISHED_META.has(key) && !metaPublished) metaPublished = content;
            if (TITLE_META.has(key) && !metaTitle) metaTitle = content;
            if (AUTHOR_META.has(key) && !metaAuthor) metaAuthor = content;
          }
        }
        if (name === 'title' && !documentTitle) captureTarget = 'title';
        const isLogo = /logo|brand|site-?name/i.test(`${attributes.class ?? ''} ${attributes.id ?? ''}`);
        if (name === 'h1' && !headlineDone && skipDepth === 0 && !isLogo) captureTarget = 'h1';
        if (VOID_ELEMENTS.has(name)) {
          if (name === 'br' || name === 'hr') breakLine(at);
          return;
        }
        const className = `${attributes.class ?? ''} ${attributes.id ?? ''} ${attributes.role ?? ''}`;
        let skip: 'content' | 'chrome' | null = null;
        if (SKIPPED_CONTENT.has(name)) skip = 'content';
        else if (
          CHROME_ELEMENTS.has(name) ||
          attributes.role === 'navigation' ||
          (!WRAPPER_ELEMENTS.has(name) && namesChrome(className))
        )
          skip = 'chrome';
        if (skip) skipDepth++;
        if (name === 'pre') preDepth++;
        stack.push({ name, skip, start: at });
        if (BLOCK_ELEMENTS.has(name)) breakLine(at);
      },
      ontext(raw) {
        const at = offset + parser.startIndex;
        if (captureTarget === 'title') documentTitle += raw;
        else if (captureTarget === 'h1') headline += raw;
        if (skipDepth > 0) return;
        pushTextNode(builder, raw, at, preDepth > 0);
      },
      onclosetag(name) {
        const end = Math.min(offset + parser.endIndex + 1, offset + html.length);
        if (name === 'title' && captureTarget === 'title') captureTarget = null;
        if (name === 'h1' && captureTarget === 'h1') {
          captureTarget = null;
          headlineDone = headline.trim() !== '';
        }
        if (VOID_ELEMENTS.has(name)) return;
        let index = stack.length - 1;
        while (index >= 0 && stack[index]?.name !== name) index--;
        if (index < 0) return;
        const closed = stack.splice(index);
        for (const element of closed.reverse()) {
          if (element.skip) {
            skipDepth--;
            if (skipDepth === 0)
              skipped.push({
                kind: element.skip === 'content' ? 'html-script' : 'html-nav',
                start: element.start,
                end,
                text: '',
              });
          }
          if (element.name === 'pre') preDepth--;
        }
        if (BLOCK_ELEMENTS.has(name)) breakLine(end);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();

  const text = builder.build();
  const decode = (value: string): string | null => {
    const clean = decodeHTML(value).replace(/\s+/g, ' ').trim();
    return clean || null;
  };
  return {
    text,
    removed: markupGaps(text, skipped, offset, offset + html.length),
    documentTitle: decode(documentTitle),
    headline: decode(headline),
    metaTitle,
    metaPublished,
    metaAuthor,
  };
}

/** Everything in [from, to) that no kept unit covers: skipped elements by their kind, the rest as markup. */
function markupGaps(text: Tracked, skipped: RemovedSpan[], from: number, to: number): RemovedSpan[] {
  const covered: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const start = text.starts[i] ?? 0;
    const end = text.ends[i] ?? 0;
    if (end === start) continue;
    const last = covered[covered.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else covered.push([start, end]);
  }
  const spans: RemovedSpan[] = [...skipped];
  let cursor = from;
  const addGap = (start: number, end: number): void => {
    let position = start;
    for (const skip of skipped) {
      if (skip.end <= position || skip.start >= end) continue;
      if (skip.start > position)
        spans.push({ kind: 'html-markup', start: position, end: skip.start, text: '' });
      position = Math.max(position, skip.end);
    }
    if (position < end) spans.push({ kind: 'html-markup', start: position, end, text: '' });
  };
  for (const [start, end] of covered) {
    if (start > cursor) addGap(cursor, start);
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) addGap(cursor, to);
  return spans.sort((a, b) => a.start - b.start);
}
