/** The report's stylesheet: screen and print. */
export const REPORT_CSS = `
:root {
  --ink: #1f2933; --muted: #616e7c; --line: #d9dee3; --paper: #ffffff; --band: #f5f7fa;
  --accent: #d9480f; --high: #c92a2a; --medium: #e67700; --low: #1971c2; --weak: #fff0e6;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--ink); background: var(--band); line-height: 1.5; font-size: 14px;
  font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
}
header { background: #12263a; color: #fff; padding: 24px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: #c7d2dd; }
main { max-width: 1120px; margin: 0 auto; padding: 16px 24px 48px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 16px 0; }
h2 { font-size: 18px; margin: 0 0 12px; }
.en { color: var(--muted); font-weight: normal; font-size: 0.85em; }
.empty { color: var(--muted); font-style: italic; margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.card .value { font-size: 28px; font-weight: 600; color: var(--accent); }
.card .label, .card .nation { color: var(--muted); }
.chart-box { position: relative; width: 100%; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; white-space: nowrap; }
th .en { display: block; }
td.nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.evidence { margin: 0; padding-left: 16px; }
ul.evidence li { margin: 2px 0; }
.evidence .label { color: var(--muted); margin-right: 4px; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 20px; }
ul.tree { padding-left: 0; }
ul.tree li { margin: 3px 0; }
ul.tree ul { border-left: 1px dashed var(--line); }
.tree .node { font-weight: 600; }
.tree .counts { color: var(--muted); font-size: 12px; margin-left: 6px; font-variant-numeric: tabular-nums; }
.tree li.weak > .row { background: var(--weak); border-radius: 4px; padding: 0 4px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; margin-left: 6px; color: #fff; }
.badge.weak { background: var(--accent); }
.sev { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff; white-space: nowrap; }
.sev-high { background: var(--high); }
.sev-medium { background: var(--medium); }
.sev-low { background: var(--low); }
tr.alert-high td:first-child { border-left: 4px solid var(--high); }
tr.alert-medium td:first-child { border-left: 4px solid var(--medium); }
tr.alert-low td:first-child { border-left: 4px solid var(--low); }
footer { color: var(--muted); text-align: center; font-size: 12px; padding-bottom: 24px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  header { background: none; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid var(--ink); }
  header p { color: var(--muted); }
  main { max-width: none; padding: 0; }
  section { border: none; padding: 0; margin: 14px 0; break-inside: auto; }
  h2 { break-after: avoid; }
  .chart-box, tr, .card { break-inside: avoid; }
  thead { display: table-header-group; }
  .badge, .sev, tr.alert-high td:first-child, tr.alert-medium td:first-child, tr.alert-low td:first-child {
    print-color-adjust: exact; -webkit-print-color-adjust: exact;
  }
}
`;
