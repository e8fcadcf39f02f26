import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';
import { bundledResources } from '../resources/index.js';

function statements(text: string) {
  const input = { file: 'test', title: null, published: '2025-06-01', text };
  return extractText(input, bundledResources(), { ner: false }).extraction.headquarters.map(
    ({ org, place }) => ({
      org,
      place,
    }),
  );
}

test('an organization whose headquarters are said to be somewhere', () => {
  assert.deepEqual(statements('澄江智行科技有限公司总部位于浙江宁波，主营智能座舱。'), [
    { org: '澄江智行科技有限公司', place: '宁波' },
  ]);
  assert.deepEqual(statements('总部位于合肥的电池企业江淮锂能科技有限公司当天发布了新品。'), [
    { org: '江淮锂能科技有限公司', place: '合肥' },
  ]);
  assert.deepEqual(
    statements('以浙东电驱动系统股份有限公司为例，这家总部位于宁波的电驱动企业同时验证三家供应商。'),
    [{ org: '浙东电驱动系统股份有限公司', place: '宁波' }],
  );
});

test('regional and functional headquarters are no home', () => {
  assert.deepEqual(statements('浙东电驱动系统股份有限公司华东总部位于嘉兴。'), []);
  assert.deepEqual(statements('江淮锂能科技有限公司研发总部设在上海。'), []);
  assert.deepEqual(statements('总部位于宁波。'), [], 'no organization, no statement');
});

function located(text: string) {
  const input = { file: 'test', title: null, published: '2025-06-01', text };
  return extractText(input, bundledResources(), { ner: false }).extraction.headquarters.map(
    ({ org, place, kind }) => ({ org, place, kind }),
  );
}

test('where an organization is, without 总部: a registered address, 位于…的, 来自…的, 某公司位于…', () => {
  assert.deepEqual(located('青禾储能科技有限公司注册地址位于江苏省常州市武进区。'), [
    { org: '青禾储能科技有限公司', place: '武进区', kind: 'registered' },
  ]);
  assert.deepEqual(located('位于安徽芜湖的远帆热管理有限公司当天与客户签约。'), [
    { org: '远帆热管理有限公司', place: '芜湖', kind: 'located' },
  ]);
  assert.deepEqual(located('来自四川宜宾的岷江电池材料有限公司也参加了对接会。'), [
    { org: '岷江电池材料有限公司', place: '宜宾', kind: 'located' },
  ]);
  assert.deepEqual(located('远帆热管理有限公司位于安徽芜湖，主营电池冷却板。'), [
    { org: '远帆热管理有限公司', place: '芜湖', kind: 'located' },
  ]);
  assert.deepEqual(located('广东比亚迪当天发布了新车型。'), [
    { org: '比亚迪', place: '广东', kind: 'located' },
  ]);
});

test('a plant or project somewhere is no home of its owner', () => {
  assert.deepEqual(located('远帆热管理有限公司位于四川宜宾的工厂已投产。'), []);
  assert.deepEqual(located('远帆热管理有限公司位于四川宜宾的生产基地二期开工。'), []);
});
