import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachEvent, ChainMatcher } from './attach.js';
import { parseTaxonomy } from './taxonomy.js';

const taxonomy = parseTaxonomy(
  `
- id: midstream
  name: 中游
  en: Midstream
  keywords: { zh: [核心零部件], en: [components] }
  children:
    - id: cells
      name: 电芯
      en: Cells
      keywords: { zh: [动力电池, 电芯, 磷酸铁锂电池], en: [battery cell] }
    - id: bms
      name: 电池管理系统
      en: Battery management
      keywords: { zh: [电池管理系统], en: [bms] }
- id: downstream
  name: 下游
  en: Downstream
  keywords: { zh: [终端应用], en: [applications] }
  children:
    - id: swapping
      name: 换电
      en: Battery swapping
      keywords: { zh: [换电站, 换电], en: [battery swap] }
`,
  'test.yaml',
);
const matcher = new ChainMatcher(taxonomy);

test('keywords match longest first, Latin ones as whole words and in any case', () => {
  const text = '磷酸铁锂电池与BMS系统，以及abms和Battery Swap网络';
  assert.deepEqual(
    matcher.hits(text).map((hit) => [hit.node, text.slice(hit.start, hit.end)]),
    [
      ['cells', '磷酸铁锂电池'],
      ['bms', 'BMS'],
      ['swapping', 'Battery Swap'],
    ],
  );
});

test('an event attaches to the segments its domains and evidence name, domains counting more', () => {
  const links = attachEvent(
    {
      domains: ['动力电池供应', '换电站建设'],
      evidence: [{ start: 0, end: 20, text: '双方将在换电站和电池管理系统方面合作。' }],
    },
    matcher,
  );
  assert.deepEqual(
    links.map((link) => [link.node, link.score]),
    [
      ['swapping', 0.777],
      ['cells', 0.632],
      ['bms', 0.393],
    ],
  );
  const bms = links.find((link) => link.node === 'bms');
  assert.equal(bms?.evidence[0]?.source, 'evidence');
  assert.equal(bms?.evidence[0]?.text.slice(bms.evidence[0].start, bms.evidence[0].end), '电池管理系统');
});
