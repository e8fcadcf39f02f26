import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrefixTable } from './prefix-table.js';

const table = new PrefixTable<string>([
  ['长江', 'river'],
  ['长江大桥', 'bridge'],
  ['长', 'long'],
  ['江城', 'city'],
  ['大桥', 'bridge-short'],
]);

function found<Value>(words: PrefixTable<Value>, text: string, at: number): [number, Value][] {
  const hits: [number, Value][] = [];
  words.scan(text, at, (length, value) => hits.push([length, value]));
  return hits;
}

test('scan reports every word starting at a position, shortest first', () => {
  assert.deepEqual(found(table, '长江大桥通车', 0), [
    [1, 'long'],
    [2, 'river'],
    [4, 'bridge'],
  ]);
  assert.deepEqual(found(table, '长江大桥通车', 2), [[2, 'bridge-short']]);
  assert.deepEqual(found(table, '看长江', 1), [
    [1, 'long'],
    [2, 'river'],
  ]);
});

test('scan finds nothing where no word starts, and nothing past the end of the text', () => {
  assert.deepEqual(found(table, '长江大桥通车', 4), []);
  assert.deepEqual(found(table, '长江大', 1), []);
  assert.deepEqual(found(table, '长江大', 3), []);
  assert.deepEqual(found(table, '长江大', 10), []);
  assert.deepEqual(found(table, '', 0), []);
});

test('a prefix of a word is not a word: 长江大 alone reports only 长 and 长江', () => {
  assert.deepEqual(found(table, '长江大', 0), [
    [1, 'long'],
    [2, 'river'],
  ]);
  assert.deepEqual(found(table, '长江大学', 0), [
    [1, 'long'],
    [2, 'river'],
  ]);
});

test('scan stops reading as soon as no word starts with what it has read', () => {
  const source = '长江小桥长江大桥';
  const read: number[] = [];
  const text = {
    length: source.length,
    charCodeAt(index: number): number {
      read.push(index);
      return source.charCodeAt(index);
    },
  } as unknown as string;
  const hits: number[] = [];
  table.scan(text, 0, (length) => hits.push(length));
  assert.deepEqual(hits, [1, 2]);
  // 长, 江 and then 小, which no word continues with: nothing after it is read.
  assert.deepEqual(read, [0, 1, 2]);
  read.length = 0;
  table.scan(text, 2, () => assert.fail('no word starts with 小'));
  assert.deepEqual(read, [2]);
});

test('scan reads at most the longest word', () => {
  assert.equal(table.longest, 4);
  const read: number[] = [];
  const words = new PrefixTable([['一二', 1]]);
  const source = '一二三四五';
  words.scan(
    {
      length: source.length,
      charCodeAt: (index: number) => {
        read.push(index);
        return source.charCodeAt(index);
      },
    } as unknown as string,
    0,
    () => {},
  );
  assert.deepEqual(read, [0, 1]);
});

test('longestAt gives the longest word at a position, or null', () => {
  assert.deepEqual(table.longestAt('长江大桥通车', 0), { length: 4, value: 'bridge' });
  assert.deepEqual(table.longestAt('长江大学', 0), { length: 2, value: 'river' });
  assert.deepEqual(table.longestAt('武汉江城', 2), { length: 2, value: 'city' });
  assert.equal(table.longestAt('武汉江城', 0), null);
  assert.equal(table.longestAt('江', 0), null);
});

test('a word listed twice keeps its first value; an empty table finds nothing', () => {
  const words = new PrefixTable([
    ['合肥', 1],
    ['合肥', 2],
  ]);
  assert.deepEqual(words.longestAt('合肥市', 0), { length: 2, value: 1 });
  const empty = new PrefixTable<number>([]);
  assert.equal(empty.longest, 0);
  assert.equal(empty.longestAt('合肥', 0), null);
});

test('values that are falsy (0, empty string) are still reported', () => {
  const words = new PrefixTable<number | string>([
    ['甲乙', 0],
    ['甲乙丙', ''],
  ]);
  assert.deepEqual(found(words, '甲乙丙丁', 0), [
    [2, 0],
    [3, ''],
  ]);
});
