import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  contentHash,
  type ReadOptions,
  type ReadResult,
  readFile,
  readSources,
  type SourceDoc,
} from './index.js';

const root = mkdtempSync(join(tmpdir(), 'liantu-read-'));
after(() => rmSync(root, { recursive: true, force: true }));

const GBK_ZHEJIANG = Buffer.from('d5e3bdadcaa1beadd0c5ccfcb7a2b2bcd0c2c4dcd4b4c6fbb3b5b2fad2b5c1b4', 'hex'); // 浙江省经信厅发布新能源汽车产业链
const BIG5_ALLIANCE = Buffer.from('aaf8a454a8a4b773afe0b7bda854a8aeb2a3b77ec3ecc170b7f9', 'hex'); // 長三角新能源汽車產業鏈聯盟
const PNG_HEADER = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

function write(name: string, content: string | Uint8Array): string {
  const path = join(root, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

async function readOne(path: string, options?: ReadOptions): Promise<ReadResult> {
  const results = await collect(readFile({ path, size: 0 }, options));
  assert.equal(results.length, 1, 'one result for a single-document file');
  return results[0] as ReadResult;
}

async function docOf(path: string, options?: ReadOptions): Promise<SourceDoc> {
  const result = await readOne(path, options);
  assert.ok(result.ok, result.ok ? '' : result.failure.reason);
  return result.doc;
}

async function reasonOf(path: string, options?: ReadOptions): Promise<string> {
  const result = await readOne(path, options);
  assert.ok(!result.ok, 'expected a failure');
  assert.equal(result.failure.uri, path);
  return result.failure.reason;
}

test('a text file is one document with its full text, hash and byte length', async () => {
  const text = '  宁波市人民政府与比亚迪签署战略合作协议。\n\n第二段。\n';
  const path = write('plain.txt', text);
  assert.deepEqual(await docOf(path), {
    uri: path,
    file: path,
    format: 'text',
    container: null,
    encoding: 'utf-8',
    text,
    byteLength: Buffer.byteLength(text),
    hash: contentHash(text),
    metadata: {},
  });
});

test('each single-document format, by name and by content', async () => {
  const html = '<!doctype html><html><head><title>标题</title></head><body><p>正文</p></body></html>';
  const frontMatterHtml = '---\ntitle: 宁波签约\n---\n<div><p>正文第一段</p><p>第二段</p></div>\n';
  const cases: [string, string, SourceDoc['format']][] = [
    ['a.md', '# 标题\n\n正文', 'markdown'],
    ['b.markdown', '正文', 'markdown'],
    ['c.html', '正文只有文字', 'html'],
    ['d.htm', html, 'html'],
    ['e.txt', html, 'html'],
    ['f.txt', '---\ntitle: 标题\n---\n正文', 'markdown'],
    ['g.txt', frontMatterHtml, 'html'],
    ['h', html, 'html'],
    ['i.dat', '---\ntitle: 标题\n---\n正文', 'markdown'],
    ['j.log', '普通文字', 'text'],
  ];
  for (const [name, content, format] of cases) {
    const doc = await docOf(write(`formats/${name}`, content));
    assert.equal(doc.format, format, name);
    assert.equal(doc.text, content, `${name} keeps its full text, front matter included`);
  }
});

test('options.format forces the format', async () => {
  const path = write('forced.txt', '<p>one</p><p>two</p><p>three</p>');
  assert.equal((await docOf(path, { format: 'text' })).format, 'text');
});

test('encodings: UTF-8 BOM, UTF-16LE and BE BOMs, GBK, Big5, and an HTML meta charset', async () => {
  const utf8Bom = await docOf(
    write('enc/bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('宁波')])),
  );
  assert.deepEqual([utf8Bom.encoding, utf8Bom.text, utf8Bom.byteLength], ['utf-8', '宁波', 9]);

  const le = Buffer.from('\uFEFF<html><body>长三角</body></html>', 'utf16le');
  const utf16le = await docOf(write('enc/le.html', le));
  assert.deepEqual([utf16le.encoding, utf16le.text], ['utf-16le', '<html><body>长三角</body></html>']);
  const utf16be = await docOf(write('enc/be.txt', Buffer.from(le).swap16()));
  assert.deepEqual(
    [utf16be.encoding, utf16be.text, utf16be.format],
    ['utf-16be', '<html><body>长三角</body></html>', 'html'],
  );

  const gbk = await docOf(write('enc/gbk.txt', GBK_ZHEJIANG));
  assert.deepEqual([gbk.encoding, gbk.text], ['gb18030', '浙江省经信厅发布新能源汽车产业链']);
  const big5 = await docOf(write('enc/big5.txt', BIG5_ALLIANCE));
  assert.deepEqual([big5.encoding, big5.text], ['big5', '長三角新能源汽車產業鏈聯盟']);

  // GBK bytes also decode as Big5 without error: the page's declaration decides.
  const page = (charset: string) =>
    Buffer.concat([
      Buffer.from(`<html><head><meta charset="${charset}"><title>t</title></head><body>`),
      GBK_ZHEJIANG,
      Buffer.from('</body></html>'),
    ]);
  assert.equal((await docOf(write('enc/declared-big5.html', page('big5')))).encoding, 'big5');
  assert.equal((await docOf(write('enc/declared-gbk.html', page('gbk')))).encoding, 'gb18030');
  const httpEquiv = Buffer.concat([
    Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>',
    ),
    GBK_ZHEJIANG,
    Buffer.from('</body></html>'),
  ]);
  const declared = await docOf(write('enc/http-equiv.html', httpEquiv));
  assert.equal(declared.encoding, 'gb18030');
  assert.ok(declared.text.includes('浙江省经信厅'));
});

test('failures: empty, whitespace only, binary, undecodable, oversized, missing, a directory', async () => {
  assert.equal(await reasonOf(write('bad/empty.txt', '')), 'empty file');
  assert.equal(await reasonOf(write('bad/blank.txt', ' \n\t\u3000\n')), 'no text (only whitespace)');
  assert.equal(await reasonOf(write('bad/logo.txt', PNG_HEADER)), 'binary file (looks like PNG image)');
  assert.equal(
    await reasonOf(write('bad/report.pdf', '%PDF-1.7\n%âãÏÓ\n')),
    'binary file (looks like PDF document)',
  );
  assert.equal(
    await reasonOf(write('bad/nul.txt', Buffer.from('abc\0\0\0def'))),
    'binary file (contains NUL bytes)',
  );
  assert.equal(
    await reasonOf(write('bad/controls.txt', Buffer.from([0x01, 0x02, 0x03, 0x41, 0x04, 0x05, 0x06, 0x42]))),
    'binary file (many control characters)',
  );
  assert.equal(
    await reasonOf(write('bad/mojibake.txt', Buffer.from([0x80, 0xff, 0x80, 0xff, 0x80, 0xff]))),
    'cannot decode as UTF-8, UTF-16, GB18030 or Big5',
  );
  assert.equal(
    await reasonOf(write('bad/big.txt', '大'.repeat(1000)), { maxBytes: 1024 }),
    'file too large: 2.9 KiB exceeds the 1 KiB limit',
  );
  assert.equal(await reasonOf(join(root, 'bad/nope.txt')), 'no such file or directory');
  mkdirSync(join(root, 'bad/folder'), { recursive: true });
  assert.equal(await reasonOf(join(root, 'bad/folder')), 'is a directory');
  const cutGzip = gzipSync(Buffer.from('<html>')).subarray(0, 4);
  assert.equal(
    await reasonOf(write('bad/cut.gz', cutGzip)),
    'corrupt gzip data (unexpected end of file)',
    'a single document cut short is an error, not a partial text',
  );
  const corruptGzip = Buffer.from([
    0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0xff, 0xff, 0xff, 0xff, 0xff,
  ]);
  assert.match(await reasonOf(write('bad/corrupt.gz', corruptGzip)), /^corrupt gzip data \(/);
});

test('an unreadable file fails with the system reason', {
  skip: process.getuid?.() === 0 && 'root reads everything',
}, async () => {
  const path = write('bad/secret.txt', '机密');
  chmodSync(path, 0o000);
  assert.equal(await reasonOf(path), 'permission denied');
});

test('the default limit is 20 MiB and is reported in MiB', async () => {
  const path = write('huge.txt', Buffer.alloc(Math.ceil(25.3 * 1024 * 1024), 0x61));
  assert.equal(await reasonOf(path), 'file too large: 25.3 MiB exceeds the 20 MiB limit');
});

test('stdin is read from options.stdin, with uri `-`', async () => {
  const stdin = Readable.from([Buffer.from('宁波市'), Buffer.from('人民政府')]);
  const doc = await docOf('-', { stdin });
  assert.deepEqual([doc.uri, doc.file, doc.text, doc.format], ['-', '-', '宁波市人民政府', 'text']);

  const jsonl = await collect(
    readFile(
      { path: '-', size: 0 },
      { stdin: Readable.from([Buffer.from('{"content":"一"}\n{"content":"二"}\n')]) },
    ),
  );
  assert.deepEqual(
    jsonl.map((result) => result.ok && result.doc.uri),
    ['-#L1', '-#L2'],
  );

  const big = await readOne('-', {
    stdin: Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x62)]),
    maxBytes: 1000,
  });
  assert.deepEqual(big, {
    ok: false,
    failure: { uri: '-', reason: 'file too large: 1.2 KiB exceeds the 1000 bytes limit' },
  });

  assert.deepEqual(await readOne('-', { stdin: Readable.from([]) }), {
    ok: false,
    failure: { uri: '-', reason: 'empty file' },
  });
});

test('readSources reads every input in order and a failure in the middle does not stop the rest', async () => {
  const first = write('batch/1.txt', '第一篇');
  const png = write('batch/2.png', PNG_HEADER);
  const jsonl = write('batch/3.jsonl', '{"content":"第三篇"}\nnot json\n{"content":"第四篇"}\n');
  const empty = write('batch/4.txt', '');
  const last = write('batch/5.md', '# 第五篇');
  const missing = join(root, 'batch/missing.txt');
  const results = await collect(
    readSources([first, missing, join(root, 'batch'), '-', first], {
      stdin: Readable.from([Buffer.from('标准输入')]),
    }),
  );
  const summary = results.map((result) => (result.ok ? result.doc.uri : `fail ${result.failure.uri}`));
  assert.deepEqual(summary, [
    first,
    `fail ${missing}`,
    first,
    `fail ${png}`,
    `${jsonl}#L1`,
    `fail ${jsonl}#L2`,
    `${jsonl}#L3`,
    `fail ${empty}`,
    last,
    '-',
    first,
  ]);
});

test('a gzipped single document is inflated before it is read', async () => {
  const doc = await docOf(
    write('page.html.gz', gzipSync(Buffer.concat([Buffer.from('<p>'), GBK_ZHEJIANG, Buffer.from('</p>')]))),
  );
  assert.deepEqual(
    [doc.format, doc.encoding, doc.text],
    ['html', 'gb18030', '<p>浙江省经信厅发布新能源汽车产业链</p>'],
  );
});
