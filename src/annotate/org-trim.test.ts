import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledResources } from '../resources/index.js';
import { trimOrgSpan } from './org-trim.js';
import { tokenize } from './tokens.js';

/** What is left of `found` (a stretch of `text`) once trimmed, or null. */
function trim(text: string, found: string): string | null {
  const start = text.indexOf(found);
  assert.ok(start >= 0, `${found} is in the text`);
  const span = trimOrgSpan(
    { start, end: start + found.length, text: found },
    { text, tokens: tokenize(text), lexicon: bundledResources().annotation },
  );
  return span?.text ?? null;
}

test('words that stand before names are cut off with all before them', () => {
  assert.equal(
    trim('其全资子公司星禾新能源科技有限公司成立', '全资子公司星禾新能源科技有限公司'),
    '星禾新能源科技有限公司',
  );
  assert.equal(trim('知名新能源汽车品牌澜途汽车发布', '新能源汽车品牌澜途汽车'), '澜途汽车');
  assert.equal(trim('电池制造商青禾储能宣布', '电池制造商青禾储能'), '青禾储能');
  assert.equal(trim('内容转载自盖亚汽车网', '内容转载自盖亚汽车网'), '盖亚汽车网');
  assert.equal(trim('星禾集团附属澜途科技签约', '星禾集团附属澜途科技'), '澜途科技');
});

test('a name that ends with a word standing before names loses that word', () => {
  assert.equal(
    trim('华川电子股份有限公司全资子公司宣布', '华川电子股份有限公司全资子公司'),
    '华川电子股份有限公司',
  );
});

test('words no name starts with are taken off the front, one after another', () => {
  assert.equal(trim('据华川电子公告，', '据华川电子'), '华川电子');
  assert.equal(trim('而华川电子则表示', '而华川电子'), '华川电子');
  assert.equal(trim('前日澜途汽车宣布', '前日澜途汽车'), '澜途汽车');
  assert.equal(trim('标志着澜途汽车进入欧洲', '标志着澜途汽车'), '澜途汽车');
  assert.equal(trim('预计影响澜途汽车的交付', '预计影响澜途汽车'), '澜途汽车');
  assert.equal(trim('利用星瀚智能的平台', '利用星瀚智能'), '星瀚智能');
});

test('names that start with words looking like junk keep them: whole words only, times that are no times', () => {
  assert.equal(trim('同济大学与澜途汽车签约', '同济大学'), '同济大学');
  assert.equal(trim('现代汽车宣布', '现代汽车'), '现代汽车');
  assert.equal(trim('中部储能产业促进会成立', '中部储能产业促进会'), '中部储能产业促进会');
  assert.equal(trim('与中创新航签约', '中创新航'), '中创新航');
});

test('a title, punctuation or 的 after a name is taken off; a bracket the name opened is kept', () => {
  assert.equal(trim('华川电子董事长出席', '华川电子董事长'), '华川电子');
  assert.equal(
    trim('星禾创业投资合伙企业(有限合伙)出资', '星禾创业投资合伙企业(有限合伙)'),
    '星禾创业投资合伙企业(有限合伙)',
  );
});

test('a single word is left as it is (the merge policy decides whether it names anything)', () => {
  assert.equal(trim('其子公司宣布', '子公司'), '子公司');
  assert.equal(trim('其旗下宣布', '旗下'), '旗下');
});
