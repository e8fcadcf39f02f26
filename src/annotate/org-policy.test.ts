import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoredSpan } from '../ner/index.js';
import { bundledResources } from '../resources/index.js';
import { ruleCompany } from './mentions.testing.js';
import {
  agreement,
  joinParentPrefixes,
  joinSubBodies,
  type OrgPolicyContext,
  rulesFirst,
} from './org-policy.js';
import { tokenize } from './tokens.js';
import type { OrgMention } from './types.js';

function context(text: string): OrgPolicyContext {
  return {
    text,
    tokens: tokenize(text),
    lexicon: bundledResources().annotation,
    gazetteer: bundledResources().places,
  };
}

/** The tagger's organization at the first occurrence of `surface`, with a probability. */
function tagged(text: string, surface: string, confidence: number): ScoredSpan {
  const start = text.indexOf(surface);
  assert.ok(start >= 0, `${surface} is in the text`);
  return { label: 'ORG', start, end: start + surface.length, text: surface, confidence };
}

const names = (mentions: readonly OrgMention[]): string[] => mentions.map((mention) => mention.text);

test('agreement: a name only the tagger found stands when the tagger is sure of it, not otherwise', () => {
  const text = '青禾储能与澜途新材签署合作协议。';
  assert.deepEqual(names(agreement([], [tagged(text, '青禾储能', 0.9)], context(text))), ['青禾储能']);
  assert.deepEqual(names(agreement([], [tagged(text, '青禾储能', 0.4)], context(text))), []);
});

test('agreement: a tagger name that cuts a word, or is one ordinary word, or a venue, is no name', () => {
  const text = '双方将成立联合工作组，并在杭州萧山工厂投产。';
  const spans = [
    tagged(text, '方将成立', 0.9),
    tagged(text, '联合', 0.9),
    tagged(text, '联合工作组', 0.9),
    tagged(text, '杭州萧山工厂', 0.9),
  ];
  assert.deepEqual(names(agreement([], spans, context(text))), []);
});

test('agreement: a rule name that is also an ordinary word needs the tagger to read a name there', () => {
  const text = '理想汽车发布新车，这是一个理想的结果。';
  const common: OrgMention = { ...ruleCompany(text, '理想'), source: 'lexicon', needsSupport: true };
  const later: OrgMention = { ...common, start: text.lastIndexOf('理想'), end: text.lastIndexOf('理想') + 2 };
  assert.deepEqual(names(agreement([common, later], [], context(text))), []);
  assert.deepEqual(names(agreement([common, later], [tagged(text, '理想', 0.8)], context(text))), ['理想']);
});

test('agreement: the tagger joins two names it reads as one, and widens a name cut short on the left', () => {
  const text = '华澜电投集团资本控股有限公司与中创新航科技股份有限公司签约。';
  const parent = ruleCompany(text, '华澜电投集团');
  const child = ruleCompany(text, '资本控股有限公司');
  const cut = ruleCompany(text, '创新航科技股份有限公司');
  const spans = [
    tagged(text, '华澜电投集团资本控股有限公司', 0.7),
    tagged(text, '中创新航科技股份有限公司', 0.7),
  ];
  assert.deepEqual(names(agreement([parent, child, cut], spans, context(text))), [
    '华澜电投集团资本控股有限公司',
    '中创新航科技股份有限公司',
  ]);
});

test('agreement: where the tagger crosses a rule name, the rule name stands', () => {
  const text = '华夏电池有限公司董事长李明出席。';
  const rule = ruleCompany(text, '华夏电池有限公司');
  const spans = [tagged(text, '有限公司董事长李', 0.9)];
  assert.deepEqual(names(agreement([rule], spans, context(text))), ['华夏电池有限公司']);
});

test('agreement: junk fused to the front of a name is taken off', () => {
  const text = '公司全资子公司江苏星禾新能源科技有限公司与母公司签约。';
  const fused = ruleCompany(text, '全资子公司江苏星禾新能源科技有限公司');
  assert.deepEqual(names(agreement([fused], [], context(text))), ['江苏星禾新能源科技有限公司']);
});

test('rulesFirst: the tagger adds only where jieba knows an organization word, and never moves a boundary', () => {
  const text = '此次银团由中国建设银行牵头，青禾储能参与。';
  const spans = [tagged(text, '中国建设银行', 0.99), tagged(text, '青禾储能', 0.9)];
  assert.deepEqual(names(rulesFirst([], spans, context(text))), ['中国建设银行']);
  assert.deepEqual(names(agreement([], spans, context(text))), ['中国建设银行', '青禾储能']);
});

test('a parent written right before its subsidiary makes one name', () => {
  const text = '某能源集团某省电力有限公司宣布';
  const parent = ruleCompany(text, '某能源集团');
  const child = ruleCompany(text, '某省电力有限公司');
  assert.deepEqual(names(joinParentPrefixes([parent, child], text)), ['某能源集团某省电力有限公司']);
  const apart = '某能源集团与某省电力有限公司签约';
  assert.equal(
    joinParentPrefixes([ruleCompany(apart, '某能源集团'), ruleCompany(apart, '某省电力有限公司')], apart)
      .length,
    2,
  );
});

test('a department written right after its body is part of its name; a title is not', () => {
  const body = (text: string, name: string): OrgMention => ({
    ...ruleCompany(text, name),
    orgType: 'government',
  });
  const text = '工业和信息化部办公厅发布通知，国家发改委产业发展司负责同志出席。';
  assert.deepEqual(
    names(joinSubBodies([body(text, '工业和信息化部'), body(text, '国家发改委')], context(text))),
    ['工业和信息化部办公厅', '国家发改委产业发展司'],
  );
  const titled = '商务部部长表示';
  assert.deepEqual(names(joinSubBodies([body(titled, '商务部')], context(titled))), ['商务部']);
});

test('a zone is an organization where it acts somewhere in the article, a place where it is only a place', () => {
  const zone = (text: string): OrgMention => ({
    ...ruleCompany(text, '星湖经开区'),
    orgType: 'government',
  });
  const acting = '星湖经开区与某电池公司签约。';
  assert.deepEqual(names(agreement([zone(acting)], [], context(acting))), ['星湖经开区']);
  const located = '项目位于星湖经开区，总投资十亿元。';
  assert.deepEqual(names(agreement([zone(located)], [], context(located))), []);
});
