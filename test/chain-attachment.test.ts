// Chain attachment scored against the gold of test/gold/chain-attachment (our own reading of the articles).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../src/project-root.js';
import { liantuJson } from './cli-runner.js';

const gold = join(projectRoot, 'test', 'gold', 'chain-attachment');
const examples = join(projectRoot, 'examples');
const newsDev = join(projectRoot, '..', 'shared', 'data', 'news-dev');
const filesIn = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => join(dir, name));

test('examples: organizations sit on the nodes of what they make, at most four production nodes each', () => {
  const result = liantuJson([
    'eval',
    '--chain',
    join(gold, 'examples.yaml'),
    ...filesIn(examples, /\.(txt|md|html)$/u),
  ]);
  assert.ok(result.precision >= 0.88, `precision ${result.precision}`);
  assert.ok(result.recall >= 0.75, `recall ${result.recall}`);
  assert.ok(result.nodesPerCompany.max <= 4, `a company on ${result.nodesPerCompany.max} production nodes`);
});

test('news-dev, 60 real pages: chain attachment at the level reached', {
  skip: existsSync(newsDev) ? false : 'no shared news-dev',
}, () => {
  const result = liantuJson(['eval', '--chain', join(gold, 'news-dev.yaml'), ...filesIn(newsDev, /\.txt$/u)]);
  assert.ok(result.precision >= 0.84, `precision ${result.precision}`);
  assert.ok(result.recall >= 0.56, `recall ${result.recall}`);
});
