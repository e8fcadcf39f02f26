import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractText } from '../src/pipeline/document.js';
import { bundledResources } from '../src/resources/index.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'ner-orgs');
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<
  string,
  string[]
>;

function organizationScores(ner: boolean): { recall: number; precision: number } {
  let correct = 0;
  let predicted = 0;
  let wanted = 0;
  for (const [file, organizations] of Object.entries(expected)) {
    const text = readFileSync(join(fixtures, file), 'utf8');
    const found = new Set(
      extractText({ file, title: null, published: null, text }, bundledResources(), { ner }).extraction
        .organizations,
    );
    correct += organizations.filter((name) => found.has(name)).length;
    predicted += found.size;
    wanted += organizations.length;
  }
  return { recall: correct / wanted, precision: predicted ? correct / predicted : 1 };
}

test('with the learned tagger in the loop, organization recall rises on articles whose names the rules miss', () => {
  const rulesOnly = organizationScores(false);
  const withTagger = organizationScores(true);
  assert.ok(
    withTagger.recall >= rulesOnly.recall + 0.15,
    `recall ${rulesOnly.recall.toFixed(2)} → ${withTagger.recall.toFixed(2)}`,
  );
  assert.ok(withTagger.precision >= 0.95, `precision ${withTagger.precision.toFixed(2)}`);
});
