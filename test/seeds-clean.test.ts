import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { clean } from '../src/clean/index.js';
import { readSources } from '../src/read/index.js';
import type { SourceDoc } from '../src/read/types.js';
import { haveSeeds, loadSeeds } from './seeds.js';

const PINYIN_NOTE = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/;
const skip = haveSeeds ? false : 'shared seeds are not beside this checkout';

/** A seed as the reader delivers it (the reader decides text or HTML). */
async function readSeed(path: string): Promise<SourceDoc> {
  for await (const read of readSources([path])) if (read.ok) return read.doc;
  throw new Error(`cannot read ${path}`);
}

test('seed articles clean to Simplified text with the gold title and publish date', { skip }, async () => {
  const seeds = loadSeeds();
  assert.equal(seeds.length, 5);
  for (const seed of seeds) {
    const source = readFileSync(seed.path, 'utf8');
    const doc = clean(await readSeed(seed.path));
    assert.equal(doc.title, seed.gold.title, `${seed.name} title`);
    assert.equal(doc.published, seed.gold.published, `${seed.name} published`);
    assert.doesNotMatch(doc.text, PINYIN_NOTE, `${seed.name} has no pinyin note left`);
    for (const traditional of ['產', '業', '鏈', '聯', '會', '長', '東', '國']) {
      assert.ok(!doc.text.includes(traditional), `${seed.name} has no ${traditional}`);
    }
    for (const span of doc.removed) assert.equal(source.slice(span.start, span.end), span.text);
    for (const event of (seed.gold.events as { evidence?: { text: string }[] }[] | undefined) ?? []) {
      for (const evidence of event.evidence ?? [])
        assert.ok(doc.text.includes(evidence.text), 'evidence survives');
    }
  }
});

test('seed real parentheticals survive and unrelated headline blocks are gone', { skip }, async () => {
  const byName = new Map(loadSeeds().map((seed) => [seed.name.slice(0, 3), seed]));
  const cleanSeed = async (prefix: string) => {
    const seed = byName.get(prefix);
    assert.ok(seed);
    return clean(await readSeed(seed.path));
  };
  const s001 = await cleanSeed('001');
  assert.ok(s001.text.includes('(记者 黄慧)'));
  assert.ok(!s001.text.includes('2022-01-15'), '001 headline list removed');
  assert.ok(!s001.text.includes('相关文章'));
  const s002 = await cleanSeed('002');
  assert.ok(!s002.text.includes('更多>>'));
  assert.ok(!s002.text.includes('招聘'), '002 headline run removed');
  assert.ok(s002.text.includes('(自然教育部)'));
  assert.ok(s002.text.includes('AI(人工智能)'));
  const s004 = await cleanSeed('004');
  assert.ok(s004.text.includes('(简称S100)'));
  const s000 = await cleanSeed('000');
  assert.ok(s000.text.includes('（Envision Group）'));
  assert.ok(!s000.text.includes('<p'));
});
