import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';
import { isRiskType } from './types.js';

const run = (text: string, published: string | null = '2025-05-20') =>
  extractText({ file: 'test', title: null, published, text }).extraction;

test('a signing: parties, date from the publish year, place, signatories, witnesses and domains', () => {
  const result = run(
    '5月18日，宁远储能科技有限公司与青山动力电池集团有限公司在江苏常州签署战略合作协议，双方将围绕储能电芯、电池回收等领域开展合作。\n' +
      '常州市副市长周明远出席并见证签约。宁远储能总经理许嘉宁与青山动力电池集团副总裁白若溪代表双方签约。\n' +
      '许嘉宁表示，此次合作将加快储能产品落地。',
  );
  assert.equal(result.events.length, 1);
  const [event] = result.events;
  assert.ok(event);
  assert.equal(event.type, 'cooperation_agreement');
  assert.deepEqual(event.parties, ['宁远储能科技有限公司', '青山动力电池集团有限公司']);
  assert.equal(event.date, '2025-05-18');
  assert.equal(event.location, '江苏常州');
  assert.deepEqual(event.domains, ['储能电芯', '电池回收']);
  const roles = Object.fromEntries(event.people.map((person) => [person.name, person.role]));
  assert.deepEqual(roles, { 周明远: 'witness', 许嘉宁: 'signatory', 白若溪: 'signatory' });
  const signatory = event.people.find((person) => person.name === '许嘉宁');
  assert.equal(signatory?.org, '宁远储能科技有限公司', 'a short form in a title resolves to the full name');
  assert.equal(signatory?.title, '总经理');
  assert.ok(result.people.some((person) => person.name === '周明远' && person.title === '常州市副市长'));
});

test('A、B分别与C、D签署 gives the pairs A–C and B–D', () => {
  const result = run(
    '5月18日，甲川科技有限公司、乙河新能源有限公司分别与丙山汽车集团有限公司、丁水材料有限公司签署合作协议。',
  );
  assert.deepEqual(
    result.events.map((event) => event.parties),
    [
      ['甲川科技有限公司', '丙山汽车集团有限公司'],
      ['乙河新能源有限公司', '丁水材料有限公司'],
    ],
  );
});

test('plans and earlier deals recalled are no events; a settlement is', () => {
  const result = run(
    '5月19日，晨星智能科技有限公司华东总部落户浙江嘉兴。\n' +
      '据了解，晨星智能此前已与远帆汽车集团有限公司签署战略合作协议。公司计划明年在嘉兴投资建设第二工厂。',
  );
  assert.deepEqual(
    result.events.map((event) => [event.type, event.parties, event.location]),
    [['settlement', ['晨星智能科技有限公司'], '浙江嘉兴']],
  );
});

test('a meeting names its organizers, not the body that guides it; the host is the one who presides', () => {
  const result = run(
    '5月16日，2025长江储能产业大会在湖北宜昌召开。大会由宜昌市经济和信息化局指导，长江储能产业联合会主办。\n' +
      '大会由长江储能产业联合会秘书长汪海燕主持。',
  );
  const [meeting] = result.events;
  assert.equal(meeting?.type, 'meeting');
  assert.deepEqual(meeting?.parties, ['长江储能产业联合会']);
  assert.equal(meeting?.location, '湖北宜昌');
  assert.deepEqual(
    meeting?.people.map((person) => [person.name, person.role]),
    [['汪海燕', 'host']],
  );
});

test('people written as name (title) and reporters in bylines', () => {
  const result = run('5月18日，陆知远（星河电驱董事长）出席活动并致辞。\n（记者 方晓）');
  assert.deepEqual(result.people, [{ name: '陆知远', title: '星河电驱董事长' }]);
});

test('a bracketed region inside a name, and people listed together who attend and speak', () => {
  const result = run(
    '7月1日，国轩高科股份有限公司与大众汽车（中国）投资有限公司在合肥举行合作签约仪式，双方签署电池回收合作备忘录。\n' +
      '国轩高科董事长李缜、大众汽车（中国）投资有限公司首席执行官贝瑞德出席签约仪式并致辞。',
    '2025-07-02',
  );
  const [event] = result.events;
  assert.deepEqual(event?.parties, ['国轩高科股份有限公司', '大众汽车（中国）投资有限公司']);
  assert.equal(event?.location, '合肥');
  assert.deepEqual(
    event?.people.map((person) => [person.name, person.role, person.org]),
    [
      ['李缜', 'speaker', '国轩高科股份有限公司'],
      ['贝瑞德', 'speaker', '大众汽车（中国）投资有限公司'],
    ],
  );
});

test('a settlement signed with the host government has it as a party; a time word inside a name is part of it', () => {
  const result = run(
    '1月15日，智行未来汽车科技有限公司与天津市滨海新区人民政府签署投资协议，智行未来华北总部正式落户滨海新区。',
    null,
  );
  assert.deepEqual(
    result.events.map((event) => [event.type, event.parties, event.date]),
    [
      ['cooperation_agreement', ['智行未来汽车科技有限公司', '天津市滨海新区人民政府'], null],
      ['settlement', ['智行未来汽车科技有限公司', '天津市滨海新区人民政府'], null],
    ],
  );
});

test('a financing round with its investors, reported across sentences', () => {
  const result = run(
    '12月4日，启源动力科技(苏州)有限公司宣布完成5亿元B轮融资，本轮融资由国投创新领投，苏州元禾跟投。\n' +
      '启源动力创始人、董事长周晨阳表示，融资将用于固态电池中试线建设。',
    '2024-12-05',
  );
  assert.deepEqual(
    result.events.map((event) => [event.type, event.parties, event.date]),
    [['investment', ['启源动力科技(苏州)有限公司', '国投创新', '苏州元禾'], '2024-12-04']],
  );
  assert.deepEqual(result.people, [{ name: '周晨阳', title: '启源动力创始人、董事长' }]);
});

test('denials, rumours, plans and accident reports give none of the five events', () => {
  for (const text of [
    '5月18日，宁远储能科技有限公司将与青山动力电池集团有限公司签署战略合作协议。',
    '青山动力电池集团有限公司否认与宁远储能科技有限公司签署任何合作协议。',
    '5月18日，青山动力电池集团有限公司常州工厂投产不足半年即发生火灾，暂无人员伤亡。',
  ]) {
    assert.deepEqual(
      run(text).events.filter((event) => !isRiskType(event.type)),
      [],
      text,
    );
  }
  const fire = run('5月18日，青山动力电池集团有限公司常州工厂投产不足半年即发生火灾，暂无人员伤亡。').events;
  assert.deepEqual(
    fire.map((event) => [event.type, event.subject]),
    [['accident', '青山动力电池集团有限公司']],
    'the accident is a risk event of its own',
  );
});

test('a month and day later than the publish date belong to the year before', () => {
  const result = run(
    '12月30日，宁远储能科技有限公司与青山动力电池集团有限公司签署战略合作协议。',
    '2025-01-02',
  );
  assert.equal(result.events[0]?.date, '2024-12-30');
});

test('people belong to the event their sentence reports or names, not always to the first', () => {
  const result = run(
    '5月18日，长三角储能产业联盟在上海正式成立。会上，宁远储能科技有限公司与青山动力电池集团有限公司签署战略合作协议，' +
      '宁远储能总经理许嘉宁与青山动力电池集团副总裁白若溪代表双方签约。',
  );
  assert.deepEqual(
    result.events.map((event) => [event.type, event.people.map((person) => person.name)]),
    [
      ['alliance_founded', []],
      ['cooperation_agreement', ['许嘉宁', '白若溪']],
    ],
  );
});

test('a conjunction the segmenter glued onto a name, and a leading body elected after the founding', () => {
  assert.deepEqual(
    run('5月18日，国轩高科股份有限公司同大众汽车集团签署谅解备忘录。').events.map((event) => event.parties),
    [['国轩高科股份有限公司', '大众汽车集团']],
  );
  assert.deepEqual(
    run('5月18日，常州新能源汽车产业协会揭牌成立，常州星河汽车集团有限公司当选首任会长单位。').events.map(
      (event) => event.parties,
    ),
    [['常州新能源汽车产业协会', '常州星河汽车集团有限公司']],
  );
});

test('the outlet that credits a report and the parent of a signing subsidiary are no parties', () => {
  const credited = run(
    '星海财经网5月18日讯，宁远储能科技有限公司与青山动力电池集团有限公司签署战略合作协议。',
  );
  assert.deepEqual(credited.events[0]?.parties, ['宁远储能科技有限公司', '青山动力电池集团有限公司']);
  const subsidiary = run(
    '东岭控股集团有限公司发布公告称，其全资子公司东岭储能科技有限公司与北辰汽车有限公司签订战略合作协议。',
  );
  assert.deepEqual(subsidiary.events[0]?.parties, ['东岭储能科技有限公司', '北辰汽车有限公司']);
  assert.ok(
    subsidiary.organizations.includes('东岭控股集团有限公司'),
    'the parent is still named in the article',
  );
});
