import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';
import { bundledResources } from '../resources/index.js';

function business(text: string): [string, string][] {
  const input = { file: 'test', title: null, published: '2025-06-01', text };
  return extractText(input, bundledResources(), { ner: false }).extraction.business.map(({ org, phrase }) => [
    org,
    phrase,
  ]);
}

test('what a company does, said right after its name', () => {
  assert.deepEqual(business('青禾新材料科技有限公司主要从事磷酸铁锂正极材料的研发和生产。'), [
    ['青禾新材料科技有限公司', '磷酸铁锂正极材料的研发和生产。'],
  ]);
  assert.deepEqual(business('青禾新材料科技有限公司是一家专注于电解液添加剂的高新技术企业。'), [
    ['青禾新材料科技有限公司', '专注于电解液添加剂的高新技术'],
    ['青禾新材料科技有限公司', '电解液添加剂的高新技术企业。'],
  ]);
});

test('a company that opens a clause is the subject of the clauses after it, until another company comes in', () => {
  assert.deepEqual(business('远岭储能科技有限公司成立于2019年，总部位于武汉，主要从事储能变流器业务。'), [
    ['远岭储能科技有限公司', '储能变流器业务。'],
  ]);
  assert.deepEqual(
    business('远岭储能科技有限公司与江淮锂能科技有限公司成立合资公司，主要从事电池回收。'),
    [],
    'the joint venture does it, not the first party',
  );
});

test('descriptions around names: before one name, and after a list closed by 等', () => {
  assert.deepEqual(business('动力电池企业远岭电池科技有限公司当天发布新品。'), [
    ['远岭电池科技有限公司', '动力电池企业'],
  ]);
  assert.deepEqual(
    business('远岭电池科技有限公司、江淮锂能科技有限公司等12家企业参会。'),
    [],
    'a count says no business',
  );
});

test('only companies have a business', () => {
  assert.deepEqual(business('某市经济和信息化局主要负责新能源汽车产业规划。'), []);
});

test('what a company provides to another, in the clause its name opens', () => {
  assert.deepEqual(
    business('远岭材料科技有限公司将在年底前向江淮锂能科技有限公司供应正极材料不少于3万吨。'),
    [['远岭材料科技有限公司', '正极材料不少于3万吨。']],
  );
});

test('no business from a name holding 为 or 向, a noun holding 供应, an investment or a customer', () => {
  assert.deepEqual(
    business('远岭软件有限公司、华为等机构投资了固态电池供应商青禾锂电池科技有限公司。').filter(
      ([org]) => org === '远岭软件有限公司',
    ),
    [],
  );
  assert.deepEqual(
    business('远岭软件有限公司是青禾动力电池有限公司的第一大客户。').filter(
      ([org]) => org === '远岭软件有限公司',
    ),
    [],
  );
  assert.deepEqual(business('远岭软件有限公司负责人表示，订单饱满。'), []);
});

test("a company's own product written right after its name, not what it buys or is supplied", () => {
  assert.deepEqual(business('远岭锂能科技有限公司新一代储能电池包将于明年量产。'), [
    ['远岭锂能科技有限公司', '储能电池包'],
  ]);
  assert.deepEqual(
    business('青禾锂电池科技有限公司向远江汽车有限公司供应磷酸铁锂电池。').filter(
      ([org]) => org === '远江汽车有限公司',
    ),
    [],
  );
  assert.deepEqual(business('远岭锂能科技有限公司看好换电业务。'), []);
});
