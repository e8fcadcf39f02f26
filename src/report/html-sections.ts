import type { Alert, Diagnosis, TimelineEvent } from '../analyze/types.js';
import { escapeHtml } from './escape.js';
import { empty, evidenceList, type Label, numeric, section, table, unbroken } from './html-parts.js';
import {
  alertEvidence,
  alertsBySeverity,
  eventTypeLabel,
  institutionRole,
  percent,
  place,
  regionShare,
  severityLabel,
  weakStatusLabel,
} from './labels.js';
import { chainTree, type TreeNode } from './tree.js';

const NODE: Label = ['节点', 'Node'];
const EVIDENCE: Label = ['证据', 'Evidence'];

export function summarySection(diagnosis: Diagnosis): string {
  const { region, nation } = diagnosis.totals;
  const cards = (
    [
      [['组织', 'Organizations'], region.organizations, nation.organizations],
      [['事件', 'Events'], region.events, nation.events],
      [['风险事件', 'Risk events'], region.riskEvents, nation.riskEvents],
    ] as const
  ).map(
    ([[zh, en], here, all]) =>
      `<div class="card"><div class="label">${escapeHtml(zh)} <span class="en">${escapeHtml(en)}</span></div>` +
      `<div class="value">${here}</div>` +
      `<div class="nation">全国 nation ${all} · 占 share ${escapeHtml(regionShare(here, all))}</div></div>`,
  );
  return section('summary', ['概览', 'Summary'], `<div class="cards">\n${cards.join('\n')}\n</div>`);
}

/** A chart's section: its canvas, or `none` when it has nothing to draw. */
export function chartSection(id: string, title: Label, canvasId: string, height: number, none: Label | null) {
  const body = none
    ? empty(none)
    : `<div class="chart-box" style="height:${height}px"><canvas id="${escapeHtml(canvasId)}" role="img" aria-label="${escapeHtml(title[0])} ${escapeHtml(title[1])}"></canvas></div>`;
  return section(id, title, body);
}

function treeItems(nodes: readonly TreeNode[], weak: ReadonlyMap<string, string>): string {
  const items = nodes.map(({ node, children }) => {
    const status = weak.get(node.node);
    const badge = status ? `<span class="badge weak">短板 · ${escapeHtml(status)}</span>` : '';
    const counts =
      `组织 orgs ${node.region.organizations}/${node.nation.organizations} · ` +
      `事件 events ${node.region.events}/${node.nation.events} · ` +
      `风险 risk ${node.region.riskEvents}/${node.nation.riskEvents}`;
    const row =
      `<span class="row"><span class="node">${escapeHtml(node.name)}</span> <span class="en">${escapeHtml(node.en)}</span>` +
      `<span class="counts">${counts}</span>${badge}</span>`;
    const below = children.length > 0 ? `\n<ul>\n${treeItems(children, weak)}\n</ul>\n` : '';
    return `<li${status ? ' class="weak"' : ''}>${row}${below}</li>`;
  });
  return items.join('\n');
}

export function treeSection(diagnosis: Diagnosis): string {
  const weak = new Map(diagnosis.weakLinks.map((link) => [link.node, weakStatusLabel(link.status)]));
  const roots = chainTree(diagnosis.nodes);
  const body =
    roots.length === 0
      ? empty(['无产业链节点', 'no chain nodes'])
      : `<p class="en">本地区/全国 region/nation; 含下级节点 counts include the nodes below</p>\n<ul class="tree">\n${treeItems(roots, weak)}\n</ul>`;
  return section('chain', ['产业链图谱', 'Chain tree'], body);
}

export function weakLinksSection(diagnosis: Diagnosis): string {
  const rows = diagnosis.weakLinks.map((link) => ({
    cells: [
      link.name,
      weakStatusLabel(link.status),
      link.regionOrganizations,
      link.nationOrganizations,
      numeric(`${link.relativeShare.toFixed(2)}×`),
      evidenceList(link.evidence),
    ],
  }));
  const headers: Label[] = [
    NODE,
    ['状态', 'Status'],
    ['本地组织', 'Region orgs'],
    ['全国组织', 'Nation orgs'],
    ['相对份额', 'Relative share'],
    EVIDENCE,
  ];
  return section('weak-links', ['短板', 'Weak links'], table(headers, rows, ['无短板', 'no weak links']));
}

export function concentrationSection(diagnosis: Diagnosis): string {
  const rows = diagnosis.concentration
    .filter((entry) => entry.ties > 0)
    .map((entry) => ({
      cells: [
        entry.name,
        entry.ties,
        entry.top?.name ?? '—',
        numeric(entry.top ? percent(entry.top.share) : '—'),
        numeric(entry.hhi.toFixed(3)),
      ],
    }));
  const headers: Label[] = [
    NODE,
    ['合作关系', 'Ties'],
    ['头部组织', 'Top organization'],
    ['头部份额', 'Top share'],
    ['HHI', 'Herfindahl index'],
  ];
  return section(
    'concentration',
    ['集中度', 'Concentration'],
    table(headers, rows, ['无合作关系', 'no cooperation ties']),
  );
}

export function singlePointsSection(diagnosis: Diagnosis): string {
  const rows = diagnosis.singlePoints.map((point) => ({
    cells: [
      point.name,
      point.organization.name,
      point.separates.map((group) => group.join('、')).join(' ｜ '),
      evidenceList(point.evidence),
    ],
  }));
  const headers: Label[] = [NODE, ['组织', 'Organization'], ['连接的群组', 'Groups it connects'], EVIDENCE];
  return section(
    'single-points',
    ['单点风险', 'Single points of failure'],
    table(headers, rows, ['无单点风险', 'no single points of failure']),
  );
}

export function partnersSection(diagnosis: Diagnosis): string {
  const rows = diagnosis.partners.map((partner) => ({
    cells: [
      partner.name,
      partner.organization.name,
      place(partner.organization.province, partner.organization.city),
      numeric(partner.score.toFixed(2)),
      evidenceList(partner.evidence),
    ],
  }));
  const headers: Label[] = [
    NODE,
    ['候选组织', 'Candidate'],
    ['所在地', 'Location'],
    ['得分', 'Score'],
    EVIDENCE,
  ];
  return section(
    'partners',
    ['补链招商', 'Partner candidates'],
    table(headers, rows, ['无补链候选', 'no partner candidates']),
  );
}

export function chokePointsSection(diagnosis: Diagnosis): string {
  const rows = diagnosis.chokePoints.map((choke) => ({
    cells: [
      choke.name,
      choke.supplier.name,
      place(choke.supplier.province, choke.supplier.city),
      choke.customers.map((customer) => `${customer.name}${customer.inRegion ? '（本地）' : ''}`).join('、'),
      evidenceList(choke.evidence),
    ],
  }));
  const headers: Label[] = [
    NODE,
    ['供应商', 'Supplier'],
    ['所在地', 'Location'],
    ['依赖它的客户', 'Customers that depend on it'],
    EVIDENCE,
  ];
  return section(
    'choke-points',
    ['卡脖子环节', 'Choke points'],
    table(headers, rows, ['无卡脖子环节', 'no supplier with several customers']),
  );
}

export function institutionsSection(diagnosis: Diagnosis): string {
  const rows = diagnosis.institutions.map((item) => ({
    cells: [
      item.organization.name,
      institutionRole(item.role),
      item.tied.map((other) => other.name).join('、'),
    ],
  }));
  const headers: Label[] = [
    ['机构', 'Institution'],
    ['角色', 'Role'],
    ['关联组织', 'Tied to'],
  ];
  return section(
    'institutions',
    ['政府、联盟与研究机构', 'Governments, alliances and research bodies'],
    table(headers, rows, ['无', 'none']),
  );
}

export function alertsSection(alerts: readonly Alert[]): string {
  const rows = alertsBySeverity(alerts).map((alert) => ({
    className: `alert-${alert.severity}`,
    cells: [
      { html: `<span class="sev sev-${alert.severity}">${escapeHtml(severityLabel(alert.severity))}</span>` },
      alert.message,
      alert.subject?.name ?? '—',
      unbroken(alert.date ?? '—'),
      unbroken(alert.rule),
      evidenceList(alertEvidence(alert)),
    ],
  }));
  const headers: Label[] = [
    ['严重度', 'Severity'],
    ['告警', 'Alert'],
    ['对象', 'Subject'],
    ['日期', 'Date'],
    ['规则', 'Rule'],
    EVIDENCE,
  ];
  return section('alerts', ['告警', 'Alerts'], table(headers, rows, ['无告警', 'no alerts']));
}

export function timelineSection(timeline: readonly TimelineEvent[]): string {
  const rows = timeline.map((event) => ({
    cells: [
      unbroken(event.date ?? '—'),
      eventTypeLabel(event.type),
      event.parties.join('、') || '—',
      event.severity
        ? {
            html: `<span class="sev sev-${event.severity}">${escapeHtml(severityLabel(event.severity))}</span>`,
          }
        : '—',
      event.sources,
      event.evidence || '—',
    ],
  }));
  const headers: Label[] = [
    ['日期', 'Date'],
    ['类型', 'Type'],
    ['参与方', 'Parties'],
    ['风险', 'Severity'],
    ['来源数', 'Sources'],
    EVIDENCE,
  ];
  return section('timeline', ['事件时间线', 'Timeline'], table(headers, rows, ['无事件', 'no events']));
}
