import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ClueLine, parseClueLines, spansOfClueLine, splitExamples, toClueLine } from './cluener.js';

const first: ClueLine = {
  text: '云岭锂电科技有限公司总裁方嘉禾在昆明参观了滇池储能电站。',
  label: {
    company: { 云岭锂电科技有限公司: [[0, 9]] },
    name: { 方嘉禾: [[12, 14]] },
    position: { 总裁: [[10, 11]] },
    address: { 昆明: [[16, 17]] },
  },
};
const second: ClueLine = {
  text: '《风电简史》的作者许一鸣说，许一鸣还写过游戏攻略。',
  label: {
    book: { 风电简史: [[1, 4]] },
    name: {
      许一鸣: [
        [9, 11],
        [14, 16],
      ],
    },
  },
};
const content = `${JSON.stringify(first)}\n\n${JSON.stringify(second)}\n`;

test('parseClueLines reads inclusive end offsets as [start, end) spans, in text order', () => {
  const examples = parseClueLines(content, 'mine.json');
  assert.equal(examples.length, 2);
  assert.deepEqual(examples[0], {
    text: first.text,
    spans: [
      { label: 'company', start: 0, end: 10, text: '云岭锂电科技有限公司' },
      { label: 'position', start: 10, end: 12, text: '总裁' },
      { label: 'name', start: 12, end: 15, text: '方嘉禾' },
      { label: 'address', start: 16, end: 18, text: '昆明' },
    ],
  });
  const spans = examples[1]?.spans ?? [];
  assert.deepEqual(
    spans.map((span) => [span.label, span.start, span.end]),
    [
      ['book', 1, 5],
      ['name', 9, 12],
      ['name', 14, 17],
    ],
  );
  for (const example of examples) {
    for (const span of example.spans) assert.equal(example.text.slice(span.start, span.end), span.text);
  }
});

test('a line without labels has no spans; blank lines and Windows line ends are fine', () => {
  const examples = parseClueLines('{"text": "今天没有实体"}\r\n\r\n   \n{"text": "", "label": {}}\r\n', 'x');
  assert.deepEqual(examples, [
    { text: '今天没有实体', spans: [] },
    { text: '', spans: [] },
  ]);
  assert.deepEqual(parseClueLines('', 'x'), []);
});

test('a line that is not JSON is an error naming the file and line, blank lines counted', () => {
  const bad = `${JSON.stringify(first)}\n\n{"text": "缺了括号"\n${JSON.stringify(second)}`;
  assert.throws(
    () => parseClueLines(bad, 'data/mine.json'),
    (error: Error) => {
      assert.match(error.message, /^data\/mine\.json:3: not JSON/);
      return true;
    },
  );
});

test('a line without a "text" string is an error naming the file and line', () => {
  assert.throws(() => parseClueLines('{"label": {}}', 'mine.json'), /^Error: mine\.json:1: no "text" string/);
  assert.throws(() => parseClueLines('{"text": 5}', 'mine.json'), /mine\.json:1: no "text" string/);
});

test('offsets that do not match the surface form are an error naming the file and line', () => {
  const shifted = { text: '赵立新出任董事长。', label: { name: { 赵立新: [[1, 3]] } } };
  assert.throws(
    () => parseClueLines(`{"text": "无"}\n${JSON.stringify(shifted)}`, 'mine.json'),
    (error: Error) => {
      assert.equal(error.message, 'mine.json:2: "赵立新" is not at [1, 3]');
      return true;
    },
  );
  // An exclusive end where an inclusive one is expected is a mismatch too.
  const exclusive = { text: '赵立新出任董事长。', label: { name: { 赵立新: [[0, 3]] } } };
  assert.throws(
    () => parseClueLines(JSON.stringify(exclusive), 'mine.json'),
    /mine\.json:1: "赵立新" is not at/,
  );
});

test('an unknown label is an error naming the file, line and label', () => {
  const line = { text: '赵立新出任董事长。', label: { person: { 赵立新: [[0, 2]] } } };
  assert.throws(
    () => parseClueLines(`\n${JSON.stringify(line)}`, 'mine.json'),
    (error: Error) => {
      assert.equal(error.message, 'mine.json:2: unknown label "person"');
      return true;
    },
  );
});

test('malformed offsets are an error naming the file and line', () => {
  const line = { text: '赵立新出任董事长。', label: { name: { 赵立新: [0, 2] } } };
  assert.throws(() => parseClueLines(JSON.stringify(line), 'mine.json'), /^Error: mine\.json:1:/);
});

test('a JSON line that is not an object is an error naming the file and line', () => {
  assert.throws(() => parseClueLines('null', 'mine.json'), /^Error: mine\.json:1:/);
});

test('toClueLine writes inclusive ends with labels in canonical order and round-trips', () => {
  const [one, two] = parseClueLines(content, 'mine.json');
  assert.ok(one && two);
  const line = toClueLine(one.text, one.spans);
  assert.deepEqual(Object.keys(line.label), ['address', 'company', 'name', 'position']);
  assert.deepEqual(line, { text: first.text, label: first.label });
  const again = toClueLine(two.text, two.spans);
  assert.deepEqual(again, { text: second.text, label: second.label });
  const reparsed = parseClueLines(`${JSON.stringify(line)}\n${JSON.stringify(again)}`, 'again.json');
  assert.deepEqual(reparsed, [one, two]);
  assert.deepEqual(spansOfClueLine(again, 'again.json'), two.spans);
});

test('toClueLine of no spans has an empty label object', () => {
  assert.deepEqual(toClueLine('平静的一天', []), { text: '平静的一天', label: {} });
});

test('splitExamples is deterministic for a seed and differs between seeds', () => {
  const items = Array.from({ length: 500 }, (_, index) => `句子${index}`);
  const a = splitExamples(items, 0.1, 42);
  const b = splitExamples(items, 0.1, 42);
  assert.deepEqual(a, b);
  const c = splitExamples(items, 0.1, 43);
  assert.notDeepEqual(a.heldOut, c.heldOut);
});

test('splitExamples: the parts are disjoint, cover every item, keep input order and hold out about 10%', () => {
  for (const count of [1000, 1075, 37]) {
    const items = Array.from({ length: count }, (_, index) => index);
    const { train, heldOut } = splitExamples(items, 0.1, 20201);
    assert.equal(heldOut.length, Math.round(count * 0.1), `${count}`);
    assert.equal(train.length + heldOut.length, count);
    const heldOutSet = new Set(heldOut);
    assert.ok(
      train.every((item) => !heldOutSet.has(item)),
      'disjoint',
    );
    assert.deepEqual(
      [...train, ...heldOut].sort((x, y) => x - y),
      items,
    );
    assert.deepEqual(
      train,
      [...train].sort((x, y) => x - y),
      'train keeps input order',
    );
    assert.deepEqual(
      heldOut,
      [...heldOut].sort((x, y) => x - y),
      'held-out keeps input order',
    );
  }
  const { heldOut } = splitExamples(
    Array.from({ length: 1000 }, (_, index) => index),
    0.1,
    1,
  );
  // A shuffle, not the first tenth: the held-out items are spread over the whole list.
  assert.ok(heldOut.some((item) => item >= 500));
  assert.ok(heldOut.some((item) => item < 500));
});

test('splitExamples with share 0 or 1 and on an empty list', () => {
  const items = ['甲', '乙', '丙'];
  assert.deepEqual(splitExamples(items, 0, 1), { train: items, heldOut: [] });
  assert.deepEqual(splitExamples(items, 1, 1), { train: [], heldOut: items });
  assert.deepEqual(splitExamples([], 0.1, 1), { train: [], heldOut: [] });
});

test('offsets outside the text are an error naming the file and line', () => {
  const line = { text: '浙江杭州', label: { address: { 杭州: [[-2, 3]] } } };
  assert.throws(
    () => parseClueLines(JSON.stringify(line), 'mine.json'),
    /^Error: mine\.json:1: .*outside the text/,
  );
});
