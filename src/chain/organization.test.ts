import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledResources } from '../resources/index.js';
import { ChainMatcher } from './attach.js';
import {
  attachOrganization,
  coreName,
  type OrganizationSigns,
  organizationAttacher,
} from './organization.js';
import { cuePhrases } from './sign-phrases.js';

const resources = bundledResources();
const attacher = organizationAttacher(
  new ChainMatcher(resources.taxonomy),
  resources.taxonomy,
  resources.chainAttachment,
);
const signs = (more: Partial<OrganizationSigns>): OrganizationSigns => ({
  name: '青禾科技有限公司',
  type: 'company',
  business: [],
  project: [],
  supply: [],
  topic: [],
  industry: null,
  known: [],
  ...more,
});
const nodes = (more: Partial<OrganizationSigns>): string[] =>
  attachOrganization(signs(more), attacher)
    .map((link) => link.node)
    .filter((node) => attacher.production.has(node));
const said = (phrase: string, sentence = `青禾科技${phrase}。`) => [{ phrase, sentence }];

test('a company sits where its name, its stated business, its projects and what it supplies put it', () => {
  assert.deepEqual(nodes({ name: '赣北锂业有限公司' }), ['lithium']);
  assert.deepEqual(nodes({ name: '远江汽车集团有限公司' }), ['passenger-vehicles']);
  assert.deepEqual(nodes({ business: said('磷酸铁锂正极材料的研发和生产') }), ['cathode']);
  assert.deepEqual(nodes({ project: said('年产20GWh动力电池') }), ['cells']);
  assert.deepEqual(nodes({ supply: said('换电电池包') }), ['battery-packs']);
  assert.deepEqual(nodes({ industry: '有色金属/能源金属/锂' }), ['lithium']);
  assert.deepEqual(nodes({ known: ['electrolyte'] }), ['electrolyte']);
});

test('a phrase counts by its head: the last keyword, when nothing but generic words follows it', () => {
  assert.deepEqual(nodes({ business: said('磷酸铁锂换电电池包') }), ['battery-packs']);
  assert.deepEqual(nodes({ business: said('电动汽车电池制造商') }), []);
  assert.deepEqual(
    nodes({ business: said('储能电池和动力电池') }).sort(),
    ['cells', 'storage-equipment'].sort(),
  );
});

test('a node gives way to a more precise one below it, and a company keeps at most the cap of production nodes', () => {
  assert.deepEqual(nodes({ name: '远江新能源汽车有限公司', business: said('乘用车') }), [
    'passenger-vehicles',
  ]);
  const many = nodes({
    business: said('正极材料、负极材料、电解液、隔膜、动力电池和储能电池'),
  });
  assert.equal(many.length, resources.chainAttachment.maxProductionNodes);
});

test('governments, alliances, research bodies and funds attach to no production node', () => {
  const business = said('动力电池');
  const alliance = signs({ name: '长三角动力电池回收利用产业联盟', type: 'association' });
  assert.deepEqual(
    attachOrganization(alliance, attacher).map((link) => link.node),
    ['industry-alliances'],
    'what a body is, by its name, stays',
  );
  assert.deepEqual(nodes({ name: '长三角动力电池回收利用产业联盟', type: 'association', business }), []);
  assert.deepEqual(
    nodes({ name: '某市经济和信息化局', type: 'government', project: said('电驱动系统') }),
    [],
  );
  assert.deepEqual(nodes({ name: '星河创业投资有限公司', business, known: ['cells'] }), []);
  assert.deepEqual(nodes({ name: '绿色智造产业基金', project: said('电驱动') }), []);
});

test('the core of a name is what is left without its legal form and generic words', () => {
  const tails = resources.chainAttachment.genericTails;
  assert.equal(coreName('吉润汽车集团有限公司', tails), '吉润汽车');
  assert.equal(coreName('重庆远江新能源汽车科技有限公司', tails), '重庆远江新能源汽车');
  assert.equal(coreName('远帆热管理(芜湖)有限公司', tails), '远帆热管理');
});

test('cue phrases: what follows a verb up to a noun or the clause end, and what precedes a noun', () => {
  const cues = resources.chainAttachment.projectCues;
  assert.deepEqual(cuePhrases('青禾科技将投资30亿元建设年产10万吨正极材料项目，预计明年投产。', cues), [
    '年产10万吨正极材料',
    '30亿元建设年产10万吨正极材料',
    '10万吨正极材料',
    '建设年产10万吨正极材料',
  ]);
  assert.deepEqual(cuePhrases('青禾科技是远江汽车的电池供应商。', resources.chainAttachment.supplyCues), [
    '电池',
  ]);
});

test('what its agreements cover places a company only where no other sign does, and only when weighed', () => {
  const topic = said('磷酸铁锂正极材料');
  assert.deepEqual(nodes({ topic }), [], 'off by default');
  const weighed = organizationAttacher(attacher.matcher, resources.taxonomy, {
    ...resources.chainAttachment,
    weights: { ...resources.chainAttachment.weights, topic: 0.5 },
  });
  const placed = (more: Partial<OrganizationSigns>) =>
    attachOrganization(signs(more), weighed).map((link) => link.node);
  assert.deepEqual(placed({ topic }), ['cathode']);
  assert.deepEqual(placed({ topic, name: '远江汽车有限公司' }), ['passenger-vehicles']);
  assert.deepEqual(placed({ topic, type: 'government', name: '某市人民政府' }), []);
});

test('an amount after a product leaves it the head of its phrase', () => {
  assert.deepEqual(nodes({ supply: said('高压实磷酸铁锂正极材料不少于3万吨') }), ['cathode']);
  assert.deepEqual(nodes({ project: said('动力电池约20GWh') }), ['cells']);
});

test('what a body is, its name says at its end', () => {
  const court = signs({ name: '盐城经济技术开发区人民法院', type: 'government' });
  assert.deepEqual(attachOrganization(court, attacher), []);
});

test('evidence offsets index its text: a name ending in a name with a bracket, a listed class, a known company', () => {
  const links = attachOrganization(
    signs({ name: '远江（上海）汽车有限公司', industry: '有色金属/能源金属/锂', known: ['electrolyte'] }),
    attacher,
  );
  const evidence = links.flatMap((link) => link.evidence);
  assert.ok(evidence.length >= 3);
  for (const item of evidence) assert.equal(item.text.slice(item.start, item.end), item.keyword);
});
