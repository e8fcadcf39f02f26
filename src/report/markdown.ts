import type { Diagnosis, FindingEvidence, RegionReport } from '../analyze/types.js';
import { escapeMarkdown as md } from './escape.js';
import {
  alertEvidence,
  alertsBySeverity,
  day,
  eventTypeLabel,
  institutionRole,
  percent,
  place,
  regionShare,
  severityLabel,
  weakStatusLabel,
} from './labels.js';
import { monthlyTable } from './monthly.js';
import { chainTree, type TreeNode } from './tree.js';

/** A Markdown table of cells already escaped, or the `none` line when there are no rows. */
function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  none: string,
): string {
  if (rows.length === 0) return `_${none}_`;
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function evidence(items: readonly FindingEvidence[]): string {
  return items.length === 0 ? '—' : items.map((item) => `${md(item.label)}：${md(item.text)}`).join('；');
}

function summary(diagnosis: Diagnosis): string {
  const { region, nation } = diagnosis.totals;
  const rows = (
    [
      ['组织 Organizations', region.organizations, nation.organizations],
      ['事件 Events', region.events, nation.events],
      ['风险事件 Risk events', region.riskEvents, nation.riskEvents],
    ] as const
  ).map(([label, here, all]) => [label, here, all, regionShare(here, all)]);
  return table(['指标 Measure', '本地区 Region', '全国 Nation', '占比 Share'], rows, '');
}

function monthly(report: RegionReport): string {
  const { months, types, counts } = monthlyTable(report.monthly);
  const rows = months.map((month, m) => {
    const cells = types.map((_, t) => counts[t]?.[m] ?? 0);
    return [month, ...cells, cells.reduce((sum, n) => sum + n, 0)];
  });
  const headers = ['月份 Month', ...types.map((type) => md(eventTypeLabel(type))), '合计 Total'];
  return table(headers, rows, '无事件 · no events');
}

function treeLines(nodes: readonly TreeNode[], weak: ReadonlyMap<string, string>, indent: string): string[] {
  return nodes.flatMap(({ node, children }) => {
    const status = weak.get(node.node);
    const line =
      `${indent}- **${md(node.name)}** ${md(node.en)} — ` +
      `组织 ${node.region.organizations}/${node.nation.organizations} · ` +
      `事件 ${node.region.events}/${node.nation.events} · ` +
      `风险 ${node.region.riskEvents}/${node.nation.riskEvents}` +
      (status ? ` **【短板 · ${status}】**` : '');
    return [line, ...treeLines(children, weak, `${indent}  `)];
  });
}

function tree(diagnosis: Diagnosis): string {
  const weak = new Map(diagnosis.weakLinks.map((link) => [link.node, weakStatusLabel(link.status)]));
  const lines = treeLines(chainTree(diagnosis.nodes), weak, '');
  if (lines.length === 0) return '_无产业链节点 · no chain nodes_';
  return ['本地区/全国 region/nation; 含下级节点 counts include the nodes below.', '', ...lines].join('\n');
}

function weakLinks(diagnosis: Diagnosis): string {
  const rows = diagnosis.weakLinks.map((link) => [
    md(link.name),
    weakStatusLabel(link.status),
    link.regionOrganizations,
    link.nationOrganizations,
    `${link.relativeShare.toFixed(2)}×`,
    evidence(link.evidence),
  ]);
  const headers = [
    '节点 Node',
    '状态 Status',
    '本地组织 Region orgs',
    '全国组织 Nation orgs',
    '相对份额 Relative share',
  ];
  return table([...headers, '证据 Evidence'], rows, '无短板 · no weak links');
}

function concentration(diagnosis: Diagnosis): string {
  const rows = diagnosis.concentration
    .filter((entry) => entry.ties > 0)
    .map((entry) => [
      md(entry.name),
      entry.ties,
      entry.top ? md(entry.top.name) : '—',
      entry.top ? percent(entry.top.share) : '—',
      entry.hhi.toFixed(3),
    ]);
  const headers = ['节点 Node', '合作关系 Ties', '头部组织 Top organization', '头部份额 Top share', 'HHI'];
  return table(headers, rows, '无合作关系 · no cooperation ties');
}

function singlePoints(diagnosis: Diagnosis): string {
  const rows = diagnosis.singlePoints.map((point) => [
    md(point.name),
    md(point.organization.name),
    point.separates.map((group) => group.map(md).join('、')).join(' ／ '),
    evidence(point.evidence),
  ]);
  const headers = ['节点 Node', '组织 Organization', '连接的群组 Groups it connects', '证据 Evidence'];
  return table(headers, rows, '无单点风险 · no single points of failure');
}

function partners(diagnosis: Diagnosis): string {
  const rows = diagnosis.partners.map((partner) => [
    md(partner.name),
    md(partner.organization.name),
    md(place(partner.organization.province, partner.organization.city)),
    partner.score.toFixed(2),
    evidence(partner.evidence),
  ]);
  const headers = ['节点 Node', '候选组织 Candidate', '所在地 Location', '得分 Score', '证据 Evidence'];
  return table(headers, rows, '无补链候选 · no partner candidates');
}

function chokePoints(diagnosis: Diagnosis): string {
  const rows = diagnosis.chokePoints.map((choke) => [
    md(choke.name),
    md(choke.supplier.name),
    md(place(choke.supplier.province, choke.supplier.city)),
    choke.customers
      .map((customer) => `${md(customer.name)}${customer.inRegion ? '（本地）' : ''}`)
      .join('、'),
    evidence(choke.evidence),
  ]);
  const headers = [
    '节点 Node',
    '供应商 Supplier',
    '所在地 Location',
    '依赖它的客户 Customers',
    '证据 Evidence',
  ];
  return table(headers, rows, '无卡脖子环节 · no supplier with several customers');
}

function institutions(diagnosis: Diagnosis): string {
  const rows = diagnosis.institutions.map((item) => [
    md(item.organization.name),
    institutionRole(item.role),
    item.tied.map((other) => md(other.name)).join('、'),
  ]);
  return table(['机构 Institution', '角色 Role', '关联组织 Tied to'], rows, '无 · none');
}

function alerts(report: RegionReport): string {
  const rows = alertsBySeverity(report.alerts).map((alert) => [
    severityLabel(alert.severity),
    md(alert.message),
    alert.subject ? md(alert.subject.name) : '—',
    md(alert.date ?? '—'),
    md(alert.rule),
    evidence(alertEvidence(alert)),
  ]);
  const headers = [
    '严重度 Severity',
    '告警 Alert',
    '对象 Subject',
    '日期 Date',
    '规则 Rule',
    '证据 Evidence',
  ];
  return table(headers, rows, '无告警 · no alerts');
}

function timeline(report: RegionReport): string {
  const rows = report.timeline.map((event) => [
    md(event.date ?? '—'),
    md(eventTypeLabel(event.type)),
    event.parties.map(md).join('、') || '—',
    severityLabel(event.severity),
    event.sources,
    md(event.evidence) || '—',
  ]);
  const headers = [
    '日期 Date',
    '类型 Type',
    '参与方 Parties',
    '风险 Severity',
    '来源数 Sources',
    '证据 Evidence',
  ];
  return table(headers, rows, '无事件 · no events');
}

/** The region report as Markdown: the HTML report's sections, with a table of monthly counts for the charts. */
export function renderMarkdownReport(report: RegionReport): string {
  const { diagnosis } = report;
  const sections: [string, string][] = [
    ['概览 · Summary', summary(diagnosis)],
    ['月度事件 · Events per month by type', monthly(report)],
    ['产业链图谱 · Chain tree', tree(diagnosis)],
    ['短板 · Weak links', weakLinks(diagnosis)],
    ['集中度 · Concentration', concentration(diagnosis)],
    ['单点风险 · Single points of failure', singlePoints(diagnosis)],
    ['补链招商 · Partner candidates', partners(diagnosis)],
    ['卡脖子环节 · Choke points', chokePoints(diagnosis)],
    ['政府、联盟与研究机构 · Governments, alliances and research bodies', institutions(diagnosis)],
    ['告警 · Alerts', alerts(report)],
    ['事件时间线 · Timeline', timeline(report)],
  ];
  const head = [
    `# ${md(report.title)}`,
    '',
    `${md(diagnosis.region.label)} · 区域产业链报告 Region report · 生成于 generated ${md(day(diagnosis.generatedAt))}`,
  ];
  return `${[...head, ...sections.flatMap(([title, body]) => ['', `## ${title}`, '', body])].join('\n')}\n`;
}
