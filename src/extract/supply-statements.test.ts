import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';

const supplies = (text: string) =>
  extractText({ file: 'supply.txt', title: null, published: '2025-06-01', text }, undefined, {
    ner: false,
  }).extraction.supplies.map(({ supplier, customer }) => `${supplier} → ${customer}`);

test('a supply relation stated in so many words, either way round', () => {
  assert.deepEqual(supplies('青川锂业有限公司为远山电池有限公司供应电池级碳酸锂。'), [
    '青川锂业有限公司 → 远山电池有限公司',
  ]);
  assert.deepEqual(supplies('远山电池有限公司是北岭汽车有限公司的动力电池供应商。'), [
    '远山电池有限公司 → 北岭汽车有限公司',
  ]);
  assert.deepEqual(supplies('北岭汽车有限公司的电池供应商远山电池有限公司近日扩产。'), [
    '远山电池有限公司 → 北岭汽车有限公司',
  ]);
  assert.deepEqual(supplies('北岭汽车有限公司新车型搭载远山电池有限公司的磷酸铁锂电池。'), [
    '远山电池有限公司 → 北岭汽车有限公司',
  ]);
});

test('a list of customers brings each of them', () => {
  assert.deepEqual(supplies('青川锂业有限公司的主要客户包括远山电池有限公司、南湾储能科技有限公司。'), [
    '青川锂业有限公司 → 远山电池有限公司',
    '青川锂业有限公司 → 南湾储能科技有限公司',
  ]);
});

test('no supply is read where the words do not say it, or deny it', () => {
  assert.deepEqual(supplies('青川锂业有限公司与远山电池有限公司签署战略合作协议。'), []);
  assert.deepEqual(supplies('青川锂业有限公司并非远山电池有限公司的供应商。'), []);
  assert.deepEqual(
    supplies('远山电池有限公司将获得来自北岭汽车有限公司等机构的投资，该项目估值20亿元。'),
    [],
  );
});

test("a supply deal's sides come from the article's statement of the pair", () => {
  const text =
    '6月1日，青川锂业有限公司（以下简称“青川锂业”）与远山电池有限公司（以下简称“远山电池”）签署长期供货协议。' +
    '根据协议，青川锂业将为远山电池供应碳酸锂。';
  const [deal] = extractText({ file: 'deal.txt', title: null, published: '2025-06-01', text }, undefined, {
    ner: false,
  }).extraction.events;
  assert.equal(deal?.type, 'supply_agreement');
  assert.equal(deal?.supplier, '青川锂业有限公司');
  assert.equal(deal?.customer, '远山电池有限公司');
});

test('a supply with a time before the customer: 甲将在年底前向乙供应…', () => {
  assert.deepEqual(supplies('远岭材料科技有限公司将在2026年底前向江淮锂能科技有限公司供应正极材料。'), [
    '远岭材料科技有限公司 → 江淮锂能科技有限公司',
  ]);
});
