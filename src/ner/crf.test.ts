import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledResources } from '../resources/index.js';
import type { NerExample } from './cluener.js';
import { CrfTrainer } from './crf.js';
import { scoreSpans } from './evaluate.js';
import { CLUENER_LABELS, type NerSpan, tagSetOf } from './labels.js';
import type { NerModelInfo } from './model.js';

const info: Omit<NerModelInfo, 'epochs'> = {
  format: 2,
  scheme: 'cluener',
  data: 'test sentences',
  trainedAt: '',
  trainSentences: 0,
  heldOutSentences: 0,
  heldOutMicroF1: 0,
};

/** Sentences of one pattern: a company, a position and a person, with names that vary. */
function sentences(): NerExample[] {
  const companies = [
    '青岚动力有限公司',
    '北辰储能科技公司',
    '华夏电池集团',
    '星河汽车公司',
    '澜拓材料有限公司',
  ];
  const people = ['王立新', '陈思雨', '赵一鸣', '刘海峰', '周明远', '孙晓燕'];
  const positions = ['董事长', '总经理', '副总裁'];
  const examples: NerExample[] = [];
  companies.forEach((company, c) => {
    people.forEach((person, p) => {
      const position = positions[(c + p) % positions.length] as string;
      const text = `${company}${position}${person}出席了签约仪式。`;
      const spans: NerSpan[] = [
        { label: 'company', start: 0, end: company.length, text: company },
        { label: 'position', start: company.length, end: company.length + position.length, text: position },
        {
          label: 'name',
          start: company.length + position.length,
          end: company.length + position.length + person.length,
          text: person,
        },
      ];
      examples.push({ text, spans });
    });
  });
  return examples;
}

test('the CRF learns a pattern well enough to tag its training sentences, and improves with training', () => {
  const examples = sentences();
  const f1ByEpoch: number[] = [];
  const trainer = new CrfTrainer({
    lexical: bundledResources().lexical,
    tagSet: tagSetOf('cluener'),
    epochs: 4,
    seed: 7,
    minCount: 1,
    prune: 0,
    rate: 0.05,
    l2: 1e-5,
    entityFolds: 0,
    onEpoch(_, model) {
      const pairs = examples.map((example) => ({
        gold: example.spans,
        predicted: model.tag(example.text, []),
      }));
      f1ByEpoch.push(scoreSpans(pairs, CLUENER_LABELS).micro.f1);
    },
  });
  const model = trainer.train(examples, info);
  assert.equal(model.info.epochs, 4);
  assert.ok((f1ByEpoch.at(-1) ?? 0) > 0.95, `F1 by epoch: ${f1ByEpoch.join(', ')}`);
  assert.throws(() => trainer.train(examples, info), /trains once/);
});
