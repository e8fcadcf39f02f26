import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tokenize } from '../annotate/tokens.js';
import { BIAS_FEATURE, FEATURES_PER_CHAR, textFeatures } from './features.js';
import { CLUENER_LABELS, tagSetOf } from './labels.js';

const NER_LABELS = CLUENER_LABELS;
const TAG_COUNT = tagSetOf('cluener').count;

import { bundledResources } from '../resources/index.js';
import { lexicalHits } from './lexical.js';
import { NerModel, type NerModelInfo } from './model.js';
import { decodeModel, encodeModel } from './model-file.js';

const PARTS = { B: 0, I: 1, E: 2, S: 3 } as const;
function tag(label: (typeof NER_LABELS)[number], part: keyof typeof PARTS): number {
  return 1 + 4 * NER_LABELS.indexOf(label) + PARTS[part];
}

const info: NerModelInfo = {
  format: 2,
  scheme: 'cluener',
  data: 'hand-built rows for a test',
  trainedAt: '2024-01-02T03:04:05.000Z',
  epochs: 3,
  trainSentences: 12,
  heldOutSentences: 2,
  heldOutMicroF1: 0.5,
};

const text = '罗振宇在常州';
const tokens = tokenize(text);
const features = textFeatures(text, tokens, null, lexicalHits(text, bundledResources().lexical));
/** The current-character feature (slot 3) of each character: a key the model will meet when tagging `text`. */
const charKey = (i: number): number => features[i * FEATURES_PER_CHAR + 3] as number;

/** A tiny model: one row per character of `text` pushing it to a tag, a bias row and a few transition scores. */
function tinyModel(): NerModel {
  const rows: [number, [number, number][]][] = [
    [BIAS_FEATURE, [[0, 0.75]]],
    [
      charKey(0),
      [
        [tag('name', 'B'), 3.25],
        [0, -1.5],
      ],
    ],
    [charKey(1), [[tag('name', 'I'), 2.5]]],
    [
      charKey(2),
      [
        [tag('name', 'E'), 2.75],
        [tag('company', 'E'), 0.125],
      ],
    ],
    [charKey(3), []],
    [charKey(4), [[tag('address', 'B'), 4]]],
    [
      charKey(5),
      [
        [tag('address', 'E'), 3.5],
        [tag('address', 'S'), -2.25],
      ],
    ],
  ];
  const rowKeys = Int32Array.from(rows, ([key]) => key);
  const rowStart = new Int32Array(rows.length + 1);
  const entryTags: number[] = [];
  const entryWeights: number[] = [];
  rows.forEach(([, entries], row) => {
    for (const [t, weight] of entries) {
      entryTags.push(t);
      entryWeights.push(weight);
    }
    rowStart[row + 1] = entryTags.length;
  });
  const pair = new Float32Array(TAG_COUNT * TAG_COUNT);
  pair[tag('name', 'E') * TAG_COUNT + 0] = 0.5;
  pair[0 * TAG_COUNT + tag('address', 'B')] = 0.25;
  const first = new Float32Array(TAG_COUNT);
  first[tag('name', 'B')] = 0.125;
  const last = new Float32Array(TAG_COUNT);
  last[tag('address', 'E')] = 0.375;
  return new NerModel({
    info,
    rowKeys,
    rowStart,
    entryTags: Uint8Array.from(entryTags),
    entryWeights: Float32Array.from(entryWeights),
    pair,
    first,
    last,
    entities: null,
  }).withLexicons(bundledResources().lexical);
}

test('the hand-built model tags its text as intended', () => {
  const spans = tinyModel().tag(text, tokens);
  assert.deepEqual(spans, [
    { label: 'name', start: 0, end: 3, text: '罗振宇' },
    { label: 'address', start: 4, end: 6, text: '常州' },
  ]);
});

test('encodeModel then decodeModel keeps info, rows, transitions, emission scores and tags', () => {
  const model = tinyModel();
  const bytes = encodeModel(model);
  assert.ok(Buffer.isBuffer(bytes));
  assert.deepEqual([...bytes.subarray(0, 2)], [0x1f, 0x8b], 'gzipped');
  const decoded = decodeModel(bytes, 'tiny.model.gz').withLexicons(bundledResources().lexical);
  assert.deepEqual(decoded.info, info);
  assert.deepEqual([...decoded.rowKeys], [...model.rowKeys]);
  assert.deepEqual([...decoded.rowStart], [...model.rowStart]);
  assert.deepEqual([...decoded.entryTags], [...model.entryTags]);
  assert.deepEqual([...decoded.pair], [...model.pair]);
  assert.deepEqual([...decoded.first], [...model.first]);
  assert.deepEqual([...decoded.last], [...model.last]);
  // Weights go through 16-bit integers scaled by the largest weight (4 here).
  const step = 4 / 32767;
  model.entryWeights.forEach((weight, e) => {
    assert.ok(Math.abs((decoded.entryWeights[e] as number) - weight) <= step / 2 + 1e-9, `weight ${e}`);
  });
  const before = model.emission(features, text.length);
  const after = decoded.emission(features, text.length);
  assert.equal(after.length, text.length * TAG_COUNT);
  const tolerance = FEATURES_PER_CHAR * step;
  before.forEach((score, k) => {
    assert.ok(Math.abs((after[k] as number) - score) <= tolerance, `emission ${k}: ${after[k]} vs ${score}`);
  });
  assert.ok(Math.abs((after[tag('name', 'B')] as number) - 3.25) < 1e-3, 'the weights are really there');
  assert.deepEqual(decoded.tag(text, tokens), model.tag(text, tokens));
});

test('a model encoded twice gives the same bytes, and decoding the re-encoded model changes nothing', () => {
  const model = tinyModel();
  const once = encodeModel(model);
  assert.deepEqual(encodeModel(model), once);
  const decoded = decodeModel(once, 'once.gz').withLexicons(bundledResources().lexical);
  const twice = decodeModel(encodeModel(decoded), 'twice.gz').withLexicons(bundledResources().lexical);
  assert.deepEqual([...twice.entryWeights], [...decoded.entryWeights]);
});

test('a model with no weights at all round-trips', () => {
  const empty = new NerModel({
    info,
    rowKeys: new Int32Array(0),
    rowStart: new Int32Array(1),
    entryTags: new Uint8Array(0),
    entryWeights: new Float32Array(0),
    pair: new Float32Array(TAG_COUNT * TAG_COUNT),
    first: new Float32Array(TAG_COUNT),
    last: new Float32Array(TAG_COUNT),
    entities: null,
  });
  const decoded = decodeModel(encodeModel(empty), 'empty.gz').withLexicons(bundledResources().lexical);
  assert.equal(decoded.rowKeys.length, 0);
  assert.deepEqual(decoded.tag(text, tokens), []);
});

test('decodeModel on bytes that are not gzip throws an Error naming the file', () => {
  for (const garbage of [
    Buffer.from('this is not a model'),
    Buffer.alloc(0),
    Buffer.from([0x1f, 0x8b, 1, 2]),
  ]) {
    assert.throws(
      () => decodeModel(garbage, '/models/garbage.gz'),
      (error: unknown) => error instanceof Error && error.message.startsWith('/models/garbage.gz: '),
    );
  }
});

test('decodeModel on a gzip stream cut short throws an Error naming the file', () => {
  const bytes = encodeModel(tinyModel());
  assert.throws(
    () => decodeModel(bytes.subarray(0, bytes.length - 12), 'cut.gz'),
    (error: unknown) => error instanceof Error && error.message.startsWith('cut.gz: '),
  );
});

test('decodeModel on gzipped bytes that are not a model throws an Error naming the file', () => {
  assert.throws(() => decodeModel(gzipSync(Buffer.from('{"rows": 3}')), 'other.gz'), {
    message: 'other.gz: not a Liantu NER model',
  });
});

test('decodeModel on a model whose arrays are truncated throws an Error naming the file', () => {
  const raw = gunzipSync(encodeModel(tinyModel()));
  for (const cut of [1, 4, TAG_COUNT * 4, TAG_COUNT * TAG_COUNT * 4]) {
    assert.throws(() => decodeModel(gzipSync(raw.subarray(0, raw.length - cut)), 'short.gz'), {
      message: 'short.gz: model file is truncated',
    });
  }
});

test('decodeModel on a model with another tag count throws an Error naming the file', () => {
  const raw = gunzipSync(encodeModel(tinyModel()));
  const changed = Buffer.from(raw.toString('latin1').replace('"tagCount":41', '"tagCount":42'), 'latin1');
  assert.equal(changed.length, raw.length);
  assert.throws(() => decodeModel(gzipSync(changed), 'tags.gz'), {
    message: `tags.gz: model has 42 tags, expected ${TAG_COUNT} for cluener`,
  });
});

test('decodeModel on a model cut inside its header throws an Error naming the file', () => {
  const raw = gunzipSync(encodeModel(tinyModel()));
  for (const keep of [11, 13, 40]) {
    assert.throws(
      () => decodeModel(gzipSync(raw.subarray(0, keep)), 'header.gz'),
      (error: unknown) => error instanceof Error && error.message.startsWith('header.gz: '),
    );
  }
});
