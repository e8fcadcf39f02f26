import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandKeys, SAME_ARTICLE, signature, similarity } from './minhash.js';

const article =
  '3月18日，皖南储能科技有限公司与芜湖市人民政府签署投资协议，储能产业园项目正式落户芜湖。项目总投资30亿元，' +
  '建成后年产储能系统10GWh，配套建设电池回收产线。芜湖市委常委、副市长出席签约仪式并致辞，表示将全力做好要素保障。' +
  '皖南储能董事长表示，公司将把芜湖基地建成华东地区最大的储能系统生产基地。';

test('a repost with another header and footer is the same article; a different article is not', () => {
  const original = signature(article);
  const repost = signature(`来源：江城新闻网 2024-03-19\n${article}\n（责任编辑：李明）`);
  const other = signature(
    '5月6日，浙东电驱动系统股份有限公司在宁波召开年度供应商大会，二百余家供应商代表参会，会议发布了新一代电驱动平台。' +
      '公司总经理介绍了扁线电机和碳化硅控制器的量产计划，并与三家材料企业签订了长期供货协议。',
  );
  assert.ok(original && repost && other);
  assert.ok(similarity(original, repost) >= SAME_ARTICLE, 'repost is near-duplicate');
  assert.ok(similarity(original, other) < 0.2, 'other article is not');
  const shared = bandKeys(original).filter((key, band) => bandKeys(repost)[band] === key);
  assert.ok(shared.length > 0, 'repost shares an LSH band');
});

test('spacing and punctuation do not change the signature; very short texts get none', () => {
  const a = signature(article);
  const b = signature(article.replace(/，/g, ', ').replace(/。/g, '. '));
  assert.ok(a && b);
  assert.equal(similarity(a, b), 1);
  assert.equal(signature('太短了'), null);
});
