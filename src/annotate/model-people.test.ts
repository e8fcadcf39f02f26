import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledResources } from '../resources/index.js';
import { ruleCompany, spanOf } from './mentions.testing.js';
import { findModelPeople } from './model-people.js';
import type { PersonMention } from './types.js';

const lexicon = bundledResources().annotation;

test('a tagged position followed by a tagged name is a titled person, with the organization before the title', () => {
  const text = '青峰储能分公司行长罗启明表示，项目将分批推进。';
  const org = ruleCompany(text, '青峰储能分公司');
  const spans = [spanOf(text, 'position', '行长'), spanOf(text, 'name', '罗启明')];
  const [person, ...rest] = findModelPeople(spans, { text, lexicon, orgs: [org], rulePeople: [] });
  assert.equal(rest.length, 0);
  assert.equal(person?.text, '罗启明');
  assert.equal(person?.title, '行长');
  assert.equal(person?.org?.text, '青峰储能分公司');
});

test('bylines, names without a surname, gaps between title and name, and rule-found people are left out', () => {
  const text = '记者王晓敏报道，主任小雨说，经理 张林发言，总监赵一鸣出席。';
  const ruleZhao: PersonMention = {
    label: 'person',
    start: text.indexOf('赵一鸣'),
    end: text.indexOf('赵一鸣') + 3,
    text: '赵一鸣',
    title: '总监',
    titleSpan: { start: text.indexOf('总监'), end: text.indexOf('总监') + 2, text: '总监' },
    org: null,
  };
  const spans = [
    spanOf(text, 'position', '记者'),
    spanOf(text, 'name', '王晓敏'),
    spanOf(text, 'position', '主任'),
    spanOf(text, 'name', '小雨'),
    spanOf(text, 'position', '经理'),
    spanOf(text, 'name', '张林'),
    spanOf(text, 'position', '总监'),
    spanOf(text, 'name', '赵一鸣'),
  ];
  assert.deepEqual(findModelPeople(spans, { text, lexicon, orgs: [], rulePeople: [ruleZhao] }), []);
});
