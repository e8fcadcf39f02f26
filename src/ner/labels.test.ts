import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CLUENER_LABELS,
  isNerLabel,
  MSRA_LABELS,
  type NerLabel,
  type NerSpan,
  spansIn,
  tagSetOf,
} from './labels.js';

const NER_LABELS = CLUENER_LABELS;
const TRANSITIONS = tagSetOf('cluener');
const TAG_COUNT = TRANSITIONS.count;
const spansToTags = (length: number, spans: readonly Omit<NerSpan, 'text'>[]) =>
  TRANSITIONS.spansToTags(length, spans);
const tagsToSpans = (text: string, tags: ArrayLike<number>) => TRANSITIONS.tagsToSpans(text, tags);

/** The tag of a label's part, as labels.ts numbers them: 0 outside, then Begin, Inside, End, Single per label. */
const PARTS = { B: 0, I: 1, E: 2, S: 3 } as const;
function tag(label: (typeof NER_LABELS)[number], part: keyof typeof PARTS): number {
  return 1 + 4 * NER_LABELS.indexOf(label) + PARTS[part];
}
const partOf = (t: number): keyof typeof PARTS | 'O' =>
  t === 0 ? 'O' : ((['B', 'I', 'E', 'S'] as const)[(t - 1) % 4] as keyof typeof PARTS);
const labelOf = (t: number): number => (t - 1) >> 2;

function span(text: string, label: NerLabel, start: number, end: number): NerSpan {
  return { label, start, end, text: text.slice(start, end) };
}

test('TAG_COUNT is outside plus four tags for each of the ten labels', () => {
  assert.equal(NER_LABELS.length, 10);
  assert.equal(TAG_COUNT, 41);
  assert.ok(isNerLabel('company'));
  assert.ok(!isNerLabel('person'));
  assert.equal(tagSetOf('msra').count, 1 + 4 * MSRA_LABELS.length);
});

test('CLUENER spans read in the MSRA scheme: people, places and the three kinds of organization; no books', () => {
  const text = '星河电池公司的周子安在杭州读《远方》';
  const spans = [
    span(text, 'company', 0, 6),
    span(text, 'name', 7, 10),
    span(text, 'address', 11, 13),
    span(text, 'book', 14, 18),
  ];
  assert.deepEqual(
    spansIn('msra', spans).map((s) => s.label),
    ['ORG', 'PER', 'LOC'],
  );
  assert.deepEqual(spansIn('cluener', spansIn('msra', spans)), []);
});

test('spansToTags writes Single, Begin/Inside/End and outside, and tagsToSpans reads them back', () => {
  const text = '星河电池公司的周子安在杭州说';
  const spans = [
    span(text, 'company', 0, 6),
    span(text, 'name', 7, 10),
    span(text, 'address', 11, 13),
    span(text, 'position', 13, 14),
  ];
  const tags = spansToTags(text.length, spans);
  assert.deepEqual(
    [...tags],
    [
      tag('company', 'B'),
      tag('company', 'I'),
      tag('company', 'I'),
      tag('company', 'I'),
      tag('company', 'I'),
      tag('company', 'E'),
      0,
      tag('name', 'B'),
      tag('name', 'I'),
      tag('name', 'E'),
      0,
      tag('address', 'B'),
      tag('address', 'E'),
      tag('position', 'S'),
    ],
  );
  assert.deepEqual(tagsToSpans(text, tags), spans);
});

test('single-character spans, two-character spans and adjacent spans survive the round trip', () => {
  const text = '甲乙丙丁戊己庚';
  const spans = [
    span(text, 'name', 0, 1),
    span(text, 'address', 1, 2),
    span(text, 'book', 2, 4),
    span(text, 'game', 4, 6),
    span(text, 'scene', 6, 7),
  ];
  const tags = spansToTags(text.length, spans);
  assert.ok(
    tags.every((t) => t !== 0),
    'adjacent spans leave no outside tag',
  );
  assert.deepEqual(tagsToSpans(text, tags), spans);
  for (const label of NER_LABELS) {
    const one = [span(text, label, 3, 4)];
    assert.deepEqual(tagsToSpans(text, spansToTags(text.length, one)), one, label);
    const long = [span(text, label, 0, 7)];
    assert.deepEqual(tagsToSpans(text, spansToTags(text.length, long)), long, label);
  }
});

test('overlapping spans: the first one listed wins and the later one is dropped whole', () => {
  const text = '东方储能科技集团有限公司';
  const company = span(text, 'company', 0, 12);
  const inner = span(text, 'address', 0, 2);
  assert.deepEqual(tagsToSpans(text, spansToTags(text.length, [company, inner])), [company]);
  assert.deepEqual(tagsToSpans(text, spansToTags(text.length, [inner, company])), [inner]);
  const left = span(text, 'organization', 2, 6);
  const right = span(text, 'company', 4, 9);
  assert.deepEqual(tagsToSpans(text, spansToTags(text.length, [left, right])), [left]);
  assert.deepEqual(tagsToSpans(text, spansToTags(text.length, [right, left])), [right]);
});

test('spansToTags ignores empty spans and spans running past the text', () => {
  const text = '一二三';
  const tags = spansToTags(text.length, [
    { label: 'name', start: 1, end: 1 },
    { label: 'name', start: 2, end: 4 },
    { label: 'book', start: 0, end: 2 },
  ]);
  assert.deepEqual(tagsToSpans(text, tags), [span(text, 'book', 0, 2)]);
});

test('tagsToSpans of an all-outside or empty sequence is empty', () => {
  assert.deepEqual(tagsToSpans('', []), []);
  assert.deepEqual(tagsToSpans('一二三', [0, 0, 0]), []);
});

test('Inside and End of a label may only follow Begin or Inside of the same label', () => {
  for (let to = 1; to < TAG_COUNT; to++) {
    const part = partOf(to);
    if (part !== 'I' && part !== 'E') continue;
    const before = [...(TRANSITIONS.allowedBefore[to] as Int32Array)].sort((a, b) => a - b);
    const label = NER_LABELS[labelOf(to)] as (typeof NER_LABELS)[number];
    assert.deepEqual(before, [tag(label, 'B'), tag(label, 'I')], `before ${part}-${label}`);
  }
});

test('outside, Begin and Single may only follow outside, End or Single (of any label)', () => {
  const closers = [0];
  for (const label of NER_LABELS) closers.push(tag(label, 'E'), tag(label, 'S'));
  closers.sort((a, b) => a - b);
  for (let to = 0; to < TAG_COUNT; to++) {
    const part = partOf(to);
    if (part !== 'O' && part !== 'B' && part !== 'S') continue;
    assert.deepEqual([...(TRANSITIONS.allowedBefore[to] as Int32Array)], closers, `before tag ${to}`);
  }
});

test('every allowed pair keeps a sequence well formed, checked pair by pair against BIOES', () => {
  let allowedPairs = 0;
  for (let to = 0; to < TAG_COUNT; to++) {
    const before = new Set(TRANSITIONS.allowedBefore[to] as Int32Array);
    for (let from = 0; from < TAG_COUNT; from++) {
      const fromPart = partOf(from);
      const toPart = partOf(to);
      const open = fromPart === 'B' || fromPart === 'I';
      const expected = open
        ? (toPart === 'I' || toPart === 'E') && labelOf(from) === labelOf(to)
        : toPart === 'O' || toPart === 'B' || toPart === 'S';
      assert.equal(before.has(from), expected, `${from} -> ${to}`);
      if (expected) allowedPairs++;
    }
  }
  // 21 closers x 21 openers, plus for each label B/I into I/E.
  assert.equal(allowedPairs, 21 * 21 + 10 * 4);
});

test('a sequence may start with outside, Begin or Single and end with outside, End or Single', () => {
  assert.equal(TRANSITIONS.canStart.length, TAG_COUNT);
  assert.equal(TRANSITIONS.canEnd.length, TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t++) {
    const part = partOf(t);
    assert.equal(TRANSITIONS.canStart[t], part === 'O' || part === 'B' || part === 'S', `start ${t}`);
    assert.equal(TRANSITIONS.canEnd[t], part === 'O' || part === 'E' || part === 'S', `end ${t}`);
  }
});

test('a span never cuts a character outside the BMP in two', () => {
  const text = '😀公司';
  // Tags per UTF-16 unit: a company beginning on the second half of the emoji.
  const company = NER_LABELS.indexOf('company');
  const tags = [0, 1 + 4 * company, 2 + 4 * company, 3 + 4 * company];
  assert.deepEqual(tagsToSpans(text, tags), [{ label: 'company', start: 0, end: 4, text: '😀公司' }]);
});
