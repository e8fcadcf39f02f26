import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate } from './index.js';

const titles = (text: string) =>
  Object.fromEntries(annotate(text, null).people.map((person) => [person.text, person.title]));

test('titles joined before a government body heading a title go with it', () => {
  assert.deepEqual(titles('民盟某市委会主委、市政协副主席周明远一行到企业调研。'), {
    周明远: '民盟某市委会主委、市政协副主席',
  });
});

test('a clause running into a title is no part of it', () => {
  assert.deepEqual(titles('一批员工围坐在董事长兼CEO林远航（右一）的办公室门口。'), {
    林远航: '董事长兼CEO',
  });
});
