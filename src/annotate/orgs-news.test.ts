// The names real news uses, one test per kind of miss and of junk: sentences written for these tests, with the
// project's fictional companies (华川, 青禾, 澜途, 星禾 …) beside real, well-known ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate } from './index.js';

/** The organization names annotation finds in a text, in order, once each. */
function orgs(text: string): string[] {
  return [...new Set(annotate(text, null).orgs.map((org) => org.text))];
}

function includesAll(text: string, expected: string[]): void {
  const found = orgs(text);
  for (const name of expected) assert.ok(found.includes(name), `${name} not in ${found.join(' | ')}`);
}

function includesNone(text: string, unexpected: string[]): void {
  const found = orgs(text);
  for (const name of unexpected) assert.ok(!found.includes(name), `${name} in ${found.join(' | ')}`);
}

test('names without a legal ending: well-known companies and listed short names', () => {
  includesAll('宁德时代与比亚迪在深圳签署战略合作协议。', ['宁德时代', '比亚迪']);
  includesAll('中伟股份与长远锂科签订长期供货协议。', ['中伟股份', '长远锂科']);
});

test('brands stand for their companies', () => {
  includesAll('蔚来、特斯拉和华为的高管出席了论坛。', ['蔚来', '特斯拉', '华为']);
});

test('a brand that is an ordinary word counts only where the text reads it as a name', () => {
  includesNone('这是一个理想的结果，大众的反应很积极。', ['理想', '大众']);
});

test('Latin-script names: from the lexicon, with a legal form, or standing as a party', () => {
  includesAll('ABB与SK On签署合作备忘录，LG新能源也参加了签约。', ['ABB', 'SK On', 'LG新能源']);
  includesAll('华川微电子与韩国HANSOL Group Co., Ltd.签署协议。', ['韩国HANSOL Group Co., Ltd.']);
  includesAll('星禾集团全资附属BCX与澜途科技有限公司签订战略协议。', ['BCX']);
  includesNone('该电池能量密度达到300Wh/kg，采用CTP技术，支持OTA升级。', ['CTP', 'OTA']);
});

test('bodies written short', () => {
  includesAll('市发改委、证监会、工信部和国务院国资委联合发布通知。', [
    '市发改委',
    '证监会',
    '工信部',
    '国务院国资委',
  ]);
});

test('a place or a zone that signs is an organization; where it is only a place, it is none', () => {
  includesAll('南昌市与澜途科技有限公司签署战略合作协议。', ['南昌市']);
  includesAll('九江高新区与华川微电子签约。', ['九江高新区', '华川微电子']);
  includesNone('项目位于九江高新区，总投资十亿元。', ['九江高新区']);
  includesNone('签约仪式在南昌市举行。', ['南昌市']);
});

test('companies in a long list beside one already known', () => {
  includesAll('星禾新能源科技有限公司与华川锂业、澜途材料、青禾储能和盖亚科技分别签署供货协议。', [
    '华川锂业',
    '澜途材料',
    '盖亚科技',
  ]);
});

test("a group's name before its subsidiary's, and (集团) in brackets, stay one name", () => {
  includesAll('国网江西省电力有限公司与星禾集团江西分公司签约。', [
    '国网江西省电力有限公司',
    '星禾集团江西分公司',
  ]);
  includesAll('星禾（集团）股份有限公司出席了仪式。', ['星禾（集团）股份有限公司']);
});

test('generic words are no names', () => {
  includesNone('公司的子公司与一家上市公司成立了新公司。', ['子公司', '上市公司', '新公司', '公司']);
});

test('junk fused to the front of a name is taken off', () => {
  const cases: [string, string][] = [
    ['据华川微电子有限公司公告，', '华川微电子有限公司'],
    ['而澜途科技有限公司则表示反对。', '澜途科技有限公司'],
    ['这标志着澜途科技有限公司进入欧洲。', '澜途科技有限公司'],
    ['内容转载自盖亚汽车网。澜途科技有限公司发布公告。', '澜途科技有限公司'],
    ['预计影响澜途科技有限公司的交付。', '澜途科技有限公司'],
    ['其全资子公司华川微电子有限公司宣布扩产。', '华川微电子有限公司'],
    ['远岭材料将在2026年底前向澜途科技有限公司供货。', '澜途科技有限公司'],
    ['远岭材料计划从明年三月起向澜途科技有限公司供货。', '澜途科技有限公司'],
  ];
  for (const [text, name] of cases) {
    const found = orgs(text);
    assert.ok(found.includes(name), `${name} not in ${found.join(' | ')}`);
    assert.ok(
      found.every((org) => !org.endsWith(name) || org === name),
      `junk before ${name}: ${found.join(' | ')}`,
    );
  }
});

test('descriptive phrases that end like organizations are no names', () => {
  includesNone('该中心获评省级制造业创新中心，将建成长三角南翼经济中心。', [
    '省级制造业创新中心',
    '长三角南翼经济中心',
  ]);
});

test('venues, headquarters and events are no organizations', () => {
  includesNone('澜途科技有限公司华东总部、萧山工厂和新品发布会同日亮相。', [
    '华东总部',
    '萧山工厂',
    '新品发布会',
  ]);
});

test('a Latin name before an ending is grown over with the country written before it', () => {
  includesAll('澜途储能近日与法国EDF集团达成储能合作。', ['法国EDF集团']);
});

test('a news outlet and a one-letter tag are no part of a name', () => {
  includesNone('证券时报e公司讯，星禾科技有限公司发布公告。', ['证券时报e公司', 'e公司']);
  includesAll('证券时报e公司讯，星禾科技有限公司发布公告。', ['星禾科技有限公司']);
});

test('a listed body short form that is also an ending names the body', () => {
  includesAll('由国资委牵头，多家中央企业组建的产业联盟今日成立。', ['国资委']);
});

test('a weak ending followed by more of a noun phrase is no name end, whatever the segmenter tags', () => {
  includesNone('比亚迪新能源汽车零部件项目签约仪式在西安举行。', ['比亚迪新能源汽车']);
  includesAll('比亚迪新能源汽车零部件项目签约仪式在西安举行。', ['比亚迪']);
});

test('a name that opens with a place takes no stray character before it; a leader is no part of the body led', () => {
  includesAll('据悉，煤湖北鼎川地质集团有限公司已完成改制。', ['湖北鼎川地质集团有限公司']);
  includesAll('民盟资阳市委会主委周明远带队率民盟资阳市委会相关负责人调研。', ['民盟资阳市委会']);
  includesNone('民盟资阳市委会主委周明远带队率民盟资阳市委会相关负责人调研。', [
    '周明远带队率民盟资阳市委会',
  ]);
});

test('a Latin name before its plant is the company', () => {
  includesAll('韩国Corvex锂电池厂发生火灾。', ['Corvex']);
});

test('foreign countries are places: where a plant is, and the country before a foreign company', () => {
  const places = annotate('福特墨西哥工厂停产，斯柯达在捷克减产。', null).places.map((place) => place.text);
  assert.deepEqual(places, ['墨西哥', '捷克']);
});

test('a short form without the place before the name, whatever the segmenter reads as a place after it', () => {
  includesAll(
    '江淮锂能科技有限公司与南京澄芯微电子有限公司签署协议。根据协议，澄芯微电子将为江淮锂能提供芯片。',
    ['南京澄芯微电子有限公司', '澄芯微电子'],
  );
});
