import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NerExample } from './cluener.js';
import { EntityLexicon } from './entity-lexicon.js';
import { CLUENER_LABELS, type NerSpan } from './labels.js';

const NER_LABELS = CLUENER_LABELS;

import { NerModel } from './model.js';
import { decodeModel, encodeModel } from './model-file.js';

function example(text: string, ...spans: [NerSpan['label'], string][]): NerExample {
  return {
    text,
    spans: spans.map(([label, name]) => {
      const start = text.indexOf(name);
      return { label, start, end: start + name.length, text: name };
    }),
  };
}

test('each name keeps the label it carries most often; single characters are left out', () => {
  const lexicon = EntityLexicon.fromExamples(
    [
      example('青川集团发布财报', ['company', '青川集团']),
      example('青川集团再度发布', ['company', '青川集团']),
      example('青川集团乐队演出', ['organization', '青川集团']),
      example('王说', ['name', '王']),
    ],
    NER_LABELS,
  );
  assert.deepEqual(lexicon.entries, [['青川集团', 'company']]);
});

test('coverage marks the longest name from the left with its label and each character’s place in it', () => {
  const lexicon = new EntityLexicon(
    [
      ['星河', 'company'],
      ['星河汽车', 'company'],
      ['合肥', 'address'],
    ],
    NER_LABELS,
  );
  const company = NER_LABELS.indexOf('company') + 1;
  const address = NER_LABELS.indexOf('address') + 1;
  assert.deepEqual(
    [...lexicon.coverage('在合肥的星河汽车')],
    [
      0,
      address * 8 + 1,
      address * 8 + 3,
      0,
      company * 8 + 1,
      company * 8 + 2,
      company * 8 + 2,
      company * 8 + 3,
    ],
  );
});

test('a model file keeps its entity names', () => {
  const lexicon = new EntityLexicon([['星河汽车', 'company']], NER_LABELS);
  const empty = new Float32Array(0);
  const tags = 41;
  const model = new NerModel({
    info: {
      format: 2,
      scheme: 'cluener',
      data: 'test',
      trainedAt: '',
      epochs: 0,
      trainSentences: 0,
      heldOutSentences: 0,
      heldOutMicroF1: 0,
    },
    rowKeys: new Int32Array(0),
    rowStart: new Int32Array(1),
    entryTags: new Uint8Array(0),
    entryWeights: empty,
    pair: new Float32Array(tags * tags),
    first: new Float32Array(tags),
    last: new Float32Array(tags),
    entities: lexicon,
  });
  assert.deepEqual(decodeModel(encodeModel(model), 'test.model').entities?.entries, [
    ['星河汽车', 'company'],
  ]);
});
