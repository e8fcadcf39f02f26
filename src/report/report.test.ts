import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import type { RegionReport } from '../analyze/types.js';
import { CHART_DATA_ID } from './chart-draw.js';
import { chartScript } from './chart-script.js';
import { escapeHtml } from './escape.js';
import { MARKUP_NAME, PIPE_NAME, sampleRegionReport } from './fixture.testing.js';
import { renderHtmlReport, renderMarkdownReport } from './index.js';

const CHROMIUM = '/usr/bin/chromium';

function emptyReport(): RegionReport {
  const report = sampleRegionReport();
  return {
    ...report,
    diagnosis: {
      ...report.diagnosis,
      nodes: [],
      weakLinks: [],
      concentration: [],
      singlePoints: [],
      partners: [],
      chokePoints: [],
      institutions: [],
    },
    alerts: [],
    timeline: [],
    monthly: [],
  };
}

interface ChartJson {
  monthly: { months: string[]; series: { label: string; counts: number[] }[] };
  segments: { labels: string[]; depths: number[]; region: number[]; nation: number[] };
}

function chartJson(html: string): unknown {
  const open = `<script type="application/json" id="${CHART_DATA_ID}">`;
  const start = html.indexOf(open);
  assert.ok(start >= 0, 'the chart data block is present');
  const body = html.slice(start + open.length, html.indexOf('</script>', start));
  return JSON.parse(body);
}

test('the HTML report is self-contained: inline styles and scripts only', () => {
  const html = renderHtmlReport(sampleRegionReport());
  assert.doesNotMatch(html, /<script[^>]*\ssrc\s*=/i);
  assert.doesNotMatch(html, /\ssrc="http/i);
  assert.doesNotMatch(html, /<link\b/i);
  assert.doesNotMatch(html.replace(chartScript().source, ''), /<img\b|<iframe\b|@import|url\(/i);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.ok(html.includes(chartScript().source), 'Chart.js is inlined');
  assert.equal(html.match(/<script\b/gi)?.length, 3, 'the data block, Chart.js and the drawing script');
  assert.doesNotMatch(chartScript().source, /sourceMappingURL/);
});

test('the HTML report escapes names from the news', () => {
  const html = renderHtmlReport(sampleRegionReport());
  assert.ok(!html.includes(MARKUP_NAME));
  assert.ok(html.includes(escapeHtml(MARKUP_NAME)));
  assert.equal(html.match(/<script\b/gi)?.length, 3);

  const report = sampleRegionReport();
  const [first] = report.diagnosis.nodes;
  assert.ok(first);
  first.name = '上游</script><script>alert(1)</script>';
  const hostile = renderHtmlReport(report);
  assert.equal(hostile.match(/<script\b/gi)?.length, 3);
  const data = chartJson(hostile) as ChartJson;
  assert.equal(
    data.segments.labels[0],
    first.name,
    'the chart data survives its way through the script element',
  );
});

test('the HTML report shows every finding with its evidence', () => {
  const report = sampleRegionReport();
  const html = renderHtmlReport(report);
  const has = (text: string) => assert.ok(html.includes(escapeHtml(text)), `shows ${text}`);
  has(report.title);
  has(report.diagnosis.region.label);
  has('2025-07-01');
  for (const link of report.diagnosis.weakLinks) {
    has(link.name);
    for (const item of link.evidence) has(item.text);
  }
  for (const partner of report.diagnosis.partners) {
    has(partner.organization.name);
    for (const item of partner.evidence) has(item.text);
  }
  for (const alert of report.alerts) has(alert.message);
  for (const event of report.timeline) has(event.evidence);
  for (const node of report.diagnosis.nodes) has(node.name);
  has('甬能动力电池有限公司');
  has('杭芯电控科技有限公司');
  assert.match(html, /class="sev sev-high">高 · high</);
  assert.match(html, /class="sev sev-medium">中 · medium</);
  assert.match(html, /class="sev sev-low">低 · low</);
  assert.equal(html.match(/<li class="weak">/g)?.length, 2, 'both weak links are marked in the tree');
  assert.ok(html.indexOf('单点企业') < html.indexOf('2025-05 投资事件'), 'high alerts come first');
  assert.equal(html.match(/<canvas /g)?.length, 2);

  const data = chartJson(html) as ChartJson;
  assert.deepEqual(data.monthly.months, ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  assert.equal(data.monthly.series.length, 3);
  assert.equal(data.segments.labels.length, 8, 'the nodes of depth 0 and 1');
  assert.deepEqual(data.segments.depths, [0, 1, 0, 1, 1, 0, 1, 1]);
  assert.equal(data.segments.labels[0], '上游：资源与材料');
});

test('an empty report says so in every section', () => {
  const html = renderHtmlReport(emptyReport());
  const markdown = renderMarkdownReport(emptyReport());
  for (const message of [
    '无事件 · no events',
    '无产业链节点 · no chain nodes',
    '无短板 · no weak links',
    '无合作关系 · no cooperation ties',
    '无单点风险 · no single points of failure',
    '无补链候选 · no partner candidates',
    '无卡脖子环节 · no supplier with several customers',
    '无告警 · no alerts',
  ]) {
    assert.ok(html.includes(message), `HTML: ${message}`);
    assert.ok(markdown.includes(message), `Markdown: ${message}`);
  }
  assert.doesNotMatch(html, /<canvas /);
});

test('the Markdown report has every section, with cells escaped', () => {
  const report = sampleRegionReport();
  const markdown = renderMarkdownReport(report);
  const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
  assert.deepEqual(headings, [
    '# 浙江省新能源汽车产业链区域报告',
    '## 概览 · Summary',
    '## 月度事件 · Events per month by type',
    '## 产业链图谱 · Chain tree',
    '## 短板 · Weak links',
    '## 集中度 · Concentration',
    '## 单点风险 · Single points of failure',
    '## 补链招商 · Partner candidates',
    '## 卡脖子环节 · Choke points',
    '## 政府、联盟与研究机构 · Governments, alliances and research bodies',
    '## 告警 · Alerts',
    '## 事件时间线 · Timeline',
  ]);
  assert.ok(markdown.includes(PIPE_NAME.replace('|', '\\|')));
  assert.ok(!markdown.includes(PIPE_NAME));
  assert.ok(!markdown.includes('<script>'));
  assert.match(markdown, /\| 2025-05 \| 9 \| 9 \| 4 \| 22 \|/);
  assert.match(markdown, /^ {4}- \*\*隔膜\*\* .*【短板 · 缺失 · missing】/m);
  for (const alert of report.alerts) assert.ok(markdown.includes(alert.severity));

  const tables = markdown
    .trimEnd()
    .split(/\n\n/)
    .filter((block) => block.startsWith('|'));
  assert.equal(tables.length, 10);
  for (const block of tables) {
    const widths = block.split('\n').map((line) => line.split(/(?<!\\)\|/).length);
    assert.ok(
      widths.every((width) => width === widths[0]),
      `every row has as many cells as the header:\n${block}`,
    );
  }
});

/** Per canvas: its size, how many pixels are painted and in how many colours. Run in the page. */
const CANVAS_PIXELS = `[...document.querySelectorAll('canvas')].map((canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set();
  let painted = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) continue;
    painted++;
    colours.add(((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) >>> 0);
  }
  const chart = Chart.getChart(canvas);
  return {
    id: canvas.id,
    pixels: canvas.width * canvas.height,
    painted,
    colours: colours.size,
    datasets: chart ? chart.data.datasets.length : 0,
  };
})`;

interface CanvasPixels {
  id: string;
  pixels: number;
  painted: number;
  colours: number;
  datasets: number;
}

function pngStats(png: PNG): { share: number; colours: number } {
  const counts = new Map<number, number>();
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const colour =
      (((data[i] ?? 0) << 24) |
        ((data[i + 1] ?? 0) << 16) |
        ((data[i + 2] ?? 0) << 8) |
        (data[i + 3] ?? 0)) >>>
      0;
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const total = png.width * png.height;
  const background = Math.max(...counts.values());
  return { share: (total - background) / total, colours: counts.size };
}

test('the HTML report draws its charts in Chromium', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing: CI must install Chromium (see .ci/run)`);
    t.skip(`${CHROMIUM} not found: install Chromium (apt-get install chromium) to run the browser test`);
    return;
  }
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'liantu-report-'));
  const htmlPath = join(dir, 'report.html');
  const pngPath = join(dir, 'report.png');
  await writeFile(htmlPath, renderHtmlReport(sampleRegionReport()));
  const url = pathToFileURL(htmlPath).href;

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-charts-ready="true"]', { state: 'attached', timeout: 15_000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [url], 'the page loads nothing but itself');

    const canvases = (await page.evaluate(CANVAS_PIXELS)) as CanvasPixels[];
    assert.deepEqual(
      canvases.map(({ id, datasets }) => [id, datasets]),
      [
        ['chart-monthly', 3],
        ['chart-segments', 2],
      ],
    );
    for (const canvas of canvases) {
      assert.ok(canvas.painted > canvas.pixels * 0.01, `${canvas.id} is drawn: ${JSON.stringify(canvas)}`);
      assert.ok(canvas.colours > 1, `${canvas.id} has more than one colour: ${JSON.stringify(canvas)}`);
    }

    await page.screenshot({ path: pngPath, fullPage: true });
  } finally {
    await browser.close();
  }
  const png = PNG.sync.read(await readFile(pngPath));
  const { share, colours } = pngStats(png);
  t.diagnostic(`screenshot ${png.width}×${png.height}: ${pngPath}`);
  t.diagnostic(`browser test took ${Math.round(performance.now() - started)} ms`);
  assert.ok(png.height > 900, 'the screenshot covers the full page');
  assert.ok(share >= 0.02, `${(share * 100).toFixed(1)}% of the pixels differ from the background`);
  assert.ok(colours > 20, `${colours} distinct colours`);
});
