import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { detectFormat } from './index.js';

const bytes = (text: string): Uint8Array => Buffer.from(text);

const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>宁波</title></head><body><p>正文</p></body></html>';
const TAG_SOUP =
  '<div class="article">\n<h1>长三角联盟成立</h1>\n<p>正文第一段</p>\n<p>正文第二段</p>\n</div>';
const FRONT_MATTER_MARKDOWN = '---\ntitle: 宁波签约\ndate: 2024-05-01\n---\n# 宁波签约\n\n正文。\n';
const FRONT_MATTER_HTML =
  '---\ntitle: 宁波签约\nurl: https://example.cn/a\n---\n<div><p>正文第一段</p><p>第二段</p></div>\n';

test('extensions name the format', () => {
  assert.equal(detectFormat('a.md', bytes('正文')), 'markdown');
  assert.equal(detectFormat('a.markdown', bytes('正文')), 'markdown');
  assert.equal(detectFormat('a.html', bytes('正文')), 'html');
  assert.equal(detectFormat('A.HTM', bytes('正文')), 'html');
  assert.equal(detectFormat('a.xhtml', bytes('正文')), 'html');
  assert.equal(detectFormat('a.shtml', bytes('正文')), 'html');
  assert.equal(detectFormat('a.jsonl', bytes('{"text":"正文"}\n')), 'jsonl');
  assert.equal(detectFormat('a.ndjson', bytes('{"text":"正文"}\n')), 'jsonl');
  assert.equal(detectFormat('crawl.warc', bytes('WARC/1.0\r\n')), 'warc');
  assert.equal(detectFormat('crawl.warc.gz', gzipSync(bytes('WARC/1.1\r\nWARC-Type: warcinfo\r\n'))), 'warc');
});

test('.txt is text unless it sniffs as HTML or front-matter markdown', () => {
  assert.equal(detectFormat('a.txt', bytes('宁波市人民政府今天签署协议。\n第二段。')), 'text');
  assert.equal(detectFormat('a.txt', bytes(HTML_PAGE)), 'html');
  assert.equal(detectFormat('a.text', bytes(TAG_SOUP)), 'html');
  assert.equal(detectFormat('a.txt', bytes(FRONT_MATTER_MARKDOWN)), 'markdown');
  assert.equal(detectFormat('a.txt', bytes(FRONT_MATTER_HTML)), 'html');
  assert.equal(detectFormat('a.txt', bytes('一句话里提到 <p> 标签不算 HTML。')), 'text');
  assert.equal(detectFormat('a.txt', bytes('---\n没有结束的分隔线\n')), 'text');
});

test('.json is JSON Lines when its first line is an object', () => {
  assert.equal(detectFormat('a.json', bytes('{"title":"a","content":"b"}\n{"title":"c"}\n')), 'jsonl');
  assert.equal(detectFormat('a.json', bytes('\n  {"content":"只有一行"}')), 'jsonl');
  assert.equal(detectFormat('a.json', bytes('[{"content":"数组"}]')), 'text');
  assert.equal(detectFormat('a.json', bytes('{\n  "content": "多行对象"\n}\n')), 'text');
});

test('unknown extensions and stdin sniff the content', () => {
  assert.equal(detectFormat('-', bytes(HTML_PAGE)), 'html');
  assert.equal(detectFormat('page', bytes('<html lang="zh"><body>正文</body></html>')), 'html');
  assert.equal(detectFormat('notes.dat', bytes(FRONT_MATTER_MARKDOWN)), 'markdown');
  assert.equal(detectFormat('notes.dat', bytes(FRONT_MATTER_HTML)), 'html');
  assert.equal(detectFormat('-', bytes('{"content":"一行"}\n{"content":"二行"}\n')), 'jsonl');
  assert.equal(detectFormat('-', bytes('宁波签约。')), 'text');
  assert.equal(detectFormat('crawl.bin', bytes('WARC/1.0\r\nWARC-Type: warcinfo\r\n')), 'warc');
  assert.equal(detectFormat('crawl', gzipSync(bytes('WARC/1.0\r\nWARC-Type: warcinfo\r\n'))), 'warc');
  assert.equal(detectFormat('news.jsonl.gz', gzipSync(bytes('{"content":"一行"}\n'))), 'jsonl');
});

test('HTML sniffing sees through a UTF-8 or UTF-16 byte order mark and an XML declaration', () => {
  assert.equal(
    detectFormat('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(HTML_PAGE)])),
    'html',
  );
  assert.equal(detectFormat('a.txt', Buffer.from(`\uFEFF${HTML_PAGE}`, 'utf16le')), 'html');
  assert.equal(
    detectFormat('a', bytes('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>')),
    'html',
  );
});
