import type { RegionReport } from '../analyze/types.js';
import {
  CHART_DATA_ID,
  CHART_DRAW_SCRIPT,
  type ChartData,
  MONTHLY_CANVAS_ID,
  SEGMENTS_CANVAS_ID,
} from './chart-draw.js';
import { chartScript } from './chart-script.js';
import { escapeHtml, jsonForScript } from './escape.js';
import {
  alertsSection,
  chartSection,
  chokePointsSection,
  concentrationSection,
  institutionsSection,
  partnersSection,
  singlePointsSection,
  summarySection,
  timelineSection,
  treeSection,
  weakLinksSection,
} from './html-sections.js';
import { day, eventTypeLabel } from './labels.js';
import { monthlyTable } from './monthly.js';
import { REPORT_CSS } from './style.js';

// Inline scripts and styles only: the page can load nothing, from the network or from disk.
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

function chartData(report: RegionReport): ChartData {
  const monthly = monthlyTable(report.monthly);
  const segments = report.diagnosis.nodes.filter((node) => node.depth <= 1);
  return {
    monthly: {
      months: monthly.months,
      series: monthly.types.map((type, i) => ({
        label: eventTypeLabel(type),
        counts: monthly.counts[i] ?? [],
      })),
    },
    segments: {
      labels: segments.map((node) => node.name),
      depths: segments.map((node) => node.depth),
      region: segments.map((node) => node.region.organizations),
      nation: segments.map((node) => node.nation.organizations),
    },
  };
}

/** The region report as one self-contained HTML page, charts drawn by an inlined Chart.js. */
export function renderHtmlReport(report: RegionReport): string {
  const { diagnosis } = report;
  const data = chartData(report);
  const monthlyChart = chartSection(
    'monthly',
    ['月度事件', 'Events per month by type'],
    MONTHLY_CANVAS_ID,
    320,
    data.monthly.months.length === 0 ? ['无事件', 'no events'] : null,
  );
  const segmentChart = chartSection(
    'segments',
    ['产业链环节组织数', 'Organizations per chain segment, region vs nation'],
    SEGMENTS_CANVAS_ID,
    Math.max(200, 80 + 34 * data.segments.labels.length),
    data.segments.labels.length === 0 ? ['无产业链节点', 'no chain nodes'] : null,
  );
  const title = escapeHtml(report.title);
  const generated = escapeHtml(diagnosis.generatedAt);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>${escapeHtml(diagnosis.region.label)} · 区域产业链报告 Region report · 生成于 generated <time datetime="${generated}">${escapeHtml(day(diagnosis.generatedAt))}</time></p>
</header>
<main>
${summarySection(diagnosis)}
${monthlyChart}
${segmentChart}
${treeSection(diagnosis)}
${weakLinksSection(diagnosis)}
${concentrationSection(diagnosis)}
${singlePointsSection(diagnosis)}
${partnersSection(diagnosis)}
${chokePointsSection(diagnosis)}
${institutionsSection(diagnosis)}
${alertsSection(report.alerts)}
${timelineSection(report.timeline)}
</main>
<footer>Liantu 链图 · ${generated}</footer>
<script type="application/json" id="${CHART_DATA_ID}">${jsonForScript(data)}</script>
<script>${chartScript().source}</script>
<script>${CHART_DRAW_SCRIPT}</script>
</body>
</html>
`;
}
