import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRegion } from '../resolve/index.js';
import { bundledResources } from '../resources/index.js';
import { createLiantu } from '../service.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { diagnose } from './diagnose.js';
import { writeSyntheticCorpus } from './synthetic.testing.js';

const { dir, companies } = writeSyntheticCorpus();
const liantu = createLiantu({ store: SqliteStore.open(':memory:'), resources: bundledResources() });
const built = (async () => {
  await liantu.ingestFiles([dir], { workers: 0, ner: false });
  return liantu.store.graph.snapshot();
})();

const regionOf = (name: string) => {
  const region = parseRegion(name, bundledResources().places);
  assert.ok(region);
  return region;
};

test('the synthetic corpus resolves to its companies, each attached to its segment', async () => {
  const snapshot = await built;
  for (const company of companies) {
    const org = snapshot.organizations.find((candidate) => candidate.name === company.name);
    assert.ok(org, company.name);
    assert.ok(
      org.links.some((link) => link.node === company.segment),
      `${company.name} under ${company.segment}: ${org.links.map((link) => link.node)}`,
    );
  }
});

test('the diagnosis names exactly the planted gaps of each province, with evidence', async () => {
  const snapshot = await built;
  const taxonomy = bundledResources().taxonomy;
  const jiangxi = diagnose(snapshot, taxonomy, regionOf('江西'), { now: '2025-12-01' });
  assert.deepEqual(jiangxi.weakLinks.map((weak) => [weak.node, weak.status]).sort(), [
    ['cathode', 'missing'],
    ['charging', 'missing'],
    ['electric-drive', 'thin'],
  ]);
  const cathode = jiangxi.weakLinks.find((weak) => weak.node === 'cathode');
  assert.equal(cathode?.nationOrganizations, 3);
  assert.ok(
    cathode?.evidence.every((item) => item.kind === 'organization' && /^(合肥|芜湖)/.test(item.label)),
  );
  assert.ok(
    cathode?.evidence.some((item) => item.text.includes('正极材料') || item.text.includes('磷酸铁锂')),
  );
  const anhui = diagnose(snapshot, taxonomy, regionOf('安徽'), { now: '2025-12-01' });
  assert.deepEqual(anhui.weakLinks.map((weak) => [weak.node, weak.status]).sort(), [
    ['anode', 'missing'],
    ['battery-swapping', 'missing'],
  ]);
});

test('partner candidates for a weak link are the strong organizations of other regions, with their events', async () => {
  const snapshot = await built;
  const jiangxi = diagnose(snapshot, bundledResources().taxonomy, regionOf('江西'), { now: '2025-12-01' });
  const forCathode = jiangxi.partners.filter((partner) => partner.node === 'cathode');
  const expected = companies
    .filter((company) => company.segment === 'cathode')
    .map((company) => company.name);
  assert.deepEqual(forCathode.map((partner) => partner.organization.name).sort(), expected.sort());
  assert.ok(forCathode.every((partner) => partner.organization.province === '安徽省'));
  assert.ok(
    forCathode.every((partner) =>
      partner.evidence.some((item) => item.kind === 'event' && item.text.includes('签署')),
    ),
  );
});

test('counts, density, concentration and single points of failure per node', async () => {
  const snapshot = await built;
  const jiangxi = diagnose(snapshot, bundledResources().taxonomy, regionOf('江西'), { now: '2025-12-01' });
  const cells = jiangxi.nodes.find((node) => node.node === 'cells');
  assert.deepEqual([cells?.region.organizations, cells?.nation.organizations], [3, 6]);
  assert.equal(cells?.cooperationDensity, Number((2 / 3).toFixed(3)), 'two ties of three possible');
  assert.equal(cells?.trend.length, 4);
  const middle = companies.filter((company) => company.segment === 'cathode')[1]?.name;
  const cathodeSpof = jiangxi.singlePoints.filter((point) => point.node === 'cathode');
  assert.deepEqual(
    cathodeSpof.map((point) => point.organization.name),
    [middle],
    'the middle company of a chain of signings holds it together',
  );
  assert.equal(
    jiangxi.concentration.find((item) => item.node === 'cathode'),
    undefined,
    'two ties say nothing of concentration',
  );
  // Cells: one chain of six companies across both provinces, five ties; each of the four inner ones is in two.
  const cellsConcentration = jiangxi.concentration.find((item) => item.node === 'cells');
  const cellCompanies = companies
    .filter((company) => company.segment === 'cells')
    .map((company) => company.name);
  assert.equal(cellsConcentration?.ties, 5);
  assert.equal(cellsConcentration?.top?.share, 0.4);
  assert.equal(cellsConcentration?.hhi, 0.36);
  assert.ok(cellCompanies.slice(1, -1).includes(cellsConcentration?.top?.name ?? ''));
});
