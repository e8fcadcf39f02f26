import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';

const supplyDeals = (text: string) =>
  extractText({ file: 'test', title: null, published: '2025-05-20', text }).extraction.events.filter(
    (event) => event.type === 'supply_agreement' || event.type === 'cooperation_agreement',
  );

test('a supply deal says who supplies whom, however the sentence puts it', () => {
  const cases: [string, string, string][] = [
    [
      '5月12日，江淮精工电池有限公司获得华东汽车集团有限公司的电池包定点。',
      '江淮精工电池有限公司',
      '华东汽车集团有限公司',
    ],
    [
      '海岳重工股份有限公司向宁远锂能科技有限公司采购正极材料，双方签订了采购合同。',
      '宁远锂能科技有限公司',
      '海岳重工股份有限公司',
    ],
    ['青禾电气股份有限公司中标云川电网有限公司储能电站项目。', '青禾电气股份有限公司', '云川电网有限公司'],
    ['白沙电子有限公司成为北辰汽车有限公司的核心供应商。', '白沙电子有限公司', '北辰汽车有限公司'],
  ];
  for (const [text, supplier, customer] of cases) {
    const events = supplyDeals(text);
    assert.equal(events.length, 1, text);
    assert.equal(events[0]?.type, 'supply_agreement', text);
    assert.equal(events[0]?.supplier, supplier, text);
    assert.equal(events[0]?.customer, customer, text);
  }
});

test('a supply contract is one supply agreement, not also a cooperation; without a cue the sides stay unknown', () => {
  const events = supplyDeals('南湖材料有限公司与东岭储能科技有限公司签署了长期供货协议。');
  assert.equal(events.length, 1);
  assert.equal(events[0]?.type, 'supply_agreement');
  assert.deepEqual(events[0]?.parties, ['南湖材料有限公司', '东岭储能科技有限公司']);
  assert.equal(events[0]?.supplier, null);
  assert.equal(events[0]?.customer, null);
});

test('a lost bid or a shortlist is no supply agreement', () => {
  assert.equal(supplyDeals('青禾电气股份有限公司未中标云川电网有限公司储能项目。').length, 0);
  assert.equal(supplyDeals('青禾电气股份有限公司入围云川电网有限公司储能项目中标候选人。').length, 0);
});

test('an order won from nobody named is no agreement; one won from a named buyer is', () => {
  assert.equal(supplyDeals('宁远储能科技有限公司在欧洲拿下2GWh的储能订单。').length, 0);
  assert.deepEqual(
    supplyDeals('宁远储能科技有限公司拿下北辰能源集团有限公司的储能订单。').map((event) => event.parties),
    [['宁远储能科技有限公司', '北辰能源集团有限公司']],
  );
});
