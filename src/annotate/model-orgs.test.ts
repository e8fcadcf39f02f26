import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NerSpan } from '../ner/index.js';
import { gazetteer } from './gazetteer.js';
import { annotationLexicon } from './lexicon.js';
import { ruleCompany, spanOf } from './mentions.testing.js';
import { findModelOrgs } from './model-orgs.js';
import { tokenize } from './tokens.js';
import type { OrgMention } from './types.js';

function run(text: string, spans: NerSpan[], ruleOrgs: OrgMention[] = []): string[] {
  const context = {
    text,
    tokens: tokenize(text),
    lexicon: annotationLexicon(),
    gazetteer: gazetteer(),
    ruleOrgs,
  };
  return findModelOrgs(spans, context).map((org) => `${org.orgType}:${org.text}`);
}

test('a tagger organization that jieba knows as an organization word is added, typed by its label', () => {
  const text = '招商银行为该项目提供贷款，海关总署随后发布通知。';
  const found = run(text, [spanOf(text, 'company', '招商银行'), spanOf(text, 'government', '海关总署')]);
  assert.deepEqual(found, ['company:招商银行', 'government:海关总署']);
});

test('where the rules found an organization, an overlapping tagger span is left out', () => {
  const text = '招商银行为该项目提供贷款。';
  const rule = ruleCompany(text, '招商银行');
  assert.deepEqual(run(text, [spanOf(text, 'company', '招商银行为')], [rule]), []);
});

test('spans without an organization word, off word boundaries, or read as a kind or a place are left out', () => {
  const text = '光伏企业与科研院所合作，合肥市政府在合肥召开会议，招商银行参会。';
  const spans = [
    spanOf(text, 'company', '光伏'),
    spanOf(text, 'organization', '科研院所'),
    spanOf(text, 'government', '合肥'),
    {
      label: 'company',
      start: text.indexOf('招商银行') + 1,
      end: text.indexOf('招商银行') + 4,
      text: '商银行',
    },
  ] satisfies NerSpan[];
  assert.deepEqual(run(text, spans), []);
});

test('labels that name no organization (person, position, address) are never added as organizations', () => {
  const text = '招商银行行长在深圳讲话。';
  assert.deepEqual(run(text, [spanOf(text, 'name', '招商银行'), spanOf(text, 'address', '深圳')]), []);
});
