import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledResources } from '../resources/index.js';
import { findNode, lineage, parseTaxonomy, subtree } from './taxonomy.js';

const small = `
- id: midstream
  name: 中游
  en: Midstream
  keywords: { zh: [零部件配套], en: [components] }
  children:
    - id: battery-system
      name: 电池系统
      en: Battery systems
      keywords: { zh: [动力电池], en: [traction battery] }
      children:
        - id: bms
          name: 电池管理系统
          en: Battery management
          keywords: { zh: [电池管理系统, BMS], en: [bms] }
`;

test('the tree keeps parents, children and depth, and lineage walks up to the root', () => {
  const taxonomy = parseTaxonomy(small, 'small.yaml');
  assert.deepEqual(taxonomy.roots, ['midstream']);
  assert.deepEqual(taxonomy.nodes.get('battery-system')?.children, ['bms']);
  assert.equal(taxonomy.nodes.get('bms')?.depth, 2);
  assert.deepEqual(
    lineage(taxonomy, 'bms').map((node) => node.id),
    ['bms', 'battery-system', 'midstream'],
  );
});

test('errors name the file and the node path', () => {
  assert.throws(
    () => parseTaxonomy(small.replace('id: bms', 'id: battery-system'), 'small.yaml'),
    /small\.yaml: \/midstream\/battery-system\/battery-system: id used twice/,
  );
  assert.throws(
    () => parseTaxonomy(small.replace('[电池管理系统, BMS]', '[电池管理系统, 动力电池]'), 'small.yaml'),
    /small\.yaml: .*\/bms: keyword "动力电池" already belongs to battery-system/,
  );
  assert.throws(() => parseTaxonomy(small.replace('id: bms', 'id: BMS_Node'), 'small.yaml'), /kebab-case/);
  assert.throws(() => parseTaxonomy('id: x', 'small.yaml'), /expected a list/);
});

test('the project taxonomy covers the chain from resources to services in at least 50 nodes', () => {
  const taxonomy = bundledResources().taxonomy;
  assert.deepEqual(taxonomy.roots, ['upstream', 'midstream', 'downstream', 'services']);
  assert.ok(taxonomy.nodes.size >= 50, `${taxonomy.nodes.size} nodes`);
  for (const node of taxonomy.nodes.values()) {
    assert.ok(node.keywords.zh.length > 0 && node.keywords.en.length > 0, node.id);
  }
});

test('a node is found by id, name, keyword, or the highest node whose name holds the words', () => {
  const taxonomy = bundledResources().taxonomy;
  assert.equal(findNode(taxonomy, 'cells')?.id, 'cells');
  assert.equal(findNode(taxonomy, '电芯')?.id, 'cells');
  assert.equal(findNode(taxonomy, 'Battery cells')?.id, 'cells');
  assert.equal(findNode(taxonomy, '电驱动')?.id, 'electric-drive');
  assert.equal(findNode(taxonomy, '无此环节'), null);
  assert.deepEqual(subtree(taxonomy, 'electric-drive').slice(0, 1), ['electric-drive']);
  assert.ok(subtree(taxonomy, 'electric-drive').includes('drive-motors'));
  assert.deepEqual(subtree(taxonomy, 'no-such-node'), []);
});
