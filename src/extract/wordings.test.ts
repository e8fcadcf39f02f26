import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from './index.js';

const events = (text: string) =>
  extract({ file: 'test', title: null, published: '2025-05-20', text }).events.map(
    (event) => `${event.type}:${event.parties.join('+')}`,
  );

test('a joint venture agreement is an agreement and an investment by its partners', () => {
  assert.deepEqual(
    events('青山动力电池集团有限公司与北辰汽车有限公司订立合资协议，成立合资公司生产电池包。'),
    [
      'cooperation_agreement:青山动力电池集团有限公司+北辰汽车有限公司',
      'investment:青山动力电池集团有限公司+北辰汽车有限公司',
    ],
  );
});

test('a project agreement with a place to build is also an investment; a framework without one is not', () => {
  assert.deepEqual(
    events(
      '宁远储能科技有限公司与东岭经济开发区管理委员会签署项目投资协议，宁远储能科技有限公司拟在东岭经济开发区投资建设储能电站。',
    ),
    [
      'cooperation_agreement:宁远储能科技有限公司+东岭经济开发区管理委员会',
      'investment:宁远储能科技有限公司',
    ],
  );
  assert.deepEqual(
    events('宁远储能科技有限公司与北辰汽车有限公司签署战略合作框架协议，双方将探索共建储能基地。'),
    ['cooperation_agreement:宁远储能科技有限公司+北辰汽车有限公司'],
  );
});

test('an investment names its investors and what they invest in', () => {
  assert.deepEqual(events('甲川资本管理有限公司、乙河创投有限公司决定投资丙山固态电池有限公司。'), [
    'investment:甲川资本管理有限公司+乙河创投有限公司+丙山固态电池有限公司',
  ]);
  assert.deepEqual(events('南湖锂业有限公司拟以8.5亿元收购东岭矿业有限公司持有的西岭锂矿有限公司51%股权。'), [
    'investment:南湖锂业有限公司+西岭锂矿有限公司',
  ]);
});

test('a stated total, talks, wishes and an agreement only discussed report no event', () => {
  assert.deepEqual(events('其中，北辰汽车有限公司电池项目总投资25亿元。'), []);
  assert.deepEqual(events('双方就推动青山动力电池集团有限公司项目尽快落户东岭进行了沟通。'), []);
  assert.deepEqual(
    events('青山动力电池集团有限公司与北辰汽车有限公司还在探讨成立一家合资企业的可能性。'),
    [],
  );
});

test('parties named in the sentence before, a visit told over several sentences, one deal told twice', () => {
  assert.deepEqual(
    events('北辰汽车有限公司董事长一行到访宁远储能科技有限公司。经过深入交流，双方签署了战略合作协议。'),
    ['cooperation_agreement:北辰汽车有限公司+宁远储能科技有限公司'],
  );
  assert.deepEqual(
    events(
      '5月12日，东岭市发展和改革委员会调研组赴南湖开展新能源汽车产业调研。调研组先后考察了南湖锂业有限公司、西岭电池有限公司。',
    ),
    ['meeting:东岭市发展和改革委员会+南湖锂业有限公司+西岭电池有限公司'],
  );
  assert.deepEqual(
    events(
      '南湖锂业有限公司与北辰汽车有限公司签署战略合作协议。此次签约后，北辰汽车有限公司将与南湖锂业有限公司在电池回收领域开展合作。',
    ),
    ['cooperation_agreement:南湖锂业有限公司+北辰汽车有限公司'],
  );
});

test('founders named between 由 and the founding verb, a side named by its contract role, a subsidiary for its parent', () => {
  assert.deepEqual(
    events('由南湖锂业有限公司和北辰汽车有限公司等8家企业组成的“长江储能创新联盟”近日在武汉揭牌。'),
    ['alliance_founded:长江储能创新联盟+南湖锂业有限公司+北辰汽车有限公司'],
  );
  assert.deepEqual(
    events(
      '东岭建设公告，公司之全资子公司东岭新能源投资有限公司（乙方）与西川县青石镇人民*（甲方）签署《项目合作协议》。',
    ),
    ['cooperation_agreement:东岭新能源投资有限公司+西川县青石镇人民*'],
  );
});

test('the sides of a signing are read from 甲与乙、丙签订 where the names were not recognised', () => {
  const [event] = extract({
    file: 'test',
    title: null,
    published: '2025-05-20',
    text: '5月12日，东湖科技公告，控股子公司青禾力元与湖南雅川、珠海科瑞签订了战略合作框架协议。',
  }).events;
  assert.equal(event?.type, 'cooperation_agreement');
  for (const side of ['青禾力元', '湖南雅川', '珠海科瑞']) assert.ok(event?.parties.includes(side), side);
  assert.deepEqual(events('他们与四家汽车制造商签订了协议。'), [], 'pronouns and counted nouns are no sides');
});
