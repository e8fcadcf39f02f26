/** Chinese first, English on request: the choice is kept in localStorage. */

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { EVENT_TYPE_NAMES } from '../../src/extract/labels.ts';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'liantu.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

const STRINGS = {
  appName: ['链图', 'Liantu'],
  tagline: ['新能源汽车产业链情报', 'NEV industry-chain intelligence'],
  navOverview: ['总览', 'Overview'],
  navEvents: ['事件', 'Events'],
  navGraph: ['关系图谱', 'Graph'],
  navChain: ['产业链', 'Chain'],
  navAlerts: ['预警', 'Alerts'],
  switchLang: ['English', '中文'],
  loading: ['加载中…', 'Loading…'],
  error: ['出错了', 'Something went wrong'],
  retry: ['重试', 'Retry'],
  none: ['暂无', 'None'],
  notFound: ['页面不存在', 'Page not found'],
  backHome: ['返回总览', 'Back to the overview'],
  // Overview
  overviewTitle: ['产业链总览', 'Overview'],
  documents: ['文章', 'Documents'],
  events: ['事件', 'Events'],
  organizations: ['机构', 'Organizations'],
  people: ['人物', 'People'],
  alerts: ['预警', 'Alerts'],
  timeline: ['事件时间线（按月、按类型）', 'Events by month and type'],
  latestEvents: ['最新事件', 'Latest events'],
  activeAlerts: ['当前预警', 'Active alerts'],
  allEvents: ['全部事件', 'All events'],
  allAlerts: ['全部预警', 'All alerts'],
  // Events
  eventsTitle: ['事件列表', 'Events'],
  type: ['类型', 'Type'],
  anyType: ['全部类型', 'Any type'],
  org: ['机构', 'Organization'],
  since: ['起始日期', 'Since'],
  until: ['截止日期', 'Until'],
  place: ['地点', 'Place'],
  filter: ['筛选', 'Filter'],
  reset: ['清除', 'Reset'],
  date: ['日期', 'Date'],
  parties: ['参与方', 'Parties'],
  severity: ['严重度', 'Severity'],
  reportsCount: ['报道', 'Reports'],
  previous: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  pageOf: ['第 {page} 页，共 {pages} 页（{total} 条）', 'Page {page} of {pages} ({total} in all)'],
  noEvents: ['没有符合条件的事件', 'No events match'],
  // Event
  eventTitle: ['事件', 'Event'],
  location: ['地点', 'Place'],
  peopleRoles: ['人物与角色', 'People and roles'],
  title: ['职务', 'Title'],
  role: ['角色', 'Role'],
  domains: ['领域', 'Domains'],
  sources: ['来源报道', 'Sources'],
  evidence: ['证据', 'Evidence'],
  published: ['发布', 'Published'],
  removedParts: ['清洗时移除 {n} 处', '{n} parts removed in cleaning'],
  openSource: ['原文链接', 'Original'],
  articleText: ['清洗后正文', 'Cleaned text'],
  evidenceNotFound: ['证据句未能在正文中定位', 'The evidence could not be located in the text'],
  // Organization
  orgTitle: ['机构画像', 'Organization profile'],
  personTitle: ['人物画像', 'Person profile'],
  aliases: ['别名', 'Aliases'],
  region: ['地区', 'Region'],
  segments: ['产业链环节', 'Chain segments'],
  score: ['得分', 'Score'],
  keywords: ['关键词', 'Keywords'],
  metrics: ['网络指标', 'Network metrics'],
  degree: ['度', 'Degree'],
  betweenness: ['介数中心性', 'Betweenness'],
  community: ['社区', 'Community'],
  partners: ['合作伙伴', 'Partners'],
  partnerEvents: ['共同事件', 'Shared events'],
  firstLast: ['首次 / 最近', 'First / last'],
  eventsOverTime: ['事件（按月）', 'Events by month'],
  eventsOf: ['相关事件', 'Events'],
  viewInGraph: ['在关系图谱中查看', 'Open in the graph explorer'],
  orgOf: ['所属机构', 'Organization'],
  ties: ['供应链关系', 'Supply-chain ties'],
  noTies: ['暂无供货、投资、成员或属地关系', 'No supply, investment, membership or host ties'],
  tieSuppliers: ['供应商', 'Suppliers'],
  tieCustomers: ['客户', 'Customers'],
  tieInvestors: ['投资方', 'Investors'],
  tieInvestments: ['对外投资', 'Investments'],
  tieMemberships: ['所属联盟/组织', 'Member of'],
  tieMembers: ['成员', 'Members'],
  tieHosts: ['属地政府', 'Hosted by'],
  tieHosted: ['落地机构', 'Hosts'],
  tieCounts: ['{events} 个事件 · {documents} 篇文章', 'events {events} · documents {documents}'],
  // Graph
  graphTitle: ['机构关系图谱', 'Organization graph'],
  centre: ['中心机构（名称或 ID）', 'Centre (name or ID)'],
  noMatch: ['没有名为“{name}”的机构', 'No organization matches “{name}”'],
  depth: ['深度', 'Depth'],
  centreIs: ['中心：', 'Centre:'],
  segment: ['产业链环节', 'Segment'],
  anySegment: ['全部环节', 'Any segment'],
  apply: ['应用', 'Apply'],
  nodesEdges: ['{nodes} 个节点，{edges} 条关系', '{nodes} nodes, {edges} ties'],
  graphHint: [
    '点击节点打开机构画像；节点大小表示关系数，颜色表示社区；连线颜色表示关系类型，箭头指向客户、被投方、所属联盟或落地机构。',
    'Click a node to open its profile; size is the number of ties, colour is community; an edge’s colour is its tie type, its arrow points to the customer, the company invested in, the alliance joined or the body hosted.',
  ],
  legend: ['关系类型', 'Tie types'],
  legendNote: [
    '同一对机构有多种关系时，显示最强的一种（供货 > 投资 > 合作 > 属地 > 成员）。',
    'Where a pair has several ties, the strongest is drawn (supplies > invests in > cooperates > hosts > member of).',
  ],
  emptyGraph: ['没有符合条件的关系', 'No ties match'],
  topNodes: ['度最高的机构', 'Most connected'],
  renderFailed: ['图谱渲染失败', 'The graph could not be drawn'],
  // Chain
  chainTitle: ['产业链图谱', 'Industry chain'],
  regionInput: ['地区（省或市，如 浙江）', 'Region (province or city, e.g. 浙江)'],
  show: ['查看', 'Show'],
  chainCounts: ['机构 {orgs} · 事件 {events}', '{orgs} orgs · {events} events'],
  direct: ['直接挂接 {orgs}', '{orgs} attached directly'],
  weak: ['短板', 'Weak link'],
  missing: ['缺失', 'missing'],
  thin: ['薄弱', 'thin'],
  weakLinks: ['短板环节', 'Weak links'],
  weakHint: ['输入地区以诊断短板', 'Enter a region to diagnose its weak links'],
  regionNation: ['本地 {region} / 全国 {nation} 家', '{region} here / {nation} nationally'],
  partnerCandidates: ['补链候选', 'Partner candidates'],
  singlePoints: ['单点依赖', 'Single points'],
  concentration: ['集中度', 'Concentration'],
  hideEmpty: ['隐藏空环节', 'Hide empty nodes'],
  nationOrgs: ['全国 {n} 家', '{n} nationally'],
  separates: ['连接 {n} 组机构', 'joins {n} groups'],
  chokePoints: ['供应卡点', 'Choke points'],
  chokeHint: [
    '多家客户共同依赖的供应商，按产业链环节列出；本地客户已标出。',
    'Suppliers that several customers depend on, by chain node; customers in the region are marked.',
  ],
  chokeBadge: ['卡点', 'choke point'],
  supplier: ['供应商', 'Supplier'],
  customers: ['客户', 'Customers'],
  inRegion: ['本地', 'in region'],
  outOfRegion: ['外地', 'elsewhere'],
  institutions: ['政府、联盟与科研机构', 'Governments, alliances and research bodies'],
  institutionsHint: [
    '不参与集中度与卡点计算，单独列出。',
    'Kept out of concentration and choke points, listed apart.',
  ],
  roleHost: ['属地政府', 'Host governments'],
  roleConvener: ['联盟与召集方', 'Alliances and conveners'],
  roleResearch: ['科研机构', 'Research bodies'],
  tied: ['关联机构', 'Tied to'],
  // Alerts
  alertsTitle: ['风险预警', 'Alerts'],
  rule: ['规则', 'Rule'],
  anySeverity: ['全部', 'Any'],
  noAlerts: ['没有预警', 'No alerts'],
  subject: ['对象', 'Subject'],
  watches: ['关注', 'Watches'],
  token: ['访问令牌', 'Access token'],
  tokenHint: [
    '添加或删除关注需要令牌（仅保存在本标签页）',
    'Adding or removing watches needs a token (kept in this tab only)',
  ],
  kind: ['类别', 'Kind'],
  value: ['值', 'Value'],
  minSeverity: ['最低严重度', 'Minimum severity'],
  note: ['备注', 'Note'],
  add: ['添加', 'Add'],
  remove: ['删除', 'Remove'],
  noWatches: ['暂无关注', 'No watches'],
  kindEntity: ['机构', 'organization'],
  kindSegment: ['环节', 'segment'],
  kindRegion: ['地区', 'region'],
  saved: ['已保存', 'Saved'],
  viaSupplyChain: ['供应链传导', 'Via the supply chain'],
  viaSupplyChainHint: [
    '风险发生在关注对象的上游供应商，沿供货关系传导至此：',
    'The risk is at an upstream supplier of the watched organization and reached it through supply ties:',
  ],
  riskSource: ['风险源', 'risk source'],
  watched: ['关注对象', 'watched'],
  suppliesTo: ['供货给', 'supplies'],
  // Search
  search: ['搜索文章', 'Search articles'],
  searchResults: ['搜索结果', 'Search results'],
  noResults: ['无结果', 'No results'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const index = lang === 'zh' ? 0 : 1;
  return (key, values) => {
    let text: string = STRINGS[key][index];
    if (values)
      for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

const SEVERITY: Record<string, readonly [string, string]> = {
  high: ['高', 'high'],
  medium: ['中', 'medium'],
  low: ['低', 'low'],
};

const ROLE: Record<string, readonly [string, string]> = {
  signatory: ['签约', 'signatory'],
  witness: ['见证', 'witness'],
  host: ['主持', 'host'],
  speaker: ['发言', 'speaker'],
  attendee: ['出席', 'attendee'],
  party: ['参与方', 'party'],
  subject: ['风险主体', 'subject'],
};

const ORG_TYPE: Record<string, readonly [string, string]> = {
  company: ['企业', 'company'],
  government: ['政府', 'government'],
  association: ['协会联盟', 'association'],
  research: ['科研机构', 'research'],
  media: ['媒体', 'media'],
  other: ['其他', 'other'],
  person: ['人物', 'person'],
};

/** Tie types: the name, and how a directed tie reads (source → target). */
const TIE_TYPE: Record<string, readonly [string, string]> = {
  supplies: ['供货', 'supplies'],
  invests_in: ['投资', 'invests in'],
  cooperates: ['合作', 'cooperates'],
  hosts: ['属地', 'hosts'],
  member_of: ['成员', 'member of'],
};

const TIE_READING: Record<string, readonly [string, string]> = {
  supplies: ['供应商 → 客户', 'supplier → customer'],
  invests_in: ['投资方 → 被投方', 'investor → investee'],
  cooperates: ['无方向', 'undirected'],
  hosts: ['政府 → 落地机构', 'government → hosted body'],
  member_of: ['成员 → 联盟', 'member → alliance'],
};

export interface I18n {
  lang: Lang;
  t: Translate;
  eventType: (type: string) => string;
  severity: (severity: string | null) => string;
  role: (role: string | null) => string;
  orgType: (type: string | null) => string;
  tieType: (type: string | null) => string;
  tieReading: (type: string | null) => string;
}

function pick(table: Record<string, readonly [string, string]>, lang: Lang, key: string | null): string {
  if (!key) return '—';
  const names = table[key];
  return names ? names[lang === 'zh' ? 0 : 1] : key;
}

export function makeI18n(lang: Lang): I18n {
  return {
    lang,
    t: translator(lang),
    eventType: (type) => {
      const names = EVENT_TYPE_NAMES[type as keyof typeof EVENT_TYPE_NAMES];
      return names ? names[lang] : type;
    },
    severity: (severity) => pick(SEVERITY, lang, severity),
    role: (role) => pick(ROLE, lang, role),
    orgType: (type) => pick(ORG_TYPE, lang, type),
    tieType: (type) => pick(TIE_TYPE, lang, type),
    tieReading: (type) => pick(TIE_READING, lang, type),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export const EVENT_TYPES = Object.keys(EVENT_TYPE_NAMES);
