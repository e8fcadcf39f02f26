import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  labellerFills,
  MODEL_MARGIN,
  PARTY_MARGIN,
  rulePartiesOnly,
  rulesOnly,
  rulesThenModel,
} from './event-policy.js';

const rule = { type: 'cooperation_agreement' as const, at: 10, end: 14, foundBy: 'rules' as const };
const model = (type: 'investment' | 'cooperation_agreement', at: number, margin: number) => ({
  type,
  at,
  end: at + 2,
  foundBy: 'model' as const,
  margin,
});

test('rulesOnly ignores the model; rulesThenModel adds only sure triggers of new types on untyped words', () => {
  assert.deepEqual(rulesOnly([rule], [model('investment', 20, 10)]), [rule]);
  const sure = model('investment', 20, MODEL_MARGIN + 1);
  assert.deepEqual(rulesThenModel([rule], [sure]), [rule, sure]);
  assert.deepEqual(rulesThenModel([rule], [model('investment', 20, MODEL_MARGIN - 1)]), [rule], 'unsure');
  assert.deepEqual(rulesThenModel([rule], [model('cooperation_agreement', 30, 50)]), [rule], 'type found');
  assert.deepEqual(rulesThenModel([rule], [model('investment', 11, 50)]), [rule], 'a word a rule typed');
  const weaker = model('investment', 40, MODEL_MARGIN + 1);
  const stronger = model('investment', 50, MODEL_MARGIN + 9);
  assert.deepEqual(rulesThenModel([], [weaker, stronger]), [stronger], 'the surest of one type');
});

test('labellerFills adds sure parties only where the rules found fewer than two', () => {
  const labelled = [
    { name: '甲', margin: PARTY_MARGIN + 1 },
    { name: '乙', margin: PARTY_MARGIN - 1 },
  ];
  assert.deepEqual(rulePartiesOnly(['丙'], labelled), ['丙']);
  assert.deepEqual(labellerFills(['丙'], labelled), ['丙', '甲']);
  assert.deepEqual(labellerFills(['丙', '丁'], labelled), ['丙', '丁']);
  assert.deepEqual(labellerFills(['甲'], labelled), ['甲']);
});
