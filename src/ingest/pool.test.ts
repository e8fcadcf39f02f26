import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../project-root.js';
import { readSources } from '../read/index.js';
import type { SourceDoc } from '../read/types.js';
import { bundledResources } from '../resources/index.js';
import { inlinePreparer, type Prepared, workerPreparer } from './pool.js';

async function fixture(): Promise<SourceDoc> {
  for await (const read of readSources([
    join(projectRoot, 'test', 'fixtures', 'ner-orgs', 'bank-loan.txt'),
  ])) {
    if (read.ok) return read.doc;
  }
  throw new Error('fixture not readable');
}

function orgNames(result: Prepared): string[] {
  assert.ok(result.ok);
  return [...new Set(result.document.mentions.filter((m) => m.label === 'org').map((m) => m.text))].sort();
}

test('the tagger option reaches extraction, inline and on worker threads alike', async () => {
  const doc = await fixture();
  const withTagger = orgNames(await inlinePreparer(bundledResources(), { ner: true }).prepare(doc));
  const rulesOnly = orgNames(await inlinePreparer(bundledResources(), { ner: false }).prepare(doc));
  assert.ok(withTagger.includes('中国建设银行'), withTagger.join(','));
  assert.ok(!rulesOnly.includes('中国建设银行'), rulesOnly.join(','));
  const pool = workerPreparer(1, bundledResources(), { ner: false });
  try {
    assert.deepEqual(orgNames(await pool.prepare(doc)), rulesOnly);
  } finally {
    await pool.close();
  }
});
