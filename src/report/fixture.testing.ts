// A fictional region report for the report tests: every section filled, with names that need escaping.
import type { NodeDiagnosis, RegionReport } from '../analyze/types.js';

/** An organization name that must come out escaped in HTML. */
export const MARKUP_NAME = '<script>alert("链图")</script>智行科技有限公司';
/** An organization name that must come out escaped in Markdown tables. */
export const PIPE_NAME = '芯|源功率半导体（深圳）有限公司';

type Counts = [organizations: number, events: number, riskEvents: number];

function node(
  [id, name, en]: [string, string, string],
  parent: string | null,
  depth: number,
  [regionOrgs, regionEvents, regionRisk]: Counts,
  [nationOrgs, nationEvents, nationRisk]: Counts,
  cooperationDensity: number,
): NodeDiagnosis {
  const firstQuarter = Math.floor(regionEvents * 0.4);
  return {
    node: id,
    name,
    en,
    depth,
    parent,
    region: { organizations: regionOrgs, events: regionEvents, riskEvents: regionRisk },
    nation: { organizations: nationOrgs, events: nationEvents, riskEvents: nationRisk },
    cooperationDensity,
    trend: [
      { quarter: '2025Q1', events: firstQuarter },
      { quarter: '2025Q2', events: regionEvents - firstQuarter },
    ],
  };
}

function chainNodes(): NodeDiagnosis[] {
  return [
    node(
      ['upstream', '上游：资源与材料', 'Upstream resources and materials'],
      null,
      0,
      [38, 61, 4],
      [412, 705, 52],
      0.08,
    ),
    node(
      ['battery-materials', '电池材料', 'Battery materials'],
      'upstream',
      1,
      [21, 34, 2],
      [168, 290, 21],
      0.12,
    ),
    node(
      ['cathode', '正极材料', 'Cathode materials'],
      'battery-materials',
      2,
      [17, 29, 2],
      [74, 131, 9],
      0.18,
    ),
    node(['separator', '隔膜', 'Separator'], 'battery-materials', 2, [0, 0, 0], [18, 27, 3], 0),
    node(
      ['midstream', '中游：核心零部件', 'Midstream components and systems'],
      null,
      0,
      [92, 171, 9],
      [655, 1184, 81],
      0.06,
    ),
    node(
      ['battery-system', '动力电池系统', 'Battery systems'],
      'midstream',
      1,
      [41, 88, 5],
      [236, 472, 33],
      0.14,
    ),
    node(['cells', '电芯', 'Battery cells'], 'battery-system', 2, [19, 47, 3], [98, 231, 17], 0.21),
    node(
      ['bms', '电池管理系统', 'Battery management systems'],
      'battery-system',
      2,
      [8, 14, 1],
      [37, 58, 4],
      0.25,
    ),
    node(
      ['semiconductors', '功率半导体与芯片', 'Power semiconductors and chips'],
      'midstream',
      1,
      [6, 9, 1],
      [121, 198, 11],
      0.1,
    ),
    node(
      ['power-semiconductors', '功率半导体', 'Power semiconductors'],
      'semiconductors',
      2,
      [2, 3, 0],
      [41, 72, 5],
      0,
    ),
    node(
      ['downstream', '下游：整车与应用', 'Downstream vehicles and applications'],
      null,
      0,
      [71, 140, 5],
      [530, 1021, 58],
      0.07,
    ),
    node(['vehicles', '整车', 'Vehicles'], 'downstream', 1, [33, 77, 3], [187, 402, 26], 0.11),
    node(
      ['charging-swapping', '充换电与补能', 'Charging, swapping and energy replenishment'],
      'downstream',
      1,
      [24, 39, 1],
      [146, 251, 12],
      0.09,
    ),
    node(
      ['battery-swapping', '换电', 'Battery swapping'],
      'charging-swapping',
      2,
      [9, 16, 0],
      [39, 66, 2],
      0.17,
    ),
  ];
}

/** Month, then cooperation agreements, investments and settlements. */
const MONTHLY: [string, number, number, number][] = [
  ['2025-01', 6, 3, 2],
  ['2025-02', 5, 2, 4],
  ['2025-03', 8, 4, 3],
  ['2025-04', 7, 3, 5],
  ['2025-05', 9, 9, 4],
  ['2025-06', 11, 5, 6],
];

const SEPARATOR_PLANT = '江苏恒隔新材料年产10亿平方米湿法隔膜项目在常州金坛开工。';
const BMS_HALT = '据悉，杭芯电控位于嘉兴的BMS产线项目因核心芯片断供已暂停建设。';
const SWAP_DEAL = `${MARKUP_NAME}与甬能动力电池在宁波签署换电电池包合作协议。`;
const RAISED = '2025-07-01T08:30:00.000Z';

export function sampleRegionReport(): RegionReport {
  return {
    title: '浙江省新能源汽车产业链区域报告',
    diagnosis: {
      region: { province: '浙江省', city: null, label: '浙江省' },
      generatedAt: RAISED,
      totals: {
        region: { organizations: 236, events: 412, riskEvents: 19 },
        nation: { organizations: 1840, events: 3260, riskEvents: 214 },
      },
      nodes: chainNodes(),
      weakLinks: [
        {
          node: 'separator',
          name: '隔膜',
          status: 'missing',
          regionOrganizations: 0,
          nationOrganizations: 18,
          relativeShare: 0,
          evidence: [{ kind: 'event', id: 5012, label: '项目落地 2025-04-18', text: SEPARATOR_PLANT }],
        },
        {
          node: 'power-semiconductors',
          name: '功率半导体',
          status: 'thin',
          regionOrganizations: 2,
          nationOrganizations: 41,
          relativeShare: 0.38,
          evidence: [
            { kind: 'organization', id: 311, label: '甬芯微电子有限公司', text: 'IGBT、功率模块' },
            {
              kind: 'event',
              id: 5230,
              label: '合作协议 2025-03-06',
              text: '甬芯微电子与嘉禾新能源汽车签署车规级IGBT模块供货协议。',
            },
          ],
        },
      ],
      concentration: [
        {
          node: 'cells',
          name: '电芯',
          ties: 9,
          top: { id: 101, name: '甬能动力电池有限公司', share: 0.56 },
          hhi: 0.384,
        },
        { node: 'separator', name: '隔膜', ties: 0, top: null, hhi: 0 },
      ],
      singlePoints: [
        {
          node: 'bms',
          name: '电池管理系统',
          organization: { id: 207, name: '杭芯电控科技有限公司' },
          separates: [['甬能动力电池有限公司', '嘉禾新能源汽车有限公司'], ['湖畔储能技术有限公司']],
          evidence: [
            {
              kind: 'event',
              id: 5301,
              label: '合作协议 2025-05-12',
              text: '杭芯电控与湖畔储能签署储能BMS联合开发协议。',
            },
          ],
        },
      ],
      partners: [
        {
          node: 'separator',
          name: '隔膜',
          organization: { id: 402, name: '江苏恒隔新材料股份有限公司', province: '江苏省', city: '常州市' },
          score: 0.87,
          evidence: [{ kind: 'event', id: 5012, label: '项目落地 2025-04-18', text: SEPARATOR_PLANT }],
        },
        {
          node: 'power-semiconductors',
          name: '功率半导体',
          organization: { id: 415, name: PIPE_NAME, province: '广东省', city: '深圳市' },
          score: 0.74,
          evidence: [
            {
              kind: 'event',
              id: 5188,
              label: '投资 2025-02-20',
              text: '芯|源功率半导体宣布投资30亿元扩建碳化硅模块产线。',
            },
          ],
        },
      ],
      chokePoints: [
        {
          node: 'power-semiconductors',
          name: '功率半导体',
          supplier: { id: 415, name: PIPE_NAME, province: '广东省', city: '深圳市' },
          customers: [
            { id: 301, name: '杭芯电控科技有限公司', inRegion: true },
            { id: 302, name: MARKUP_NAME, inRegion: true },
          ],
          evidence: [
            { kind: 'event', id: 5201, label: 'supplies → 杭芯电控科技有限公司', text: BMS_HALT },
            { kind: 'organization', id: 302, label: MARKUP_NAME, text: SWAP_DEAL },
          ],
        },
      ],
      institutions: [
        {
          organization: { id: 501, name: '宁波市人民政府', type: 'government' },
          role: 'host',
          tied: [{ id: 302, name: MARKUP_NAME }],
        },
      ],
    },
    alerts: [
      {
        id: 1,
        rule: 'spike',
        severity: 'medium',
        message: '2025-05 投资事件 9 起，为前三个月均值的 3 倍',
        eventId: null,
        subject: null,
        date: '2025-05-31',
        evidence: [],
        raisedAt: RAISED,
        runId: 3,
        path: null,
      },
      {
        id: 2,
        rule: 'single-point-risk',
        severity: 'high',
        message: '单点企业杭芯电控科技有限公司的嘉兴BMS产线项目暂停',
        eventId: 5340,
        subject: { id: 207, name: '杭芯电控科技有限公司' },
        date: '2025-06-09',
        evidence: [{ kind: 'event', id: 5340, label: '供应中断 2025-06-09', text: BMS_HALT }],
        raisedAt: RAISED,
        runId: 3,
        path: null,
      },
      {
        id: 3,
        rule: 'new-cooperation',
        severity: 'low',
        message: `${MARKUP_NAME}与甬能动力电池有限公司签署合作协议`,
        eventId: 5355,
        subject: { id: 512, name: MARKUP_NAME },
        date: '2025-06-20',
        evidence: [{ kind: 'event', id: 5355, label: '合作协议 2025-06-20', text: SWAP_DEAL }],
        raisedAt: RAISED,
        runId: 3,
        path: null,
      },
    ],
    timeline: [
      {
        id: 5355,
        type: 'cooperation_agreement',
        date: '2025-06-20',
        parties: [MARKUP_NAME, '甬能动力电池有限公司'],
        severity: null,
        sources: 2,
        evidence: SWAP_DEAL,
      },
      {
        id: 5340,
        type: 'supply_disruption',
        date: '2025-06-09',
        parties: ['杭芯电控科技有限公司'],
        severity: 'high',
        sources: 3,
        evidence: BMS_HALT,
      },
      {
        id: 5301,
        type: 'cooperation_agreement',
        date: '2025-05-12',
        parties: ['杭芯电控科技有限公司', '湖畔储能技术有限公司'],
        severity: null,
        sources: 1,
        evidence: '杭芯电控与湖畔储能签署储能BMS联合开发协议。',
      },
      {
        id: 5290,
        type: 'investment',
        date: '2025-05-03',
        parties: ['嘉禾新能源汽车有限公司', '绍兴市柯桥区人民政府'],
        severity: null,
        sources: 4,
        evidence: '嘉禾新能源汽车拟在柯桥投资45亿元建设一体化压铸车身基地。',
      },
      {
        id: 5264,
        type: 'meeting',
        date: '2025-04-16',
        parties: ['浙江省经济和信息化厅', '甬能动力电池有限公司', '嘉禾新能源汽车有限公司'],
        severity: null,
        sources: 2,
        evidence: '浙江省新能源汽车产业链链长制推进会在杭州召开。',
      },
      {
        id: 5230,
        type: 'cooperation_agreement',
        date: '2025-03-06',
        parties: ['甬芯微电子有限公司', '嘉禾新能源汽车有限公司'],
        severity: null,
        sources: 1,
        evidence: '甬芯微电子与嘉禾新能源汽车签署车规级IGBT模块供货协议。',
      },
      {
        id: 5177,
        type: 'regulatory_action',
        date: '2025-02-14',
        parties: ['甬能动力电池有限公司'],
        severity: 'medium',
        sources: 2,
        evidence: '甬能动力电池宁波前湾二期项目环评未获通过，被责令补办手续，投产推迟。',
      },
      {
        id: 5120,
        type: 'alliance_founded',
        date: '2025-01-22',
        parties: ['浙江省换电产业创新联盟', '湖畔储能技术有限公司', '杭芯电控科技有限公司'],
        severity: null,
        sources: 3,
        evidence: '浙江省换电产业创新联盟在湖州成立，首批成员单位32家。',
      },
    ],
    monthly: MONTHLY.flatMap(([month, cooperation, investment, settlement]) => [
      { month, type: 'cooperation_agreement', events: cooperation },
      { month, type: 'investment', events: investment },
      { month, type: 'settlement', events: settlement },
    ]),
  };
}
