/**
 * The CLI and the HTTP API are two front ends of one service: asked the same question about the same store,
 * they must give the same answer (events by organization, dates, watches, a diagnosis at a date).
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { projectRoot } from '../src/project-root.js';
import { bundledResources } from '../src/resources/index.js';
import { createApp } from '../src/server/app.js';
import { createLiantu } from '../src/service.js';
import { openStore } from '../src/store/index.js';
import { liantu, liantuJson, tempDir } from './cli-runner.js';

const TOKEN = 'parity-token';
const dir = tempDir('parity');
const db = join(dir, 'graph.db');
const built = liantu(['ingest', join(projectRoot, 'test', 'fixtures', 'graph'), '--db', db]);
assert.equal(built.code, 0, built.stderr);

/** The API over a store file, as `liantu serve` runs it. */
async function apiOver(file: string) {
  const service = createLiantu({ store: await openStore(file), resources: bundledResources() });
  const app = createApp(service, { token: TOKEN, webRoot: join(projectRoot, 'dist', 'web') });
  return { service, app };
}

const api = await apiOver(db);
after(() => api.service.close());

async function apiJson(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await api.app.request(path, init);
  return { status: response.status, body: await response.json() };
}

const eventIds = (events: { id: number }[]): number[] => events.map((event) => event.id);

test('events of an organization: the full name, a short form and a legal-form variant, alike in CLI and API', async () => {
  for (const name of ['星衡储能科技股份有限公司', '星衡储能', '星衡储能科技有限公司']) {
    const fromCli = eventIds(liantuJson(['events', '--org', name, '--db', db]));
    const { status, body } = await apiJson(`/api/events?org=${encodeURIComponent(name)}`);
    assert.equal(status, 200);
    assert.deepEqual(eventIds((body as { items: { id: number }[] }).items), fromCli, name);
    assert.equal(fromCli.length, 2, name);
  }
  const nobody = liantuJson(['events', '--org', '不存在的公司', '--db', db]);
  const { body } = await apiJson(`/api/events?org=${encodeURIComponent('不存在的公司')}`);
  assert.deepEqual(nobody, []);
  assert.deepEqual((body as { items: unknown[] }).items, []);
});

test('dates: a year, a month or a day bound events alike, and what one refuses the other refuses', async () => {
  for (const [since, until] of [
    ['2025-05', '2025-07'],
    ['2025', '2025'],
    ['2025-04-22', '2025-06-09'],
  ] as const) {
    const fromCli = eventIds(liantuJson(['events', '--since', since, '--until', until, '--db', db]));
    const { body } = await apiJson(`/api/events?since=${since}&until=${until}`);
    assert.deepEqual(eventIds((body as { items: { id: number }[] }).items), fromCli, `${since}..${until}`);
  }
  const monthOnly = eventIds(liantuJson(['events', '--since', '2025-05', '--until', '2025-07', '--db', db]));
  assert.equal(monthOnly.length, 3, 'May to July holds the events of 5-13, 6-09 and 7-15');
  for (const bad of ['2025-13', '25-05', '2025/05']) {
    const cli = liantu(['events', '--since', bad, '--db', db]);
    assert.notEqual(cli.code, 0, bad);
    assert.match(cli.stderr, /YYYY/);
    const { status } = await apiJson(`/api/events?since=${encodeURIComponent(bad)}`);
    assert.equal(status, 400, bad);
  }
});

test('a diagnosis at a date (--now, now=) is the same diagnosis', async () => {
  for (const now of ['2025', '2025-09', '2025-09-30']) {
    const fromCli = liantuJson(['diagnose', '--region', '江苏', '--now', now, '--db', db]);
    const { status, body } = await apiJson(`/api/diagnosis?region=${encodeURIComponent('江苏')}&now=${now}`);
    assert.equal(status, 200, now);
    assert.deepEqual(body, JSON.parse(JSON.stringify(fromCli)), now);
  }
});

test('watches: a unique part of a name is taken by both, an ambiguous or unknown one refused by both', async () => {
  const cliDb = join(dir, 'cli-watches.db');
  const apiDb = join(dir, 'api-watches.db');
  copyFileSync(db, cliDb);
  copyFileSync(db, apiDb);
  const writer = await apiOver(apiDb);
  try {
    const post = async (value: string) => {
      const response = await writer.app.request('/api/watches', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ kind: 'entity', value }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const added = liantu(['watch', 'add', '--entity', '星衡', '--db', cliDb]);
    assert.equal(added.code, 0, added.stderr);
    const posted = await post('星衡');
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const cliWatches = liantuJson(['watch', 'list', '--db', cliDb]) as { kind: string; value: string }[];
    const apiWatches = await writer.service.listWatches();
    assert.deepEqual(
      apiWatches.map(({ kind, value }) => ({ kind, value })),
      cliWatches.map(({ kind, value }) => ({ kind, value })),
    );
    assert.equal(cliWatches[0]?.value, '星衡储能科技股份有限公司');

    for (const refused of ['湘潭', '不存在的公司']) {
      const cli = liantu(['watch', 'add', '--entity', refused, '--db', cliDb]);
      assert.notEqual(cli.code, 0, refused);
      const fromApi = await post(refused);
      assert.ok(fromApi.status >= 400 && fromApi.status < 500, refused);
      assert.equal(cli.stderr.trim(), `error: ${String(fromApi.body.error)}`, refused);
    }
  } finally {
    await writer.service.close();
  }
});
