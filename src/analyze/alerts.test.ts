import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Severity } from '../extract/types.js';
import { parseAlertRules } from './alert-rules.js';
import { evaluateAlerts, poissonTail, type ResolvedRule } from './alerts.js';
import type { ChainSnapshot, SnapshotEvent } from './snapshot.js';

const orgs: ChainSnapshot['organizations'] = [
  {
    id: 1,
    name: '华川微电子有限公司',
    type: 'company',
    province: '四川省',
    city: '成都市',
    links: [{ node: 'power-semiconductors', score: 0.6, keywords: ['芯片'] }],
  },
  {
    id: 2,
    name: '浙东电驱动系统股份有限公司',
    type: 'company',
    province: '浙江省',
    city: '宁波市',
    links: [{ node: 'drive-motors', score: 0.6, keywords: ['驱动电机'] }],
  },
  {
    id: 3,
    name: '赣南锂电材料有限公司',
    type: 'company',
    province: '江西省',
    city: '赣州市',
    links: [{ node: 'cathode', score: 0.8, keywords: ['正极材料'] }],
  },
];

let nextId = 1;
function event(
  type: string,
  severity: Severity | null,
  partyIds: number[],
  date: string,
  more: Partial<SnapshotEvent> = {},
): SnapshotEvent {
  const id = nextId++;
  return {
    id,
    reportIds: [id * 10],
    type,
    date,
    province: null,
    city: null,
    partyIds,
    subjectId: severity ? (partyIds[0] ?? null) : null,
    severity,
    sources: 1,
    evidence: `${type} 的证据句。`,
    nodes: [],
    ...more,
  };
}

function rule(overrides: Partial<ResolvedRule>): ResolvedRule {
  return {
    id: 'test',
    description: null,
    types: null,
    minSeverity: 'low',
    spike: null,
    entityIds: null,
    nodes: null,
    regions: null,
    ...overrides,
  };
}

const shipped = parseAlertRules(
  'rules:\n  - { id: high, types: [accident, supply_disruption, regulatory_action, financial_distress, recall], minSeverity: high }\n',
  'test',
)[0] as NonNullable<ReturnType<typeof parseAlertRules>[number]>;
const highRule = rule({ id: shipped.id, types: shipped.types, minSeverity: shipped.minSeverity });

test('the high-severity rule fires once per high risk event of its types, naming the subject, and never on good news', () => {
  const snapshot: ChainSnapshot = {
    organizations: orgs,
    ties: [],
    events: [
      event('accident', 'high', [3], '2025-01-08'),
      event('supply_disruption', 'high', [1, 2], '2025-03-01'),
      event('recall', 'high', [2], '2025-04-01'),
      event('regulatory_action', 'high', [1], '2025-05-01'),
      event('financial_distress', 'high', [3], '2025-06-01'),
      event('supply_disruption', 'medium', [1], '2025-06-02'),
      event('price_shock', 'high', [3], '2025-06-03'),
      event('cooperation_agreement', null, [1, 2], '2025-06-04'),
      event('investment', null, [3], '2025-06-05'),
    ],
  };
  const alerts = evaluateAlerts(snapshot, [highRule], '2025-06-30');
  assert.deepEqual(
    alerts.map((alert) => alert.eventId),
    [1, 2, 3, 4, 5].map((offset) => (snapshot.events[offset - 1] as SnapshotEvent).id),
  );
  const cut = alerts[1];
  assert.equal(cut?.subject?.name, '华川微电子有限公司');
  assert.match(cut?.message ?? '', /华川微电子有限公司：供应中断/);
  assert.equal(cut?.evidence[0]?.text, 'supply_disruption 的证据句。');
  assert.equal(new Set(alerts.map((alert) => alert.key)).size, alerts.length, 'one key per evidence');
});

test('watches by organization, segment and region, with their severity floor', () => {
  const snapshot: ChainSnapshot = {
    organizations: orgs,
    ties: [],
    events: [
      event('supply_disruption', 'medium', [1, 2], '2025-03-01'),
      event('accident', 'high', [3], '2025-03-02', {
        province: '江西省',
        city: '赣州市',
        nodes: ['cathode'],
      }),
      event('price_shock', 'low', [3], '2025-03-03'),
    ],
  };
  const [cut, fire, price] = snapshot.events as [SnapshotEvent, SnapshotEvent, SnapshotEvent];
  const byEntity = evaluateAlerts(
    snapshot,
    [rule({ entityIds: new Set([2]), minSeverity: 'medium' })],
    '2025-03-31',
  );
  assert.deepEqual(
    byEntity.map((alert) => alert.eventId),
    [cut.id],
    'an affected party counts',
  );
  const bySegment = evaluateAlerts(snapshot, [rule({ nodes: new Set(['cathode']) })], '2025-03-31');
  assert.deepEqual(
    bySegment.map((alert) => alert.eventId),
    [fire.id, price.id],
  );
  const highOnly = evaluateAlerts(
    snapshot,
    [rule({ nodes: new Set(['cathode']), minSeverity: 'high' })],
    '2025-03-31',
  );
  assert.deepEqual(
    highOnly.map((alert) => alert.eventId),
    [fire.id],
  );
  const byRegion = evaluateAlerts(
    snapshot,
    [rule({ regions: [{ province: '浙江省', city: null }] })],
    '2025-03-31',
  );
  assert.deepEqual(
    byRegion.map((alert) => alert.eventId),
    [cut.id],
    'a party based in the region counts',
  );
});

test('a spike rule fires on a burst of risk events against a quiet year, and not on the usual rate', () => {
  const spike = rule({ id: 'spike', spike: { days: 30, baselineDays: 365, alpha: 0.01, minCount: 3 } });
  const quiet = [
    event('accident', 'medium', [3], '2024-09-01'),
    event('recall', 'medium', [2], '2025-01-15'),
  ];
  const burst = ['2025-06-05', '2025-06-12', '2025-06-18', '2025-06-25'].map((date) =>
    event('supply_disruption', 'medium', [1], date),
  );
  const fired = evaluateAlerts(
    { organizations: orgs, ties: [], events: [...quiet, ...burst] },
    [spike],
    '2025-06-30',
  );
  assert.equal(fired.length, 1);
  assert.equal(fired[0]?.evidence.length, 4);
  assert.match(fired[0]?.message ?? '', /近 30 天 4 起/);
  // Four a month for two years: the last 30 days hold four, as many as the baseline leads one to expect.
  const steady = Array.from({ length: 96 }, (_, index) => {
    const month = Math.floor(index / 4);
    const day = 3 + (index % 4) * 7;
    return event(
      'supply_disruption',
      'medium',
      [1],
      `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    );
  });
  assert.deepEqual(
    evaluateAlerts({ organizations: orgs, ties: [], events: steady }, [spike], '2025-12-31'),
    [],
  );
});

test('the Poisson tail', () => {
  assert.equal(poissonTail(0, 2), 1);
  assert.ok(Math.abs(poissonTail(1, 2) - (1 - Math.exp(-2))) < 1e-12);
  assert.ok(Math.abs(poissonTail(3, 1) - (1 - Math.exp(-1) * (1 + 1 + 0.5))) < 1e-12);
});

test('rule files name the rule and the field that is wrong', () => {
  assert.throws(
    () => parseAlertRules('rules:\n  - { id: a, types: [fire] }\n', 'mine.yaml'),
    /mine\.yaml: rules\[0\]\.types: unknown event type fire/,
  );
  assert.throws(
    () => parseAlertRules('rules:\n  - { id: a, minSeverity: extreme }\n', 'mine.yaml'),
    /rules\[0\]\.minSeverity/,
  );
  assert.throws(
    () => parseAlertRules('rules:\n  - { id: a }\n  - { id: a }\n', 'mine.yaml'),
    /rules\[1\]: id a is used twice/,
  );
  assert.throws(
    () => parseAlertRules('rules:\n  - { id: a, spike: { days: -3 } }\n', 'mine.yaml'),
    /rules\[0\]\.spike\.days/,
  );
});

test('no spike test on a corpus younger than one window of history', () => {
  const spike = rule({ id: 'spike', spike: { days: 30, baselineDays: 365, alpha: 0.01, minCount: 3 } });
  const young = ['2025-06-20', '2025-06-22', '2025-06-25', '2025-06-28'].map((date) =>
    event('supply_disruption', 'medium', [1], date),
  );
  assert.deepEqual(
    evaluateAlerts({ organizations: orgs, ties: [], events: young }, [spike], '2025-06-30'),
    [],
  );
});
