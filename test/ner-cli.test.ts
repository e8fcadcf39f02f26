import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { spansOfClueLine } from '../src/ner/cluener.js';
import { liantu, tempDir as makeTempDir } from './cli-runner.js';

const tempDir = (): string => makeTempDir('ner-cli');

// 李明远今天 reads two ways (远 may start 远今天): the name here is one that does not.
const SENTENCE = '华夏动力电池有限公司董事长李明华今天在合肥宣布，公司将投资五十亿元建设新工厂。';
const OTHER = '南海氢能装备有限公司总工程师孙立群介绍了新一代电解槽。';
const THIRD = '江南新能源汽车股份有限公司总经理王海峰表示，明年销量有望翻番。';

test('ner --text prints a table of label, inclusive offsets and surface', () => {
  const result = liantu(['ner', '--text', SENTENCE]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  const rows = result.stdout.trimEnd().split('\n');
  const row = (label: string, range: string, surface: string): string =>
    `${label.padEnd(13)} ${range.padEnd(9)} ${surface}`;
  assert.ok(rows.includes(row('company', '0-9', '华夏动力电池有限公司')), result.stdout);
  assert.ok(rows.includes(row('position', '10-12', '董事长')), result.stdout);
  assert.ok(rows.includes(row('name', '13-15', '李明华')), result.stdout);
});

test('ner --text on a text without entities says so', () => {
  const result = liantu(['ner', '--text', '今天天气很好。']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'no entities found\n');
});

test('ner --text --format json prints one CLUENER line with inclusive ends', () => {
  const result = liantu(['ner', '--text', SENTENCE, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0] as string);
  assert.deepEqual(Object.keys(line), ['text', 'label']);
  assert.equal(line.text, SENTENCE);
  assert.deepEqual(line.label.company, { 华夏动力电池有限公司: [[0, 9]] });
  assert.deepEqual(line.label.position, { 董事长: [[10, 12]] });
  assert.deepEqual(line.label.name, { 李明华: [[13, 15]] });
  // Every offset pair in the output matches its surface form.
  assert.ok(spansOfClueLine(line, 'stdout').length >= 3);
});

test('ner --cluener FILE tags each line in order, keeps "id", names a bad line FILE:LINE and exits 1', () => {
  const file = join(tempDir(), 'mine.json');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 1, text: SENTENCE }),
      '{"id": 2, "text": "括号没有关上"',
      '',
      JSON.stringify({ id: 3, text: OTHER, label: { name: { 孙立群: [[14, 16]] } } }),
      JSON.stringify({ id: 4, text: THIRD, source: '自拟' }),
    ].join('\n'),
  );
  const result = liantu(['ner', '--cluener', file]);
  assert.equal(result.code, 1);
  assert.ok(result.stderr.includes(`error: ${file}:2: not JSON`), result.stderr);
  assert.doesNotMatch(result.stderr, /:4:|:5:/);
  const lines = result.stdout
    .trimEnd()
    .split('\n')
    .map((raw) => JSON.parse(raw));
  assert.deepEqual(
    lines.map((line) => line.id),
    [1, 3, 4],
  );
  assert.deepEqual(
    lines.map((line) => line.text),
    [SENTENCE, OTHER, THIRD],
  );
  assert.deepEqual(Object.keys(lines[0]), ['id', 'text', 'label']);
  assert.deepEqual(Object.keys(lines[2]), ['id', 'source', 'text', 'label']);
  assert.equal(lines[2].source, '自拟');
  // The output labels are the tagger's, with offsets that match the text.
  assert.deepEqual(lines[0].label.name, { 李明华: [[13, 15]] });
  assert.deepEqual(lines[1].label.company, { 南海氢能装备有限公司: [[0, 9]] });
  for (const line of lines) spansOfClueLine(line, 'stdout');
});

test('ner --cluener - reads standard input', () => {
  const result = liantu(['ner', '--cluener', '-'], {
    input: `${JSON.stringify({ id: 'a', text: OTHER })}\n`,
  });
  assert.equal(result.code, 0, result.stderr);
  const line = JSON.parse(result.stdout);
  assert.equal(line.id, 'a');
  assert.deepEqual(line.label.position, { 总工程师: [[10, 13]] });
});

test('ner --cluener FILE --eval prints a score table with a micro row on stderr', () => {
  const file = join(tempDir(), 'gold.json');
  writeFileSync(
    file,
    `${[
      JSON.stringify({
        id: 1,
        text: SENTENCE,
        label: {
          company: { 华夏动力电池有限公司: [[0, 9]] },
          position: { 董事长: [[10, 12]] },
          name: { 李明华: [[13, 15]] },
        },
      }),
      JSON.stringify({ id: 2, text: OTHER, label: { name: { 孙立群: [[14, 16]] } } }),
    ].join('\n')}\n`,
  );
  const result = liantu(['ner', '--cluener', file, '--eval']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trimEnd().split('\n').length, 2);
  const micro = result.stderr.split('\n').find((row) => row.startsWith('micro'));
  assert.ok(micro, result.stderr);
  // Four gold spans, all found.
  assert.match(micro, /^micro\s+4\s+[\d.]+\s+100\.0\s+[\d.]+$/);
  assert.match(result.stderr, /^label\s+gold\s+P\s+R\s+F1$/m);
  assert.match(result.stderr, /^name\s+2\s+100\.0\s+100\.0\s+100\.0$/m);
});

test('ner --eval with a gold label that does not match its text names FILE:LINE and exits 1', () => {
  const file = join(tempDir(), 'wrong.json');
  writeFileSync(
    file,
    `${JSON.stringify({ text: OTHER, label: { name: { 孙立群: [[0, 2]] } } })}\n${JSON.stringify({ text: THIRD })}\n`,
  );
  const result = liantu(['ner', '--cluener', file, '--eval']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /wrong\.json:1: "孙立群" is not at \[0, 2\]/);
  assert.match(result.stderr, /^micro/m);
  assert.equal(result.stdout.trimEnd().split('\n').length, 2);
});

test('ner with neither --text nor --cluener exits 2 with a usage error', () => {
  const result = liantu(['ner']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /give --cluener FILE or --text TEXT/);
  assert.equal(result.stdout, '');
});

test('ner --model with no file there exits 1 naming the path', () => {
  const missing = join(tempDir(), 'none.model.gz');
  const result = liantu(['ner', '--text', SENTENCE, '--model', missing]);
  assert.equal(result.code, 1);
  assert.ok(result.stderr.includes(`${missing}: no NER model`), result.stderr);
});

test('ner --cluener FILE with a line that is JSON but not an object names FILE:LINE and goes on', () => {
  const file = join(tempDir(), 'null.json');
  writeFileSync(file, `null\n${JSON.stringify({ id: 2, text: OTHER })}\n`);
  const result = liantu(['ner', '--cluener', file]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /null\.json:1:/);
  assert.equal(JSON.parse(result.stdout).id, 2);
});

test('ner --cluener on worker threads writes the same lines, in the same order, as on one thread', () => {
  const file = join(tempDir(), 'many.json');
  const texts = [SENTENCE, OTHER, THIRD];
  const lines = Array.from({ length: 600 }, (_, index) =>
    JSON.stringify({ id: index, text: texts[index % texts.length] }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  const inline = liantu(['ner', '--cluener', file, '--workers', '0']);
  const threaded = liantu(['ner', '--cluener', file, '--workers', '2']);
  assert.equal(inline.code, 0, inline.stderr);
  assert.equal(threaded.code, 0, threaded.stderr);
  assert.equal(threaded.stdout, inline.stdout);
  const ids = threaded.stdout
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: number }).id);
  assert.deepEqual(
    ids,
    lines.map((_, index) => index),
  );
});

test('ner --workers with a value that is no whole number is an error', () => {
  const file = join(tempDir(), 'one.json');
  writeFileSync(file, `${JSON.stringify({ text: SENTENCE })}\n`);
  const result = liantu(['ner', '--cluener', file, '--workers', 'two']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /--workers must be "auto" or a whole number/);
});
