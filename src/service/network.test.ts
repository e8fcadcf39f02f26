import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../project-root.js';
import { bundledResources } from '../resources/index.js';
import { createLiantu } from '../service.js';
import { SqliteStore } from '../store/sqlite/index.js';

const examples = join(projectRoot, 'examples');

test('the network is built once per graph build and rebuilt when a new document changes the graph', async () => {
  const liantu = createLiantu({ store: SqliteStore.open(':memory:'), resources: bundledResources() });
  try {
    await liantu.ingestFiles([join(examples, 'signing-battery-swap.txt')], { workers: 0, ner: false });
    const first = await liantu.network();
    assert.equal(await liantu.network(), first, 'the same build gives the network already built');
    const before = first.graph.order;
    await liantu.ingestText({
      format: 'text',
      title: '示例：两家企业签署合作协议',
      text: '2025年3月1日，青川动力电池有限公司与远山新能源汽车有限公司在成都签署战略合作协议，双方将在动力电池领域开展合作。',
    });
    const second = await liantu.network();
    assert.notEqual(second, first, 'a new build gives a new network');
    assert.ok(second.graph.order > before, 'with the organizations the new document adds');
  } finally {
    await liantu.close();
  }
});
