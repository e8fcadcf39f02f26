import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../project-root.js';
import { bundledResources } from '../resources/index.js';
import { createLiantu } from '../service.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { createApp } from './app.js';

const examples = join(projectRoot, 'examples');
const liantu = createLiantu({ store: SqliteStore.open(':memory:'), resources: bundledResources() });
const ready = liantu.ingestFiles(
  ['signing-battery-swap.txt', 'risk-supply-cut.txt', 'repost-a.txt', 'repost-b.txt'].map((name) =>
    join(examples, name),
  ),
  { workers: 0, ner: false },
);
const withToken = createApp(liantu, { token: 'sesame', webRoot: join(projectRoot, 'dist', 'web') });
const readOnly = createApp(liantu, { webRoot: join(projectRoot, 'dist', 'web') });

async function call(app: typeof withToken, path: string, init?: RequestInit) {
  await ready;
  const response = await app.request(path, init);
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { items?: unknown[] },
  };
}

const post = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

test('reads: stats, events with filters and totals, an event with its reports, a profile, the graph, the chain', async () => {
  const stats = await call(readOnly, '/api/stats');
  assert.equal(stats.status, 200);
  assert.equal(stats.body.documents, 4);
  const events = await call(readOnly, '/api/events?type=cooperation_agreement&limit=1');
  assert.equal(events.status, 200);
  assert.equal(events.body.items?.length, 1);
  assert.ok((events.body.total as number) >= 2);
  const byOrg = await call(readOnly, '/api/events?org=皖通换电');
  const [swap] = byOrg.body.items as {
    id: number;
    parties: { id: number; name: string }[];
    reports: unknown[];
  }[];
  assert.ok(swap?.parties.some((party) => party.name === '安徽皖通换电科技有限公司'));
  const one = await call(readOnly, `/api/events/${swap?.id}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.body.parties, swap?.parties);
  const party = swap?.parties[0] as { id: number };
  const profile = await call(readOnly, `/api/entities/${party.id}`);
  assert.equal(profile.status, 200);
  assert.ok(Array.isArray(profile.body.aliases) && Array.isArray(profile.body.partners));
  const graph = await call(readOnly, `/api/graph?entity=${party.id}&depth=2`);
  assert.ok((graph.body.nodes as unknown[]).length >= 2);
  const chain = await call(readOnly, '/api/chain?region=安徽');
  assert.equal((chain.body.region as { province: string }).province, '安徽省');
  const report = swap?.reports[0] as { documentId: number };
  const document = await call(readOnly, `/api/documents/${report.documentId}`);
  assert.equal(typeof document.body.cleanText, 'string');
  assert.ok(!('sourceText' in document.body));
});

test('a malformed query is a 400 that names the field; unknown things are 404s', async () => {
  const badLimit = await call(readOnly, '/api/events?limit=abc');
  assert.equal(badLimit.status, 400);
  assert.deepEqual(
    (badLimit.body.issues as { field: string }[]).map((issue) => issue.field),
    ['limit'],
  );
  const badType = await call(readOnly, '/api/events?type=party');
  assert.equal(badType.status, 400);
  assert.match(badType.body.error as string, /type/);
  const badDate = await call(readOnly, '/api/alerts?since=yesterday');
  assert.deepEqual((badDate.body.issues as { field: string }[])[0]?.field, 'since');
  const badRegion = await call(readOnly, '/api/diagnosis?region=火星');
  assert.equal(badRegion.status, 400);
  assert.deepEqual((badRegion.body.issues as { field: string }[])[0]?.field, 'region');
  const missingRegion = await call(readOnly, '/api/diagnosis');
  assert.equal(missingRegion.status, 400);
  assert.equal((await call(readOnly, '/api/events/999999')).status, 404);
  assert.equal((await call(readOnly, '/api/nothing')).status, 404);
});

test('writes: refused without the token (401), off without one configured (403), done with it', async () => {
  const watch = { kind: 'entity', value: '华川微电子', minSeverity: 'high' };
  assert.equal((await call(withToken, '/api/watches', post(watch))).status, 401);
  assert.equal((await call(withToken, '/api/watches', post(watch, 'wrong'))).status, 401);
  assert.equal((await call(readOnly, '/api/watches', post(watch, 'sesame'))).status, 403);
  const added = await call(withToken, '/api/watches', post(watch, 'sesame'));
  assert.equal(added.status, 201);
  assert.equal((added.body.watch as { value: string }).value, '成都华川微电子有限公司');
  assert.equal(
    (await call(withToken, '/api/watches', post({ kind: 'planet', value: 'x' }, 'sesame'))).status,
    400,
  );
  const id = (added.body.watch as { id: number }).id;
  assert.equal((await call(withToken, `/api/watches/${id}`, { method: 'DELETE' })).status, 401);
  assert.equal(
    (
      await call(withToken, `/api/watches/${id}`, {
        method: 'DELETE',
        headers: { authorization: 'Bearer sesame' },
      })
    ).status,
    200,
  );
  const text = readFileSync(join(examples, 'settlement-jiaxing.txt'), 'utf8');
  assert.equal((await call(withToken, '/api/documents', post({ text }))).status, 401);
  const uploaded = await call(
    withToken,
    '/api/documents',
    post({ text, uri: 'upload/jiaxing.txt' }, 'sesame'),
  );
  assert.equal(uploaded.status, 201);
  assert.ok((uploaded.body.events as number) >= 1);
  const again = await call(
    withToken,
    '/api/documents',
    post({ text, uri: 'elsewhere/jiaxing.txt' }, 'sesame'),
  );
  assert.deepEqual([again.status, again.body.duplicate], [200, true]);
  const empty = await call(withToken, '/api/documents', post({ text: '' }, 'sesame'));
  assert.equal(empty.status, 400);
  assert.deepEqual((empty.body.issues as { field: string }[])[0]?.field, 'text');
});

test('the OpenAPI document describes the endpoints and the write token', async () => {
  const { status, body } = await call(readOnly, '/api/openapi.json');
  assert.equal(status, 200);
  const paths = Object.keys(body.paths as object);
  for (const path of [
    '/api/events',
    '/api/events/{id}',
    '/api/entities/{id}',
    '/api/graph',
    '/api/chain',
    '/api/diagnosis',
    '/api/alerts',
    '/api/watches',
    '/api/documents',
  ]) {
    assert.ok(paths.includes(path), path);
  }
  assert.ok(JSON.stringify(body).includes('"bearer"'));
});

test('bodies that are no JSON, odd paths and odd dates are 4xx, never 500', async () => {
  await ready;
  const bad = await withToken.request('/api/watches', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' },
    body: '{bad',
  });
  assert.equal(bad.status, 400);
  const plain = await withToken.request('/api/watches', {
    method: 'POST',
    headers: { authorization: 'Bearer sesame', 'content-type': 'text/plain' },
    body: 'x=1',
  });
  assert.equal(plain.status, 415);
  assert.notEqual((await withToken.request('/%zz')).status, 500);
  assert.equal((await call(readOnly, '/api/events/0x10')).status, 400);
  assert.equal((await call(readOnly, '/api/alerts?since=2025-13')).status, 400);
  const yearly = await call(readOnly, '/api/diagnosis?region=安徽&now=2025');
  assert.equal(yearly.status, 200);
  assert.equal(yearly.body.generatedAt, '2025-12-31');
});
