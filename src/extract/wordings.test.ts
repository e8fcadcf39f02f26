import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';

const events = (text: string) =>
  extractText({ file: 'test', title: null, published: '2025-05-20', text }).extraction.events.map(
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
  const [event] = extractText({
    file: 'test',
    title: null,
    published: '2025-05-20',
    text: '5月12日，东湖科技公告，控股子公司青禾力元与湖南雅川、珠海科瑞签订了战略合作框架协议。',
  }).extraction.events;
  assert.equal(event?.type, 'cooperation_agreement');
  for (const side of ['青禾力元', '湖南雅川', '珠海科瑞']) assert.ok(event?.parties.includes(side), side);
  assert.deepEqual(events('他们与四家汽车制造商签订了协议。'), [], 'pronouns and counted nouns are no sides');
});

test('a project agreement is also an investment when the sum stands later in the next paragraph', () => {
  assert.deepEqual(
    events(
      '北辰新能源商用车有限公司、南湖资本管理有限公司与芜湖经开区共同签署了项目合作协议。副市长周明远出席。\n据了解，当天签约的项目前景良好。其中，重卡项目总投资20亿元。',
    ),
    [
      'cooperation_agreement:北辰新能源商用车有限公司+南湖资本管理有限公司+芜湖经开区',
      'investment:北辰新能源商用车有限公司+南湖资本管理有限公司',
    ],
  );
});

test('a project that settles is its settlement, not also an investment; the visitor of a title is its company', () => {
  assert.deepEqual(
    events(
      '北辰汽车零部件项目签约及开工仪式在东岭举行。省长周明远会见北辰汽车有限公司董事长林远航一行。该项目落户东岭高新区。',
    ),
    ['settlement:北辰汽车有限公司'],
  );
});

test('a cooperation recalled inside a phrase is no side of the signing after it', () => {
  assert.deepEqual(
    events(
      '北辰汽车有限公司与市政府签署框架协议。北辰汽车有限公司表示，与南湖电池有限公司多年的良好合作促成与政府签署协议。',
    ),
    ['cooperation_agreement:北辰汽车有限公司+市政府'],
  );
});

test('a visit on a topic is a meeting of the body whose leader heads it; those who come along and invitations are not', () => {
  assert.deepEqual(
    events(
      '全国政协副主席周明远率调研组来到东岭，就“新能源汽车发展”进行调研并召开座谈会。调研组实地察看了北辰汽车有限公司。',
    ),
    ['meeting:全国政协+北辰汽车有限公司'],
  );
  assert.deepEqual(
    events(
      '区委书记林远航率队考察宁远储能科技有限公司。区招商局、区发改局负责人随同考察。诚挚欢迎企业负责人来到东岭高新区考察。',
    ),
    ['meeting:宁远储能科技有限公司'],
  );
});

test('a park opened by a named company is a meeting', () => {
  assert.deepEqual(events('5月20日，由北辰能源集团投资的东岭氢能产业园正式开园。'), ['meeting:北辰能源集团']);
});

test('a side read from a signing wording is no adverb, time word or clause', () => {
  assert.deepEqual(events('星禾科技有限公司擅自与其他企业签署合同。'), []);
  assert.deepEqual(events('澜途科技有限公司与南屿数码签订合作协议。'), [
    'cooperation_agreement:澜途科技有限公司+南屿数码',
  ]);
});

const dates = (text: string, published = '2025-05-20') =>
  extractText({ file: 'test', title: null, published, text }).extraction.events.map(
    (event) => `${event.type}:${event.date}`,
  );

test("a report's dateline, a filing's date and a period's ends are not when the event happened", () => {
  assert.deepEqual(
    dates('某网5月18日消息，星禾科技有限公司与澜途储能有限公司在8月签署战略合作协议。', '2024-11-26'),
    ['cooperation_agreement:2024-08'],
  );
  assert.deepEqual(
    dates(
      '2025年5月16日，星禾科技（600001.SH）公告，子公司澜途储能有限公司与南屿锂业有限公司签订了合作协议。',
    ),
    ['cooperation_agreement:null'],
  );
});

test('an event said to be recent (近日) takes no earlier paragraph’s date', () => {
  assert.deepEqual(
    dates(
      '5月12日，星禾科技有限公司发布了4月产销数据。\n近日，澜途储能有限公司与南屿锂业有限公司签订合作协议。',
    ),
    ['cooperation_agreement:null'],
  );
});

const locations = (text: string) =>
  extractText({ file: 'test', title: null, published: '2025-05-20', text }).extraction.events.map(
    (event) => `${event.type}@${event.location}`,
  );

test('a signing with a government is in its place only where the sentence names the place besides the body', () => {
  assert.deepEqual(locations('星禾科技有限公司与宁波市人民政府签署战略合作协议。'), [
    'cooperation_agreement@null',
  ]);
  assert.deepEqual(
    locations('星禾科技有限公司与宁波市人民政府签署战略合作协议，宣布星禾科技有限公司总部落户宁波。')[0],
    'cooperation_agreement@宁波',
  );
});

test('a visit takes place where it goes: a place after 赴 or 来到, a city by its one-character name', () => {
  assert.deepEqual(locations('区委书记林远航率队赴广东佛山考察宁远储能科技有限公司。'), ['meeting@广东佛山']);
  assert.deepEqual(locations('全国政协副主席周明远率调研组来京，就产业发展进行调研。'), ['meeting@北京']);
});

test("a company's governance meeting is no meeting of the chain", () => {
  assert.deepEqual(events('星禾科技第二届董事会第二十六次会议于2025年5月18日召开，审议通过担保议案。'), []);
});

test('a signing told only by who attended it binds the companies of those attending', () => {
  assert.deepEqual(events('南屿银行副行长周明远，星禾科技有限公司总裁林远航等嘉宾出席签约仪式。'), [
    'cooperation_agreement:南屿银行+星禾科技有限公司',
  ]);
  // Where the signing is told, those attending add no second one.
  assert.deepEqual(
    events(
      '星禾科技有限公司与澜途储能有限公司签署合作协议。南屿银行副行长周明远、星禾科技有限公司总裁林远航出席签约仪式。',
    ),
    ['cooperation_agreement:星禾科技有限公司+澜途储能有限公司'],
  );
});
