import assert from 'node:assert/strict';
import { test } from 'node:test';
import { context, doc, org, orgNamed } from './fixture.testing.js';
import { resolveCorpus } from './index.js';

test('two people named 张雷 at different organizations stay apart; an unattached 张雷 joins neither', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('云岭电驱动科技有限公司'), org('云岭电驱动', '云岭电驱动科技有限公司')],
        people: [{ name: '张雷', title: '云岭电驱动总经理', org: '云岭电驱动' }],
      }),
      doc(2, {
        orgs: [org('北辰氢能装备有限公司')],
        people: [{ name: '张雷', title: '董事长', org: '北辰氢能装备有限公司' }],
      }),
      doc(3, { people: [{ name: '张雷', title: '院长', org: null }] }),
      doc(4, {
        orgs: [org('云岭电驱动科技有限公司')],
        people: [{ name: '张雷', title: '总经理', org: '云岭电驱动科技有限公司' }],
      }),
    ],
    context(),
  );
  const zhangs = graph.people.filter((person) => person.name === '张雷');
  assert.equal(zhangs.length, 3);
  const yunling = orgNamed(graph, '云岭电驱动科技有限公司');
  const ofYunling = zhangs.find((person) => person.orgId === yunling.id);
  assert.equal(ofYunling?.documents, 2, 'the 张雷 of 云岭电驱动 in two articles is one person');
  assert.equal(ofYunling?.title, '云岭电驱动总经理');
  assert.equal(zhangs.filter((person) => person.orgId === null).length, 1);
});

test('a name written without an organization takes the one a repost gives it, and not another article', () => {
  const graph = resolveCorpus(
    [
      doc(1, {
        orgs: [org('北辰氢能装备有限公司')],
        people: [{ name: '欧阳明', title: '董事长', org: '北辰氢能装备有限公司' }],
      }),
      doc(2, { clusterId: 1, people: [{ name: '欧阳明', title: '董事长', org: null }] }),
      doc(3, { people: [{ name: '欧阳明', title: '教授', org: null }] }),
      doc(4, { people: [{ name: '欧阳明', title: '局长', org: null }] }),
    ],
    context(),
  );
  const organized = graph.people.filter((person) => person.orgId !== null);
  assert.equal(organized.length, 1);
  assert.equal(organized[0]?.documents, 2);
  assert.equal(graph.people.length, 3, 'the professor and the bureau chief are not merged into anyone');
});
