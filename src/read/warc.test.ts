import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type ReadOptions, type ReadResult, readFile } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'liantu-warc-'));
after(() => rmSync(root, { recursive: true, force: true }));

const GBK_NINGBO = Buffer.from('c4feb2a8cad0c8cbc3f1d5feb8aec7a9caf0d5bdc2d4bacfd7f7d0add2e9', 'hex'); // 宁波市人民政府签署战略合作协议
const DATE = '2024-05-01T08:00:00Z';

function warcRecord(type: string, headers: Record<string, string>, block: Buffer | string): Buffer {
  const body = Buffer.from(block);
  const lines = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${type}-${body.length}>`,
    `WARC-Date: ${DATE}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${body.length}`,
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]);
}

function httpResponse(statusLine: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const head = [statusLine, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join(
    '\r\n',
  );
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), Buffer.from(body)]);
}

function response(
  url: string,
  statusLine: string,
  headers: Record<string, string>,
  body: Buffer | string,
): Buffer {
  return warcRecord(
    'response',
    { 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=response' },
    httpResponse(statusLine, headers, body),
  );
}

const chunked = (body: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);

const GBK_PAGE = Buffer.concat([
  Buffer.from('<html><body><p>'),
  GBK_NINGBO,
  Buffer.from('</p></body></html>'),
]);
const GZIP_PAGE = gzipSync(Buffer.from('<html><body><p>长三角新能源汽车产业链联盟成立</p></body></html>'));

const RECORDS = [
  warcRecord(
    'warcinfo',
    { 'Content-Type': 'application/warc-fields' },
    'software: liantu-test\r\nformat: WARC 1.0\r\n',
  ),
  warcRecord(
    'request',
    { 'WARC-Target-URI': 'https://nb.example/a', 'Content-Type': 'application/http; msgtype=request' },
    'GET /a HTTP/1.1\r\nHost: nb.example\r\n\r\n',
  ),
  response('https://nb.example/a', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html; charset=GBK' }, GBK_PAGE),
  response(
    'https://nb.example/logo.png',
    'HTTP/1.1 200 OK',
    { 'Content-Type': 'image/png' },
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  ),
  response(
    'https://nb.example/missing',
    'HTTP/1.1 404 Not Found',
    { 'Content-Type': 'text/html' },
    '<p>没有这一页</p>',
  ),
  response(
    'https://csj.example/b',
    'HTTP/1.1 200 OK',
    {
      'Content-Type': 'text/html; charset=utf-8',
      'Transfer-Encoding': 'chunked',
      'Content-Encoding': 'gzip',
    },
    chunked(GZIP_PAGE),
  ),
  warcRecord(
    'resource',
    { 'WARC-Target-URI': 'file:///notes/c.txt', 'Content-Type': 'text/plain' },
    '浙江省经信厅发布新能源汽车产业链报告。',
  ),
  warcRecord(
    'metadata',
    { 'WARC-Target-URI': 'https://nb.example/a', 'Content-Type': 'application/warc-fields' },
    'via: x\r\n',
  ),
  warcRecord(
    'revisit',
    { 'WARC-Target-URI': 'https://nb.example/a', 'WARC-Profile': 'identical-payload-digest' },
    '',
  ),
];

async function readAll(path: string, options?: ReadOptions): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readFile({ path, size: 0 }, options)) results.push(result);
  return results;
}

function write(name: string, content: Buffer): string {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
}

function assertCrawlDocs(results: ReadResult[], path: string): void {
  const docs = results.map((result) => {
    assert.ok(result.ok, result.ok ? '' : result.failure.reason);
    return result.doc;
  });
  assert.deepEqual(
    docs.map((doc) => [doc.uri, doc.format, doc.encoding, doc.text]),
    [
      [`${path}#r3`, 'html', 'gb18030', '<html><body><p>宁波市人民政府签署战略合作协议</p></body></html>'],
      [`${path}#r6`, 'html', 'utf-8', '<html><body><p>长三角新能源汽车产业链联盟成立</p></body></html>'],
      [`${path}#r7`, 'text', 'utf-8', '浙江省经信厅发布新能源汽车产业链报告。'],
    ],
  );
  assert.deepEqual(docs[0]?.metadata, { url: 'https://nb.example/a', fetchedAt: DATE });
  assert.equal(docs[0]?.byteLength, GBK_PAGE.length);
  assert.equal(docs[0]?.container, 'warc');
  assert.equal(docs[0]?.file, path);
  assert.deepEqual(docs[2]?.metadata, { url: 'file:///notes/c.txt', fetchedAt: DATE });
}

test('a WARC yields its text responses and resources; other records and payloads are skipped', async () => {
  const path = write('crawl.warc', Buffer.concat(RECORDS));
  assertCrawlDocs(await readAll(path), path);
});

test('a WARC gzipped record by record reads the same', async () => {
  const path = write('crawl.warc.gz', Buffer.concat(RECORDS.map((record) => gzipSync(record))));
  assertCrawlDocs(await readAll(path), path);
});

test('a WARC without a .warc name is recognised by its content, also from stdin', async () => {
  const path = write('crawl.dat', Buffer.concat(RECORDS));
  assertCrawlDocs(await readAll(path), path);

  const gzipped = Buffer.concat(RECORDS.map((record) => gzipSync(record)));
  const stdin = Readable.from([gzipped.subarray(0, 100), gzipped.subarray(100)]);
  const fromStdin = await readAll('-', { stdin });
  assertCrawlDocs(fromStdin, '-');
});

test('a truncated WARC keeps the records before the cut and ends with one failure for the file', async () => {
  const whole = Buffer.concat(RECORDS.slice(0, 7));
  const plain = write('cut.warc', whole.subarray(0, whole.length - 20));
  const plainResults = await readAll(plain);
  assert.deepEqual(
    plainResults.map((result) => (result.ok ? result.doc.uri : result.failure)),
    [`${plain}#r3`, `${plain}#r6`, { uri: plain, reason: 'truncated WARC: record 7 is cut short' }],
  );

  const gzipped = Buffer.concat(RECORDS.map((record) => gzipSync(record)));
  const cutGz = write('cut.warc.gz', gzipped.subarray(0, gzipped.length - 40));
  const gzResults = await readAll(cutGz);
  assert.deepEqual(
    gzResults.slice(0, 3).map((result) => result.ok && result.doc.uri),
    [`${cutGz}#r3`, `${cutGz}#r6`, `${cutGz}#r7`],
  );
  assert.equal(gzResults.length, 4);
  assert.ok(!gzResults[3]?.ok && gzResults[3]?.failure.uri === cutGz);
});

test('garbage where a record should start is one failure for the file', async () => {
  const path = write(
    'garbage.warc',
    Buffer.concat([...RECORDS.slice(0, 3), Buffer.from('this is not a record\r\n\r\n')]),
  );
  const results = await readAll(path);
  assert.deepEqual(
    results.map((result) => (result.ok ? result.doc.uri : result.failure)),
    [`${path}#r3`, { uri: path, reason: 'corrupt WARC: record 4 does not start with a WARC/ version line' }],
  );
});

test('the size limit applies to each record, not to the file', async () => {
  const big = response(
    'https://big.example/',
    'HTTP/1.1 200 OK',
    { 'Content-Type': 'text/plain' },
    '大'.repeat(400),
  );
  const path = write('limit.warc', Buffer.concat([RECORDS[2] as Buffer, big, RECORDS[6] as Buffer]));
  const results = await readAll(path, { maxBytes: 1000 });
  assert.equal(results.length, 3);
  assert.ok(results[0]?.ok && results[2]?.ok);
  const tooLarge = results[1];
  assert.ok(tooLarge && !tooLarge.ok);
  assert.equal(tooLarge.failure.uri, `${path}#r2`);
  assert.match(tooLarge.failure.reason, /^record too large: 1\.\d KiB exceeds the 1000 bytes limit$/);
});

test('a response that is HTTP headers alone (a 304) is skipped, and the records after it are read', async () => {
  const path = write(
    'headers-only.warc',
    Buffer.concat([
      warcRecord(
        'response',
        { 'WARC-Target-URI': 'http://example.cn/old', 'Content-Type': 'application/http; msgtype=response' },
        'HTTP/1.1 304 Not Modified\r\n\r\n',
      ),
      response(
        'http://example.cn/new',
        'HTTP/1.1 200 OK',
        { 'Content-Type': 'text/plain; charset=utf-8' },
        '长三角新能源汽车产业链联盟成立',
      ),
    ]),
  );
  const results = await readAll(path);
  assert.deepEqual(
    results.map((result) => (result.ok ? result.doc.text : `failure: ${result.failure.reason}`)),
    ['长三角新能源汽车产业链联盟成立'],
  );
});
