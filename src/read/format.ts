import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { isGzip } from './binary.js';
import { bomEncoding } from './bom.js';
import { looksLikeJsonLines, sniffBodyFormat } from './sniff.js';
import type { BodyFormat, SourceFormat } from './types.js';

/** Bytes read from the start of a file to detect its format and encoding. */
export const HEAD_BYTES = 64 * 1024;

const INFLATE_INPUT_BYTES = 8 * 1024;

type ExtensionRule = SourceFormat | 'json' | 'sniff-body';

const EXTENSION_RULES: Record<string, ExtensionRule> = {
  '.txt': 'sniff-body',
  '.text': 'sniff-body',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.warc': 'warc',
};

/**
 * The format of a file from its name and its first bytes. `head` is the start of the file (up to
 * HEAD_BYTES); a gzip head is inflated and the name read without its `.gz`.
 */
export function detectFormat(path: string, head: Uint8Array): SourceFormat {
  if (isGzip(head)) {
    const inflated = inflateHead(head);
    if (inflated) return detectFromHead(withoutGzipExtension(path), inflated, false);
  }
  return detectFromHead(path, head, head.length < HEAD_BYTES);
}

function detectFromHead(path: string, head: Uint8Array, headIsWhole: boolean): SourceFormat {
  if (startsWithWarcVersion(head)) return 'warc';

  const rule = EXTENSION_RULES[extensionOf(withoutGzipExtension(path))];
  switch (rule) {
    case 'warc':
    case 'jsonl':
    case 'markdown':
    case 'html':
      return rule;
    case 'json':
      return looksLikeJsonLines(headText(head), headIsWhole) ? 'jsonl' : 'text';
    case 'sniff-body':
      return sniffBodyFormat(headText(head));
    default: {
      const text = headText(head);
      return looksLikeJsonLines(text, headIsWhole) ? 'jsonl' : sniffBodyFormat(text);
    }
  }
}

/** The body format the file name alone fixes (`.md`, `.html`, …), or undefined when the content decides. */
export function bodyFormatFromName(path: string): BodyFormat | undefined {
  const rule = EXTENSION_RULES[extensionOf(withoutGzipExtension(path))];
  return rule === 'markdown' || rule === 'html' ? rule : undefined;
}

export function isJsonName(path: string): boolean {
  return extensionOf(withoutGzipExtension(path)) === '.json';
}

export function withoutGzipExtension(path: string): string {
  return path.replace(/\.gz$/i, '');
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function startsWithWarcVersion(head: Uint8Array): boolean {
  return head[0] === 0x57 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x43 && head[4] === 0x2f;
}

/** The head as text for sniffing: UTF-16 by its BOM, else UTF-8 (other encodings keep their ASCII). */
function headText(head: Uint8Array): string {
  const bom = bomEncoding(head);
  return new TextDecoder(bom === 'utf-16le' || bom === 'utf-16be' ? bom : 'utf-8').decode(head);
}

/** Inflates the start of a gzip head; bounded so that a gzip bomb cannot blow up. */
function inflateHead(head: Uint8Array): Uint8Array | undefined {
  try {
    return gunzipSync(head.subarray(0, INFLATE_INPUT_BYTES), {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      maxOutputLength: HEAD_BYTES * 16,
    });
  } catch {
    return undefined;
  }
}
