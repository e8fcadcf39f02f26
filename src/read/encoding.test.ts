import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes } from './index.js';

/** Bytes from python3 `'…'.encode('gbk').hex()` / `.encode('big5').hex()`. */
const GBK_NINGBO = Buffer.from('c4feb2a8cad0c8cbc3f1d5feb8aec7a9caf0d5bdc2d4bacfd7f7d0add2e9', 'hex'); // 宁波市人民政府签署战略合作协议
const GBK_ZHEJIANG = Buffer.from('d5e3bdadcaa1beadd0c5ccfcb7a2b2bcd0c2c4dcd4b4c6fbb3b5b2fad2b5c1b4', 'hex'); // 浙江省经信厅发布新能源汽车产业链
const BIG5_ALLIANCE = Buffer.from('aaf8a454a8a4b773afe0b7bda854a8aeb2a3b77ec3ecc170b7f9', 'hex'); // 長三角新能源汽車產業鏈聯盟
const BIG5_BYD = Buffer.from('a4f1a8c8ad7dbb50b9e7bc77aec9a54ec3b1b870a658a740a8f3c4b3', 'hex'); // 比亞迪與寧德時代簽署合作協議

function decoded(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  const result = decodeBytes(bytes, declared);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return { text: result.text, encoding: result.encoding };
}

test('UTF-8 without and with a byte order mark (the mark is not part of the text)', () => {
  assert.deepEqual(decoded(Buffer.from('宁波新能源')), { text: '宁波新能源', encoding: 'utf-8' });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('宁波新能源')]);
  assert.deepEqual(decoded(withBom), { text: '宁波新能源', encoding: 'utf-8' });
});

test('UTF-16LE and UTF-16BE by their byte order marks', () => {
  const le = Buffer.from('\uFEFF长三角联盟 2024', 'utf16le');
  assert.deepEqual(decoded(le), { text: '长三角联盟 2024', encoding: 'utf-16le' });
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decoded(be), { text: '长三角联盟 2024', encoding: 'utf-16be' });
});

test('GBK bytes decode as gb18030, even though they also decode as Big5 without error', () => {
  assert.doesNotThrow(() => new TextDecoder('big5', { fatal: true }).decode(GBK_ZHEJIANG));
  assert.deepEqual(decoded(GBK_NINGBO), { text: '宁波市人民政府签署战略合作协议', encoding: 'gb18030' });
  assert.deepEqual(decoded(GBK_ZHEJIANG), { text: '浙江省经信厅发布新能源汽车产业链', encoding: 'gb18030' });
});

test('Big5 bytes decode as big5, even though they also decode as GB18030 without error', () => {
  assert.doesNotThrow(() => new TextDecoder('gb18030', { fatal: true }).decode(BIG5_ALLIANCE));
  assert.deepEqual(decoded(BIG5_ALLIANCE), { text: '長三角新能源汽車產業鏈聯盟', encoding: 'big5' });
  assert.deepEqual(decoded(BIG5_BYD), { text: '比亞迪與寧德時代簽署合作協議', encoding: 'big5' });
});

test('mixed ASCII and GBK, as in an HTML page, still decodes as gb18030', () => {
  const page = Buffer.concat([Buffer.from('<p>2024-05-01 '), GBK_ZHEJIANG, Buffer.from('</p>\n')]);
  assert.equal(decoded(page).encoding, 'gb18030');
});

test('a declared charset is preferred when it decodes without error; gbk and gb2312 report gb18030', () => {
  assert.equal(decoded(GBK_NINGBO, 'GBK').encoding, 'gb18030');
  assert.equal(decoded(GBK_NINGBO, 'gb2312').encoding, 'gb18030');
  assert.equal(decoded(Buffer.from('plain ascii'), 'gbk').encoding, 'gb18030');
  // GBK bytes read as Big5 without error, so a Big5 declaration wins over the statistics.
  assert.equal(decoded(GBK_ZHEJIANG, 'big5').encoding, 'big5');
});

test('a declared charset that does not decode is ignored', () => {
  assert.deepEqual(decoded(GBK_NINGBO, 'utf-8'), {
    text: '宁波市人民政府签署战略合作协议',
    encoding: 'gb18030',
  });
  assert.equal(decoded(BIG5_BYD, 'no-such-charset').encoding, 'big5');
});

test('a single-byte declaration (iso-8859-1) does not override valid UTF-8 or GBK', () => {
  assert.equal(decoded(Buffer.from('宁波'), 'iso-8859-1').encoding, 'utf-8');
  assert.equal(decoded(GBK_NINGBO, 'iso-8859-1').encoding, 'gb18030');
});

test('UTF-8 with one broken byte stays UTF-8 rather than becoming GB18030 mojibake', () => {
  const text = '宁波市人民政府与长三角新能源汽车产业链联盟签署战略合作协议，推动产业协同发展。'.repeat(3);
  const bytes = Buffer.from(text);
  const broken = Buffer.concat([bytes, bytes.subarray(0, 2)]); // a cut multi-byte character at the end
  const result = decoded(broken);
  assert.equal(result.encoding, 'utf-8');
  assert.ok(result.text.startsWith(text));
});

test('bytes no decoder accepts fail with the reason', () => {
  const result = decodeBytes(Buffer.from([0x80, 0xff, 0x80, 0xff, 0x80, 0xff]));
  assert.deepEqual(result, { ok: false, reason: 'cannot decode as UTF-8, UTF-16, GB18030 or Big5' });
});
