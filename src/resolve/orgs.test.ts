import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusNetwork } from '../analyze/network.js';
import { bundledResources } from '../resources/index.js';
import { parseAliasFile } from './alias-file.js';
import { context, doc, event, org, orgNamed, places } from './fixture.testing.js';
import { resolveContextOf, resolveCorpus } from './index.js';
import { nameKey } from './names.js';

test('name keys ignore the legal form, script, width and 人民政府 / 政府, and complete a leading place', () => {
  assert.equal(nameKey('星衡储能科技股份有限公司', places), nameKey('星衡储能科技有限公司', places));
  assert.equal(nameKey('宁波市人民政府', places), nameKey('宁波市政府', places));
  assert.equal(nameKey('宁波政府', places), nameKey('宁波市人民政府', places));
  assert.equal(nameKey('遠景科技集團', places), nameKey('远景科技集团', places));
  assert.equal(nameKey('ＡＢＣ Co., Ltd.', places), nameKey('abc', places));
  assert.notEqual(nameKey('星衡储能科技', places), nameKey('星衡储能', places));
});

test('forms of one organization across articles become one entity with every alias', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org('星衡储能科技股份有限公司'),
          org('星衡储能', '星衡储能科技股份有限公司'),
          org('赣西锂业有限公司'),
        ],
        events: [
          event('cooperation_agreement', ['星衡储能科技股份有限公司', '赣西锂业有限公司'], '2025-03-18'),
        ],
      }),
      doc(2, {
        orgs: [org('星衡储能科技有限公司'), org('闽江换电科技有限公司')],
        events: [
          event('cooperation_agreement', ['星衡储能科技有限公司', '闽江换电科技有限公司'], '2025-04-22'),
        ],
      }),
      doc(3, { orgs: [org('星衡储能')] }),
    ],
    context(),
  );
  const xingheng = orgNamed(graph, '星衡储能科技股份有限公司');
  assert.deepEqual(
    xingheng.aliases.map((alias) => alias.name).sort(),
    ['星衡储能', '星衡储能科技有限公司', '星衡储能科技股份有限公司'].sort(),
  );
  assert.equal(xingheng.documents, 3);
  assert.equal(graph.organizations.length, 3);
  assert.equal(orgNamed(graph, '星衡储能'), xingheng);
  assert.equal(corpusNetwork(graph).degree(String(xingheng.id)), 2);
});

test('the shown name is the full form written most; a short form alone never names the entity', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org('中国第一汽车集团'),
          org('中国一汽', '中国第一汽车集团'),
          org('中国一汽', '中国第一汽车集团'),
        ],
      }),
      doc(2, { orgs: [org('中国第一汽车集团')] }),
    ],
    resolveContextOf(bundledResources()),
  );
  const faw = orgNamed(graph, '中国一汽');
  assert.equal(faw.name, '中国第一汽车集团');
  assert.ok(faw.aliases.some((alias) => alias.name === '一汽' && alias.source === 'known'));
  assert.equal(faw.region?.province, '吉林省', 'the alias file gives well-known companies their home');
});

test('a short form two articles give to different organizations stays with each article', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('华辰电池科技有限公司'), org('华辰', '华辰电池科技有限公司')],
        events: [event('investment', ['华辰'], '2025-01-10')],
      }),
      doc(2, {
        orgs: [org('华辰物流集团有限公司'), org('华辰', '华辰物流集团有限公司')],
        events: [event('investment', ['华辰'], '2025-01-10')],
      }),
    ],
    context(),
  );
  const battery = orgNamed(graph, '华辰电池科技有限公司');
  const logistics = orgNamed(graph, '华辰物流集团有限公司');
  assert.notEqual(battery.id, logistics.id);
  assert.equal(graph.events.length, 2, 'each article reads 华辰 as its own company');
  assert.deepEqual(
    graph.events.map((merged) => merged.parties[0]?.entityId).sort(),
    [battery.id, logistics.id].sort(),
  );
});

test('a body named on its own is no short form of a longer name (生态环境部 of its 宣传教育中心)', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org('生态环境部宣传教育中心', undefined, 'association'),
          org('生态环境部', '生态环境部宣传教育中心', 'government'),
        ],
      }),
      doc(2, { orgs: [org('生态环境部', undefined, 'government')] }),
    ],
    context(),
  );
  assert.notEqual(orgNamed(graph, '生态环境部宣传教育中心').id, orgNamed(graph, '生态环境部').id);
});

test('a short form that only drops the leading place joins its full name (嘉定区政协)', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org('上海市嘉定区政协', undefined, 'government'),
          org('嘉定区政协', '上海市嘉定区政协', 'government'),
        ],
      }),
    ],
    context(),
  );
  assert.equal(orgNamed(graph, '嘉定区政协').id, orgNamed(graph, '上海市嘉定区政协').id);
});

test('the alias file merges forms the rules cannot, and splits forms they would merge', () => {
  const docs = [
    doc(1, {
      orgs: [
        org('东风汽车有限公司'),
        org('东风汽车集团有限公司'),
        org('北辰氢能装备有限公司'),
        org('北辰重卡'),
      ],
    }),
  ];
  const plain = resolveCorpus(docs, context());
  assert.equal(orgNamed(plain, '东风汽车有限公司').id, orgNamed(plain, '东风汽车集团有限公司').id);
  assert.notEqual(orgNamed(plain, '北辰氢能装备有限公司').id, orgNamed(plain, '北辰重卡').id);
  const edited = resolveCorpus(
    docs,
    context(`
merge:
  - { name: 北辰氢能, aliases: [北辰氢能装备有限公司, 北辰重卡], type: company, region: 江苏淮安 }
split:
  - [东风汽车集团有限公司, 东风汽车有限公司]
`),
  );
  assert.notEqual(orgNamed(edited, '东风汽车有限公司').id, orgNamed(edited, '东风汽车集团有限公司').id);
  const beichen = orgNamed(edited, '北辰重卡');
  assert.equal(beichen.id, orgNamed(edited, '北辰氢能装备有限公司').id);
  assert.equal(beichen.name, '北辰氢能');
  assert.deepEqual(beichen.region, { province: '江苏省', city: '淮安市' });
  assert.equal(beichen.regionSource, 'alias-file');
});

test('alias-file mistakes name the file and the entry', () => {
  assert.throws(
    () => parseAliasFile('merge:\n  - { aliases: [甲公司], type: bank }\n', 'my.yaml', places),
    /my\.yaml: merge\[0\]\.type/,
  );
  assert.throws(
    () => parseAliasFile('merge:\n  - { aliases: [甲公司], region: 火星 }\n', 'my.yaml', places),
    /merge\[0\]\.region/,
  );
  assert.throws(() => parseAliasFile('split:\n  - [甲公司]\n', 'my.yaml', places), /my\.yaml: split\[0\]/);
});

test('type comes from the mentions, region from a leading place in the name', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('淮安市发展和改革委员会', undefined, 'government'), org('云岭电驱动科技有限公司')],
      }),
    ],
    context(),
  );
  const commission = orgNamed(graph, '淮安市发展和改革委员会');
  assert.equal(commission.type, 'government');
  assert.deepEqual(commission.region, { province: '江苏省', city: '淮安市' });
  assert.equal(
    orgNamed(graph, '云岭电驱动科技有限公司').region,
    null,
    '云岭 is no place: no region is guessed',
  );
});

test('a headquarters settlement gives an organization without a known home its region', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('澄江智行科技有限公司')],
        events: [
          event('settlement', ['澄江智行科技有限公司'], '2025-02-01', {
            location: '宁波',
            evidence: [{ start: 0, end: 20, text: '澄江智行科技有限公司全球总部落户宁波。' }],
          }),
        ],
      }),
    ],
    context(),
  );
  const company = orgNamed(graph, '澄江智行科技有限公司');
  assert.deepEqual(company.region, { province: '浙江省', city: '宁波市' });
  assert.equal(company.regionSource, 'headquarters');
});

test('a stated headquarters gives the home region; a province from the name is narrowed to its city', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('浙东电驱动系统股份有限公司'), org('浙江华曜新能源有限公司')],
        headquarters: [
          {
            org: '浙东电驱动系统股份有限公司',
            place: '宁波',
            kind: 'headquarters',
            evidence: '浙东电驱动系统股份有限公司总部位于宁波。',
          },
          {
            org: '浙江华曜新能源有限公司',
            place: '杭州',
            kind: 'headquarters',
            evidence: '浙江华曜新能源有限公司总部位于杭州。',
          },
        ],
      }),
      doc(2, {
        orgs: [org('浙东电驱动系统股份有限公司')],
        headquarters: [
          {
            org: '浙东电驱动系统股份有限公司',
            place: '宁波',
            kind: 'headquarters',
            evidence: '浙东电驱动系统股份有限公司总部位于宁波。',
          },
        ],
      }),
      doc(3, {
        orgs: [org('浙东电驱动系统股份有限公司')],
        headquarters: [
          {
            org: '浙东电驱动系统股份有限公司',
            place: '嘉兴',
            kind: 'headquarters',
            evidence: '浙东电驱动系统股份有限公司总部位于嘉兴。',
          },
        ],
      }),
    ],
    context(),
  );
  const zhedong = orgNamed(graph, '浙东电驱动系统股份有限公司');
  assert.deepEqual(zhedong.region, { province: '浙江省', city: '宁波市' });
  assert.equal(zhedong.regionSource, 'stated-headquarters');
  assert.deepEqual(orgNamed(graph, '浙江华曜新能源有限公司').region, { province: '浙江省', city: '杭州市' });
});

test('市政府 without a place is the government of its own article; with one stated, it is that one', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('宁波星海动力科技有限公司'), org('市政府', undefined, 'government')],
        events: [event('cooperation_agreement', ['宁波星海动力科技有限公司', '市政府'], '2025-03-01')],
      }),
      doc(2, {
        orgs: [org('蓝湖电池科技有限公司'), org('市政府', undefined, 'government')],
        events: [event('cooperation_agreement', ['蓝湖电池科技有限公司', '市政府'], '2025-03-01')],
      }),
      doc(3, {
        orgs: [org('宁波市人民政府', undefined, 'government'), org('市政府', '宁波市人民政府', 'government')],
      }),
      doc(4, { orgs: [org('宁波市政府', undefined, 'government')] }),
    ],
    context(),
  );
  const cityGovernments = graph.organizations.filter((entity) => entity.name === '市政府');
  assert.equal(cityGovernments.length, 2, 'two articles, two city governments');
  const ningbo = orgNamed(graph, '宁波市人民政府');
  assert.equal(ningbo.documents, 2);
  assert.ok(ningbo.aliases.some((alias) => alias.name === '市政府' && alias.source === 'short-form'));
  const network = corpusNetwork(graph);
  network.forEachNode((node) => assert.ok(network.degree(node) <= 1, 'no hub made of 市政府'));
});

test('a stated abbreviation ending in 集团 joins its full name, in its article and in others', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org('华通控股集团股份有限公司'),
          {
            text: '华通集团',
            canonical: '华通控股集团股份有限公司',
            type: 'company',
            foundBy: 'abbreviation',
          },
        ],
      }),
      doc(2, { orgs: [org('华通集团')] }),
    ],
    context(),
  );
  const huatong = orgNamed(graph, '华通控股集团股份有限公司');
  assert.equal(orgNamed(graph, '华通集团').id, huatong.id);
  assert.equal(huatong.documents, 2);
  assert.equal(huatong.name, '华通控股集团股份有限公司');
});

test('split lists hold for every legal form of the names; a merge that contradicts one is reported', () => {
  const aliases = `
merge:
  - { aliases: [东风汽车集团有限公司, 东风汽车有限公司] }
split:
  - [东风汽车集团有限公司, 东风汽车有限公司]
  - [吉利控股集团, 吉利汽车集团]
`;
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [
          org('东风汽车集团有限公司'),
          org('东风汽车有限责任公司'),
          org('吉利控股集团有限公司'),
          org('浙江吉利控股集团'),
          org('吉利汽车集团'),
        ],
      }),
    ],
    context(aliases),
  );
  assert.notEqual(orgNamed(graph, '东风汽车集团有限公司').id, orgNamed(graph, '东风汽车有限责任公司').id);
  assert.equal(orgNamed(graph, '吉利控股集团有限公司').id, orgNamed(graph, '浙江吉利控股集团').id);
  assert.notEqual(orgNamed(graph, '吉利控股集团有限公司').id, orgNamed(graph, '吉利汽车集团').id);
  assert.equal(graph.warnings.length, 1);
  assert.match(
    graph.warnings[0] ?? '',
    /东风汽车集团有限公司 and 东风汽车有限公司 are merged but also split/,
  );
});

test('a leading province before its own city is no part of the identity', () => {
  assert.equal(nameKey('吉林省长春市人民政府', places), nameKey('长春市政府', places));
  assert.equal(nameKey('浙江省宁波市人民政府', places), nameKey('宁波政府', places));
  assert.notEqual(nameKey('BYD Company Limited', places), nameKey('BYD Company', places).slice(0, 2));
  assert.equal(nameKey('BYD Company Limited', places), nameKey('BYD', places));
  assert.equal(nameKey('Comag', places), 'comag', 'a name ending in letters of a legal form keeps them');
});

test('ids survive a rebuild with more articles', () => {
  const first = [
    doc(1, {
      orgs: [org('甲乙动力科技有限公司')],
      people: [{ name: '周明', title: '董事长', org: '甲乙动力科技有限公司' }],
    }),
  ];
  const before = resolveCorpus(first, context());
  const after = resolveCorpus(
    [...first, doc(2, { orgs: [org('丙丁储能科技有限公司'), org('乙丙材料有限公司')] })],
    context(),
  );
  assert.equal(orgNamed(after, '甲乙动力科技有限公司').id, orgNamed(before, '甲乙动力科技有限公司').id);
  assert.equal(after.people[0]?.id, before.people[0]?.id);
});
