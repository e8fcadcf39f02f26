import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { contentHash, type ReadOptions, type ReadResult, readFile } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'liantu-jsonl-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function readAll(
  name: string,
  content: string | Uint8Array,
  options?: ReadOptions,
): Promise<ReadResult[]> {
  const path = join(root, name);
  writeFileSync(path, content);
  const results: ReadResult[] = [];
  for await (const result of readFile({ path, size: 0 }, options)) results.push(result);
  return results;
}

const lines = (...records: (object | string)[]): string =>
  records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n');

test('each line is a document with uri path#L<line> and metadata from its fields', async () => {
  const results = await readAll(
    'news.jsonl',
    lines(
      {
        title: '宁波签约',
        content: '宁波市人民政府签署战略合作协议。',
        url: 'https://nb.example/1',
        date: '2024-05-01',
      },
      {
        headline: '联盟成立',
        body: '<div><p>长三角联盟成立</p><p>第二段</p><br></div>',
        link: 'https://x/2',
        published: 1714521600,
      },
    ),
  );
  const path = join(root, 'news.jsonl');
  assert.equal(results.length, 2);
  const [first, second] = results;
  assert.ok(first?.ok && second?.ok);
  assert.deepEqual(first.doc, {
    uri: `${path}#L1`,
    file: path,
    format: 'text',
    container: 'jsonl',
    encoding: 'utf-8',
    text: '宁波市人民政府签署战略合作协议。',
    byteLength: Buffer.byteLength('宁波市人民政府签署战略合作协议。'),
    hash: contentHash('宁波市人民政府签署战略合作协议。', '宁波签约'),
    metadata: { title: '宁波签约', url: 'https://nb.example/1', date: '2024-05-01' },
  });
  assert.equal(second.doc.uri, `${path}#L2`);
  assert.equal(second.doc.format, 'html');
  assert.deepEqual(second.doc.metadata, { title: '联盟成立', url: 'https://x/2', date: '1714521600' });
});

test('bad lines fail with their line numbers and the reading goes on; blank lines are skipped', async () => {
  const results = await readAll(
    'mixed.jsonl',
    lines(
      { content: '第一行' },
      '',
      '{"content": "缺了结尾"',
      '   ',
      { title: '没有正文', summary: '摘要' },
      '[1, 2]',
      { content: '   ' },
      { text: '第八行' },
    ),
  );
  const path = join(root, 'mixed.jsonl');
  const summary = results.map((result) =>
    result.ok
      ? `ok ${result.doc.uri}`
      : `${result.failure.uri} L${result.failure.line}: ${result.failure.reason}`,
  );
  assert.equal(summary.length, 6);
  assert.equal(summary[0], `ok ${path}#L1`);
  assert.match(summary[1] ?? '', new RegExp(`^${path}#L3 L3: invalid JSON: `));
  assert.equal(summary[2], `${path}#L5 L5: no text field (looked for content, text, body)`);
  assert.equal(summary[3], `${path}#L6 L6: not a JSON object`);
  assert.equal(summary[4], `${path}#L7 L7: no text (only whitespace)`);
  assert.equal(summary[5], `ok ${path}#L8`);
});

test('custom field names choose the title, text, url and date', async () => {
  const results = await readAll(
    'custom.jsonl',
    lines({ name: '标题', article: '正文内容', href: 'u', day: 'd', content: '不用' }),
    {
      jsonl: { title: ['name'], text: ['article'], url: ['href'], date: ['day'] },
    },
  );
  const [only] = results;
  assert.ok(only?.ok);
  assert.equal(only.doc.text, '正文内容');
  assert.deepEqual(only.doc.metadata, { title: '标题', url: 'u', date: 'd' });

  const missing = await readAll('custom-missing.jsonl', lines({ content: '正文' }), {
    jsonl: { title: [], text: ['article', 'paragraphs'], url: [], date: [] },
  });
  assert.deepEqual(
    missing.map((result) => !result.ok && result.failure.reason),
    ['no text field (looked for article, paragraphs)'],
  );
});

test('a UTF-8 byte order mark, CRLF line ends and a last line without a line break are read', async () => {
  const content = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('{"content":"一"}\r\n{"content":"二"}'),
  ]);
  const results = await readAll('bom.jsonl', content);
  assert.deepEqual(
    results.map((result) => result.ok && result.doc.text),
    ['一', '二'],
  );
});

test('the size limit applies to each line, not to the file', async () => {
  const long = JSON.stringify({ content: '长'.repeat(100) });
  const results = await readAll('limit.jsonl', lines({ content: '短' }, long, { content: '也短' }), {
    maxBytes: 64,
  });
  const path = join(root, 'limit.jsonl');
  assert.equal(results.length, 3);
  assert.ok(results[0]?.ok && results[2]?.ok);
  assert.deepEqual(results[1], {
    ok: false,
    failure: {
      uri: `${path}#L2`,
      line: 2,
      reason: `line too large: ${Buffer.byteLength(long)} bytes exceeds the 64 bytes limit`,
    },
  });
});

test('a .json file of JSON lines and a gzipped .jsonl.gz are JSON Lines too', async () => {
  const json = await readAll('export.json', lines({ content: '一' }, { content: '二' }));
  assert.deepEqual(
    json.map((result) => result.ok && result.doc.container),
    ['jsonl', 'jsonl'],
  );
  const gz = await readAll('export.jsonl.gz', gzipSync(lines({ content: '一' }, { content: '二' })));
  assert.deepEqual(
    gz.map((result) => result.ok && result.doc.uri),
    [`${join(root, 'export.jsonl.gz')}#L1`, `${join(root, 'export.jsonl.gz')}#L2`],
  );
  const pretty = await readAll('pretty.json', '{\n  "content": "一"\n}\n');
  assert.deepEqual(
    pretty.map((result) => !result.ok && result.failure.reason),
    ['not JSON Lines (expected one JSON object per line)'],
  );
});

test('a line in GBK rather than UTF-8 is still decoded', async () => {
  const gbk = Buffer.from('c4feb2a8cad0c8cbc3f1d5feb8aec7a9caf0d5bdc2d4bacfd7f7d0add2e9', 'hex'); // 宁波市人民政府签署战略合作协议
  const line = Buffer.concat([Buffer.from('{"content":"'), gbk, Buffer.from('"}\n')]);
  const [only] = await readAll('gbk.jsonl', line);
  assert.ok(only?.ok);
  assert.equal(only.doc.text, '宁波市人民政府签署战略合作协议');
  assert.equal(only.doc.encoding, 'gb18030');
});
