/**
 * Typed ties on a corpus written for it (test/fixtures/chain): an alliance of ten, a lithium supplier with two
 * customers and a second-tier customer, a cooperation that is no supply, a fire at the supplier, a district
 * government that hosts a settlement.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../src/project-root.js';
import { bundledResources } from '../src/resources/index.js';
import { createLiantu } from '../src/service.js';
import { SqliteStore } from '../src/store/sqlite/index.js';

const SUPPLIER = '赣北锂源矿业有限公司';
const DIRECT = ['无锡澄电电芯科技有限公司', '常州龙城动力电池有限公司'];
const SECOND_TIER = '盐城瀚海汽车有限公司';
const NOT_CUSTOMERS = ['淮安清江热管理有限公司', '镇江金隔膜科技有限公司'];

const liantu = createLiantu({
  store: SqliteStore.open(':memory:'),
  resources: bundledResources(),
  warn: () => {},
});
const built = liantu.ingestFiles([join(projectRoot, 'test', 'fixtures', 'chain')], {
  workers: 0,
  ner: false,
});

async function idOf(name: string): Promise<number> {
  await built;
  return (await liantu.pickEntity(name, 'org')).entity.id;
}

test('an alliance of ten makes ten member_of ties to it, and no tie between its members', async () => {
  const alliance = await idOf('华东固态电池产业联盟');
  const ties = await liantu.store.graph.ties(alliance);
  assert.equal(ties.length, 10);
  assert.ok(ties.every((tie) => tie.type === 'member_of' && tie.to === alliance && tie.directed));
  const founding = ties[0]?.events ?? [];
  const members = new Set(ties.map((tie) => tie.from));
  for (const member of members) {
    const between = (await liantu.store.graph.ties(member)).filter(
      (tie) => members.has(tie.from) && members.has(tie.to),
    );
    assert.ok(
      between.every(
        (tie) => tie.type === 'supplies' && !tie.events.some((event) => founding.includes(event)),
      ),
      `the founding ties no two members (${member}); only a supply stated elsewhere does`,
    );
  }
});

test('supply ties run supplier → customer, from a deal and from what the articles state', async () => {
  const supplier = await idOf(SUPPLIER);
  const supplies = (await liantu.store.graph.ties(supplier)).filter((tie) => tie.type === 'supplies');
  assert.deepEqual(supplies.map((tie) => tie.toName).sort(), [...DIRECT].sort());
  assert.ok(supplies.every((tie) => tie.directed && tie.from === supplier && tie.evidence.length > 0));
  const cells = await idOf(DIRECT[0] as string);
  const downstream = (await liantu.store.graph.ties(cells)).find(
    (tie) => tie.type === 'supplies' && tie.from === cells,
  );
  assert.equal(downstream?.toName, SECOND_TIER);
  const thermal = await idOf(NOT_CUSTOMERS[0] as string);
  const withSupplier = (await liantu.store.graph.ties(thermal)).filter(
    (tie) => tie.from === supplier || tie.to === supplier,
  );
  assert.deepEqual(
    withSupplier.map((tie) => tie.type),
    ['cooperates'],
    'a cooperation is no supply',
  );
  const host = await idOf('高港区人民政府');
  assert.deepEqual(
    (await liantu.store.graph.ties(host)).filter((tie) => tie.type === 'hosts').map((tie) => tie.toName),
    ['泰州凤城储能科技有限公司'],
  );
});

test("a supplier's fire reaches each watched customer and a second-tier one, with its path, once", async () => {
  await built;
  for (const name of [...DIRECT, SECOND_TIER, ...NOT_CUSTOMERS])
    await liantu.addWatch({ kind: 'entity', value: name, minSeverity: 'medium', note: null });
  const watches = await liantu.listWatches();
  const alerts = await liantu.alerts({ limit: 100 });
  const byWatch = (name: string) => {
    const watch = watches.find((item) => item.value === name);
    assert.ok(watch, name);
    return alerts.filter((alert) => alert.rule === `watch-${watch.id}`);
  };
  for (const name of DIRECT) {
    const [alert, ...more] = byWatch(name);
    assert.equal(more.length, 0, `one alert for ${name}`);
    assert.equal(alert?.subject?.name, SUPPLIER);
    assert.deepEqual(
      alert?.path?.map((hop) => [hop.supplier.name, hop.customer.name]),
      [[SUPPLIER, name]],
    );
    assert.ok(alert?.path?.every((hop) => hop.evidence.length > 0));
    assert.match(alert?.message ?? '', /经供应链传导/);
  }
  const [second, ...moreSecond] = byWatch(SECOND_TIER);
  assert.equal(moreSecond.length, 0);
  assert.deepEqual(
    second?.path?.map((hop) => [hop.supplier.name, hop.customer.name]),
    [
      [SUPPLIER, DIRECT[0]],
      [DIRECT[0], SECOND_TIER],
    ],
  );
  for (const name of NOT_CUSTOMERS) assert.deepEqual(byWatch(name), [], `nothing for ${name}`);
  const again = await liantu.checkAlerts();
  assert.deepEqual(again.added, [], 'each travelling alert is raised once');
});

test('concentration, single points and choke points name companies only; hosts are listed apart', async () => {
  await built;
  const diagnosis = await liantu.diagnosis('江苏');
  const organizations = await liantu.entities({ kind: 'org', limit: 100 });
  const typeOf = new Map(organizations.map((org) => [org.id, org.type]));
  const named = [
    ...diagnosis.concentration.flatMap((item) => (item.top ? [item.top.id] : [])),
    ...diagnosis.singlePoints.map((point) => point.organization.id),
    ...diagnosis.chokePoints.flatMap((choke) => [choke.supplier.id, ...choke.customers.map((c) => c.id)]),
  ];
  assert.ok(named.length > 0);
  for (const id of named) assert.equal(typeOf.get(id), 'company', `entity ${id}`);
  const choke = diagnosis.chokePoints.find((item) => item.supplier.name === SUPPLIER);
  assert.deepEqual(choke?.customers.map((customer) => customer.name).sort(), [...DIRECT].sort());
  assert.equal(choke?.evidence.length, 2);
  assert.deepEqual(
    diagnosis.institutions.map((item) => [item.organization.name, item.role]),
    [['高港区人民政府', 'host']],
  );
});
