import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { clean } from '../src/clean/index.js';
import { projectRoot } from '../src/project-root.js';
import { readSources } from '../src/read/index.js';

interface Expectation {
  title: string | null;
  published: string | null;
  encoding: string;
  mustContain: string[];
  mustNotContain: string[];
  kind: string;
}

const examplesDir = join(projectRoot, 'examples');
const expected = JSON.parse(readFileSync(join(examplesDir, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>;
/** The examples write brackets as ASCII in their expectations; articles use either form. */
const foldBrackets = (text: string): string => text.replace(/（/g, '(').replace(/）/g, ')');
const fold = (text: string | null): string | null => (text === null ? null : foldBrackets(text));

async function cleanedExamples(): Promise<Map<string, { doc: ReturnType<typeof clean>; encoding: string }>> {
  const byKey = new Map<string, { doc: ReturnType<typeof clean>; encoding: string }>();
  const recordCounts = new Map<string, number>();
  for await (const read of readSources([examplesDir])) {
    if (!read.ok) continue;
    const name = basename(read.doc.file);
    let key = name;
    if (read.doc.container) {
      const n = (recordCounts.get(name) ?? 0) + 1;
      recordCounts.set(name, n);
      key = `${name}#${n}`;
    }
    byKey.set(key, { doc: clean(read.doc), encoding: read.doc.encoding });
  }
  return byKey;
}

test('every example article cleans to its expected title, date, encoding and content', async () => {
  const cleaned = await cleanedExamples();
  const problems: string[] = [];
  for (const [key, expectation] of Object.entries(expected)) {
    const found = cleaned.get(key);
    if (!found) {
      problems.push(`${key}: not read`);
      continue;
    }
    const { doc, encoding } = found;
    const title = doc.title === null ? null : doc.title;
    const expectedTitle = expectation.title;
    if (
      fold(title) !== fold(expectedTitle) &&
      !(
        expectedTitle &&
        title &&
        fold(title) ===
          fold(clean({ uri: '', format: 'text', text: `${expectedTitle}\n正文。`, metadata: {} }).title)
      )
    ) {
      problems.push(`${key}: title ${JSON.stringify(title)} ≠ ${JSON.stringify(expectedTitle)}`);
    }
    if (doc.published !== expectation.published) {
      problems.push(`${key}: published ${doc.published} ≠ ${expectation.published}`);
    }
    const expectedEncoding = expectation.encoding === 'gbk' ? 'gb18030' : expectation.encoding;
    if (encoding !== expectedEncoding) problems.push(`${key}: encoding ${encoding} ≠ ${expectedEncoding}`);
    const text = foldBrackets(doc.text);
    for (const phrase of expectation.mustContain) {
      if (!text.includes(foldBrackets(phrase))) problems.push(`${key}: lost ${JSON.stringify(phrase)}`);
    }
    for (const phrase of expectation.mustNotContain) {
      if (text.includes(foldBrackets(phrase))) problems.push(`${key}: kept ${JSON.stringify(phrase)}`);
    }
  }
  assert.deepEqual(problems, []);
});
