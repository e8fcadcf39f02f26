import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';

const rolesOf = (text: string) => {
  const events = extractText({ file: 'test', title: null, published: '2025-05-20', text }).extraction.events;
  return events.map((event) => ({
    type: event.type,
    parties: event.parties,
    roles: Object.fromEntries(event.people.map((person) => [person.name, person.role])),
  }));
};

test('a visit received and ended by a signing is the signing, with the visitors and their hosts', () => {
  const [event, ...rest] = rolesOf(
    '5月12日，北辰汽车有限公司董事长林远航一行莅临宁远储能科技有限公司考察交流。' +
      '宁远储能科技有限公司总裁许文博进行接待并洽谈。双方成功签署了战略合作协议。',
  );
  assert.equal(rest.length, 0);
  assert.equal(event?.type, 'cooperation_agreement');
  assert.deepEqual([...(event?.parties ?? [])].sort(), ['北辰汽车有限公司', '宁远储能科技有限公司'].sort());
  assert.deepEqual(event?.roles, { 林远航: 'attendee', 许文博: 'attendee' });
});

test('宣布 and a colon after a titled name make a speaker; the one met was there', () => {
  const [signing] = rolesOf(
    '北辰汽车有限公司新闻发言人林远航宣布，北辰汽车有限公司已与宁远储能科技有限公司签署了电池供货协议。',
  );
  assert.equal(signing?.roles.林远航, 'speaker');
  const [founding] = rolesOf(
    '5月12日，长江储能创新联盟在武汉成立。\n长江储能创新联盟理事长许嘉宁：联盟将推动上下游协同创新。',
  );
  assert.equal(founding?.roles.许嘉宁, 'speaker');
  const [signed] = rolesOf(
    '北辰汽车有限公司与东岭市人民政府签署投资协议。东岭市市长周明远会见北辰汽车有限公司董事长林远航一行并出席签约仪式。',
  );
  assert.deepEqual(signed?.roles, { 周明远: 'attendee', 林远航: 'attendee' });
});

test('bare names listed after a titled one share the title and the role', () => {
  const result = extractText({
    file: 'test',
    title: null,
    published: '2025-05-20',
    text: '北辰汽车有限公司与宁远储能科技有限公司签署战略合作协议。市领导周明远、袁文清、吴思齐出席仪式并见证签约。',
  }).extraction;
  const titles = Object.fromEntries(result.people.map((person) => [person.name, person.title]));
  assert.deepEqual(titles, { 周明远: '市领导', 袁文清: '市领导', 吴思齐: '市领导' });
  const roles = Object.fromEntries(
    (result.events[0]?.people ?? []).map((person) => [person.name, person.role]),
  );
  assert.deepEqual(roles, { 周明远: 'witness', 袁文清: 'witness', 吴思齐: 'witness' });
});
