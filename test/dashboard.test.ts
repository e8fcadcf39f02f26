import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../src/project-root.js';
import { bundledResources } from '../src/resources/index.js';
import { createApp } from '../src/server/app.js';
import { createLiantu } from '../src/service.js';
import { SqliteStore } from '../src/store/sqlite/index.js';

const CHROMIUM = '/usr/bin/chromium';
const webRoot = join(projectRoot, 'dist', 'web');

/** Every page of the dashboard against a store of the example articles, in headless Chromium, with screenshots. */
test('the dashboard shows every page with real data, and event → evidence → organization → graph click through', {
  timeout: 240_000,
}, async (t) => {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing: CI must install Chromium (see .ci/run)`);
    t.skip(`${CHROMIUM} not found: install Chromium (apt-get install chromium) to run the browser test`);
    return;
  }
  assert.ok(existsSync(join(webRoot, 'index.html')), 'the dashboard is built (npm run build)');
  const liantu = createLiantu({ store: SqliteStore.open(':memory:'), resources: bundledResources() });
  await liantu.ingestFiles([join(projectRoot, 'examples')], { workers: 0, ner: false });
  const app = createApp(liantu, { token: 'sesame', webRoot });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const shots = mkdtempSync(join(tmpdir(), 'liantu-dashboard-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    const open = async (hash: string, name: string): Promise<Page> => {
      await page.goto(`${base}#${hash}`);
      await page.waitForSelector(`[data-page="${name}"]`, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
      return page;
    };

    await open('/', 'overview');
    await page.locator('[data-page="overview"] canvas').first().waitFor({ timeout: 20_000 });
    assert.match((await page.locator('[data-page="overview"]').textContent()) ?? '', /40|38/);
    await page.waitForSelector('[data-page="overview"] canvas', { timeout: 20_000 });

    await open('/events', 'events');
    const firstEvent = page.locator('[data-page="events"] a[href^="#/events/"]').first();
    assert.ok((await firstEvent.count()) > 0, 'events are listed');
    await firstEvent.click();
    await page.waitForSelector('[data-page="event"] mark.evidence', { timeout: 20_000 });
    await page.screenshot({ path: join(shots, 'event.png'), fullPage: true });
    const evidence = (await page.locator('mark.evidence').first().textContent()) ?? '';
    assert.ok(evidence.length > 5, 'the evidence sentence is highlighted in the article');

    const party = page.locator('[data-page="event"] a[href^="#/org/"]').first();
    const partyName = ((await party.textContent()) ?? '').trim();
    await party.click();
    await page.waitForSelector('[data-page="org"]', { timeout: 20_000 });
    await page.locator('[data-page="org"]').getByText(partyName).first().waitFor({ timeout: 20_000 });
    assert.ok(((await page.locator('[data-page="org"]').textContent()) ?? '').includes(partyName));
    await page.screenshot({ path: join(shots, 'org.png'), fullPage: true });

    await page.locator('[data-page="org"] a[href^="#/graph"]').first().click();
    await page.waitForSelector('[data-page="graph"] [data-ready="true"]', { timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'graph.png'), fullPage: true });

    await open('/chain', 'chain');
    await page.locator('[data-page="chain"]').getByText('电芯').first().waitFor({ timeout: 20_000 });
    assert.ok(((await page.locator('[data-page="chain"]').textContent()) ?? '').includes('电芯'));
    await open('/alerts', 'alerts');
    await page
      .locator('[data-page="alerts"]')
      .getByText('成都华川微电子有限公司')
      .first()
      .waitFor({ timeout: 20_000 });
    assert.ok(
      ((await page.locator('[data-page="alerts"]').textContent()) ?? '').includes('成都华川微电子有限公司'),
    );
    assert.deepEqual(errors, [], 'no script errors');
    process.stdout.write(`# dashboard screenshots in ${shots}\n`);
  } finally {
    await browser.close();
    server.close();
    await liantu.close();
  }
});
