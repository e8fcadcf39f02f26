import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, published: string | null) =>
  findDates(text, published).map((date) => `${date.text}=${date.value}`);

test('a month named alone takes the publish year, or the year before when it lies well ahead', () => {
  assert.deepEqual(values('双方在8月签署协议，10月份进行减产。', '2024-11-26'), [
    '8月=2024-08',
    '10月份=2024-10',
  ]);
  assert.deepEqual(values('双方在11月签约。', '2025-01-10'), ['11月=2024-11']);
  assert.deepEqual(values('双方在8月签署协议。', null), ['8月=null']);
});

test('months inside ranges, counts and month parts are no dates of their own', () => {
  assert.deepEqual(values('1-8月累计销量增长，前7个月持平，5月底交付。', '2024-11-26'), []);
});

test('days named relative to the publish date', () => {
  assert.deepEqual(values('前日，员工讨薪；昨日，法院受理重整；今天复工。', '2025-06-12'), [
    '前日=2025-06-10',
    '昨日=2025-06-11',
    '今天=2025-06-12',
  ]);
});
