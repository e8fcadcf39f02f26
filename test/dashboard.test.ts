import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { projectRoot } from '../src/project-root.js';
import { bundledResources } from '../src/resources/index.js';
import { createApp } from '../src/server/app.js';
import { createLiantu, type Liantu } from '../src/service.js';
import { SqliteStore } from '../src/store/sqlite/index.js';

const CHROMIUM = '/usr/bin/chromium';
const webRoot = join(projectRoot, 'dist', 'web');

/** Whether the browser test can run here: Chromium and the built dashboard (a skip, or a failure on CI). */
function ready(t: { skip: (message: string) => void }): boolean {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing: CI must install Chromium (see .ci/run)`);
    t.skip(`${CHROMIUM} not found: install Chromium (apt-get install chromium) to run the browser test`);
    return false;
  }
  assert.ok(existsSync(join(webRoot, 'index.html')), 'the dashboard is built (npm run build)');
  return true;
}

interface Dashboard {
  page: Page;
  browser: Browser;
  /** Opens a hash route, waits for its page and the network, and takes a full-page screenshot `name.png`. */
  open: (hash: string, name: string, shot?: string) => Promise<Page>;
  shots: string;
  errors: string[];
}

/** Serves the dashboard over a service and drives it in headless Chromium; everything is closed afterwards. */
async function withDashboard(liantu: Liantu, prefix: string, work: (dashboard: Dashboard) => Promise<void>) {
  const app = createApp(liantu, { token: 'sesame', webRoot });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const shots = mkdtempSync(join(tmpdir(), prefix));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    const open = async (hash: string, name: string, shot = name): Promise<Page> => {
      await page.goto(`${base}#${hash}`);
      await page.waitForSelector(`[data-page="${name}"]`, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(shots, `${shot}.png`), fullPage: true });
      return page;
    };
    await work({ page, browser, open, shots, errors });
    process.stdout.write(`# dashboard screenshots in ${shots}\n`);
  } finally {
    await browser.close();
    server.close();
    await liantu.close();
  }
}

/** Every page of the dashboard against a store of the example articles, in headless Chromium, with screenshots. */
test('the dashboard shows every page with real data, and event → evidence → organization → graph click through', {
  timeout: 240_000,
}, async (t) => {
  if (!ready(t)) return;
  const liantu = createLiantu({ store: SqliteStore.open(':memory:'), resources: bundledResources() });
  await liantu.ingestFiles([join(projectRoot, 'examples')], { workers: 0, ner: false });
  await withDashboard(liantu, 'liantu-dashboard-', async ({ page, open, shots, errors }) => {
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
  });
});

const SUPPLIER = '赣北锂源矿业有限公司';
const CUSTOMERS = ['无锡澄电电芯科技有限公司', '常州龙城动力电池有限公司'];
const SECOND_TIER = '盐城瀚海汽车有限公司';

/** Typed ties on the chain fixtures (test/fixtures/chain), with a watch on a carmaker two tiers down. */
test('the dashboard shows typed ties: the graph by type, a supplier’s customers, an alert through the supply chain, choke points and institutions', {
  timeout: 240_000,
}, async (t) => {
  if (!ready(t)) return;
  const liantu = createLiantu({
    store: SqliteStore.open(':memory:'),
    resources: bundledResources(),
    warn: () => {},
  });
  await liantu.ingestFiles([join(projectRoot, 'test', 'fixtures', 'chain')], { workers: 0, ner: false });
  await liantu.addWatch({ kind: 'entity', value: SECOND_TIER, minSeverity: 'medium', note: null });
  const idOf = async (name: string) => (await liantu.pickEntity(name, 'org')).entity.id;
  const supplier = await idOf(SUPPLIER);
  const cells = await idOf(CUSTOMERS[0] as string);
  const text = async (page: Page, selector: string) =>
    (await page.locator(selector).first().textContent()) ?? '';
  await withDashboard(liantu, 'liantu-dashboard-ties-', async ({ page, open, shots, errors }) => {
    // The graph: one drawn edge per pair, directed ties arrowed, a legend of the types with their counts.
    await open('/graph', 'graph', 'ties-graph');
    const canvas = page.locator('[data-page="graph"] [data-ready="true"]');
    await canvas.waitFor({ timeout: 30_000 });
    const ties = Number(
      await page
        .locator('[data-tie-type] [data-count]')
        .evaluateAll((items) =>
          items.reduce((sum, item) => sum + Number(item.getAttribute('data-count')), 0),
        ),
    );
    const drawn = Number(await canvas.getAttribute('data-edges'));
    const arrows = Number(await canvas.getAttribute('data-arrows'));
    assert.match(
      await text(page, '#graph-summary'),
      new RegExp(`${ties} 条关系`),
      'the legend counts every tie',
    );
    assert.ok(drawn > 0 && drawn <= ties, `one drawn edge per pair (${drawn} of ${ties} ties)`);
    assert.ok(arrows >= 3 && arrows < drawn, `directed ties are arrowed, the cooperations not (${arrows})`);
    assert.equal(
      await page.locator('[data-tie-type="supplies"] [data-count]').getAttribute('data-count'),
      '3',
      'three supply ties',
    );
    assert.match(await text(page, '#graph-legend'), /供货[\s\S]*投资[\s\S]*合作[\s\S]*属地[\s\S]*成员/);

    // The supplier's profile lists its customers, each linked, with the evidence sentence.
    await open(`/org/${supplier}`, 'org', 'ties-org-supplier');
    const customers = page.locator('[data-tie-group="customers"]');
    await customers.waitFor({ timeout: 20_000 });
    assert.match(await text(page, 'section[aria-labelledby="org-ties"]'), /供应链关系/);
    for (const name of CUSTOMERS) {
      const link = customers.locator('a[href^="#/org/"]', { hasText: name });
      assert.equal(await link.count(), 1, `${name} is a customer`);
      assert.equal(await link.getAttribute('href'), `#/org/${await idOf(name)}`);
    }
    assert.equal(await customers.locator('q.quote').count(), CUSTOMERS.length, 'each with its evidence');
    assert.match(await text(page, '[data-tie-group="customers"]'), /签署碳酸锂长期供货协议/);
    assert.equal(await page.locator('[data-tie-group="suppliers"]').count(), 0, 'it has no supplier');
    assert.match(
      await text(page, 'section[aria-labelledby="org-partners"]'),
      /淮安清江热管理有限公司[\s\S]*合作/,
      'the partners stay',
    );

    // The cell maker between them: its supplier, its customer and the alliance it joined.
    await open(`/org/${cells}`, 'org', 'ties-org-cells');
    await page.locator('[data-tie-group="suppliers"]').waitFor({ timeout: 20_000 });
    assert.match(await text(page, '[data-tie-group="suppliers"]'), new RegExp(SUPPLIER));
    assert.match(await text(page, '[data-tie-group="customers"]'), new RegExp(SECOND_TIER));
    assert.match(await text(page, '[data-tie-group="memberships"]'), /华东固态电池产业联盟/);

    // The alert on the watched carmaker shows the chain, each link with its evidence.
    await open('/alerts', 'alerts', 'ties-alerts');
    const travelled = page.locator('[data-alert]', { has: page.locator('[data-path]') });
    await travelled.first().waitFor({ timeout: 20_000 });
    assert.equal(await travelled.count(), 1, 'one alert reached through the supply chain');
    assert.match((await travelled.locator('[data-via="supply-chain"]').textContent()) ?? '', /供应链传导/);
    const chain = await travelled.locator('[data-path-org] a').allTextContents();
    assert.deepEqual(chain, [SUPPLIER, CUSTOMERS[0], SECOND_TIER], 'A → B → C');
    const links = await travelled.locator('[data-path-link]').allTextContents();
    assert.equal(links.length, 2);
    assert.match(links[0] ?? '', /供货给[\s\S]*签署碳酸锂长期供货协议/);
    assert.match(links[1] ?? '', /动力电池供应商/);
    const direct = page.locator('[data-alert]', { hasNot: page.locator('[data-path]') });
    assert.ok((await direct.count()) > 0, 'the supplier’s own alert is listed too');
    assert.equal(await direct.locator('[data-via]').count(), 0, 'without the supply-chain badge');

    // The diagnosis of the region: the supplier as a choke point, its customers in the region marked; the
    // district government apart.
    await open('/chain?region=江苏', 'chain', 'ties-chain');
    const choke = page
      .locator(`section[aria-labelledby="choke-points"] [data-choke-supplier="${supplier}"]`)
      .first();
    await choke.waitFor({ timeout: 20_000 });
    assert.match((await choke.textContent()) ?? '', new RegExp(SUPPLIER));
    for (const name of CUSTOMERS)
      assert.equal(
        await choke.locator('[data-in-region="true"]', { hasText: name }).count(),
        1,
        `${name} is a customer in the region`,
      );
    assert.ok((await page.locator('.chain-tree .choke-badge').count()) > 0, 'the tree marks choke points');
    assert.match(
      await text(page, 'section[aria-labelledby="institutions"] [data-role="host"]'),
      /高港区人民政府[\s\S]*泰州凤城储能科技有限公司/,
    );

    // English: every new label switches.
    await page.locator('button.lang').click();
    await page
      .locator('section[aria-labelledby="institutions"]', { hasText: 'Host governments' })
      .waitFor({ timeout: 20_000 });
    assert.match(
      await text(page, 'section[aria-labelledby="choke-points"]'),
      /Choke points[\s\S]*Supplier[\s\S]*in region/,
    );
    await page.screenshot({ path: join(shots, 'ties-chain-en.png'), fullPage: true });
    await open(`/org/${supplier}`, 'org', 'ties-org-supplier-en');
    await page
      .locator('section[aria-labelledby="org-ties"]', { hasText: 'Customers' })
      .waitFor({ timeout: 20_000 });
    assert.match(
      await text(page, 'section[aria-labelledby="org-ties"]'),
      /Supply-chain ties[\s\S]*Customers \(2\)[\s\S]*documents 1/,
    );
    await open('/alerts', 'alerts', 'ties-alerts-en');
    await page
      .locator('[data-via="supply-chain"]', { hasText: 'Via the supply chain' })
      .waitFor({ timeout: 20_000 });
    assert.match(await text(page, '[data-path]'), /risk source[\s\S]*supplies[\s\S]*watched/);
    await open('/graph', 'graph', 'ties-graph-en');
    await page.locator('[data-page="graph"] [data-ready="true"]').waitFor({ timeout: 30_000 });
    assert.match(await text(page, '#graph-legend'), /Tie types[\s\S]*supplies[\s\S]*supplier → customer/);
    assert.deepEqual(errors, [], 'no script errors');
  });
});
