import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../pipeline/document.js';
import { bundledResources } from '../resources/index.js';

function risks(text: string) {
  const input = { file: 'test', title: null, published: '2025-06-10', text };
  return extractText(input, bundledResources(), { ner: false })
    .extraction.events.filter((event) => event.severity)
    .map(({ type, subject, severity, parties }) => ({ type, subject, severity, parties }));
}

const one = (text: string) => {
  const found = risks(text);
  assert.equal(found.length, 1, `one risk event in: ${text}\n${JSON.stringify(found)}`);
  return found[0] as NonNullable<(typeof found)[number]>;
};

test('each kind of risk is found with its subject and severity', () => {
  const cases: [string, string, string, string][] = [
    [
      '6月8日，青峰锂电科技有限公司宜春工厂因原料短缺全面停产。',
      'supply_disruption',
      '青峰锂电科技有限公司',
      'high',
    ],
    [
      '受芯片供应紧张影响，北湖汽车有限公司6月起减产两成。',
      'supply_disruption',
      '北湖汽车有限公司',
      'medium',
    ],
    [
      '6月9日凌晨，岚山储能科技有限公司一座储能电站发生火灾，无人员伤亡。',
      'accident',
      '岚山储能科技有限公司',
      'medium',
    ],
    ['东溪新能源汽车有限公司宣布召回2023款纯电车型共计3200辆。', 'recall', '东溪新能源汽车有限公司', 'high'],
    [
      '美国商务部将南屿半导体有限公司列入实体清单，实施出口管制。',
      'regulatory_action',
      '南屿半导体有限公司',
      'high',
    ],
    [
      '商务部对进口电解液发起反倾销立案调查，涉及西岭化学有限公司等企业。',
      'regulatory_action',
      '西岭化学有限公司',
      'medium',
    ],
    ['法院裁定受理瑞川动力科技有限公司破产重整申请。', 'financial_distress', '瑞川动力科技有限公司', 'high'],
    [
      '有员工反映，华汀汽车科技有限公司已连续三个月欠薪。',
      'financial_distress',
      '华汀汽车科技有限公司',
      'medium',
    ],
    ['东原锂业有限公司通知客户，自即日起产品价格上调5%。', 'price_shock', '东原锂业有限公司', 'low'],
    [
      '受上游影响，华岳锂电材料有限公司的六氟磷酸锂报价暴涨近一倍。',
      'price_shock',
      '华岳锂电材料有限公司',
      'medium',
    ],
  ];
  for (const [text, type, subject, severity] of cases) {
    const found = one(text);
    assert.deepEqual([found.type, found.subject, found.severity], [type, subject, severity], text);
  }
});

test('denials, rumours, resumptions, earlier risks and drills report no risk', () => {
  for (const text of [
    '网传北湖汽车有限公司已全面停产，公司当晚辟谣称消息不实。',
    '青峰锂电科技有限公司宜春工厂已于6月5日恢复生产。',
    '此前东溪新能源汽车有限公司曾召回部分车型。',
    '岚山储能科技有限公司开展消防应急演练，防范火灾事故。',
    '中国电动汽车百人会帮助企业诊断供应链短板和风险。',
    '北湖汽车有限公司与青峰锂电科技有限公司签署战略合作协议。',
  ]) {
    assert.deepEqual(risks(text), [], text);
  }
});

test('a customer that speaks to the risk is a party; one only listed is not', () => {
  const found = one(
    '6月1日，南屿半导体有限公司暂停向客户供应两款功率芯片。北湖汽车有限公司是南屿半导体的主要客户之一，' +
      '北湖汽车相关人士表示正在评估影响。南屿半导体的客户还包括东溪新能源汽车有限公司等企业。',
  );
  assert.equal(found.subject, '南屿半导体有限公司');
  assert.deepEqual(found.parties, ['南屿半导体有限公司', '北湖汽车有限公司']);
});

test('words that only look like risks, negated, planned or guessed risks report none', () => {
  for (const text of [
    '北湖汽车有限公司新能源汽车销量呈爆炸式增长。',
    '北湖汽车有限公司召回了原团队核心成员。',
    '北湖汽车有限公司重整旗鼓，发布全新品牌战略。',
    '北湖汽车有限公司推出防爆炸电池包技术，通过针刺不起火不爆炸测试。',
    '美国商务部宣布将南屿半导体有限公司移出实体清单。',
    '北湖汽车有限公司充电桩事故率显著下降。',
    '北湖汽车有限公司销量暴涨120%，股价大幅上涨。',
    '北湖汽车有限公司新车热销，多地门店缺货。',
    '北湖汽车有限公司表示，公司生产经营正常，不存在停产情况。',
    '北湖汽车有限公司董事长表示，公司没有破产风险。',
    '分析师认为，若芯片短缺持续，北湖汽车有限公司可能面临减产。',
    '北湖汽车有限公司计划于下月停产检修。',
  ]) {
    assert.deepEqual(risks(text), [], text);
  }
});

test('real risks survive negation elsewhere in the sentence; consequences are not events of their own', () => {
  const cases: [string, string, string, string][] = [
    [
      '6月9日，北湖汽车有限公司宁波工厂发生火灾，目前正在排查起火原因。',
      'accident',
      '北湖汽车有限公司',
      'medium',
    ],
    ['北湖汽车有限公司工厂发生爆炸，造成3人死亡，其他车间未受影响。', 'accident', '北湖汽车有限公司', 'high'],
    ['北湖汽车有限公司宣布召回1.2万辆电动车，以避免潜在安全隐患。', 'recall', '北湖汽车有限公司', 'high'],
    ['南屿半导体有限公司向北湖汽车有限公司断供。', 'supply_disruption', '南屿半导体有限公司', 'high'],
    [
      '北湖汽车有限公司发布公告。公告称，公司宁波工厂自即日起全面停产。',
      'supply_disruption',
      '北湖汽车有限公司',
      'high',
    ],
    ['6月9日，北湖汽车有限公司宁波工厂发生火灾，导致工厂停产。', 'accident', '北湖汽车有限公司', 'medium'],
    ['北湖汽车有限公司工厂发生电解液泄漏事故，无人员伤亡。', 'accident', '北湖汽车有限公司', 'medium'],
  ];
  for (const [text, type, subject, severity] of cases) {
    const found = one(text);
    assert.deepEqual([found.type, found.subject, found.severity], [type, subject, severity], text);
  }
});

test('severity follows the scale: casualties, a production floor lost, a small fire, a few vehicles, a short pause', () => {
  const cases: [string, string][] = [
    ['北湖汽车有限公司冲压车间发生火灾，造成2人受伤。', 'high'],
    ['北湖汽车有限公司一栋厂房起火，过火面积约900平方米，厂房烧毁。', 'high'],
    ['北湖汽车有限公司一处储藏室起火，过火面积约15平方米，无人员伤亡。', 'low'],
    ['北湖汽车有限公司召回部分纯电车型，共计86辆。', 'low'],
    ['北湖汽车有限公司因芯片短缺将宁波工厂的生产暂停5天。', 'medium'],
    ['南屿锂业有限公司宣布旗下锂矿暂停生产，为期至少三个月。', 'high'],
    ['受需求拉动，东原锂业有限公司产品价格上涨45%。', 'medium'],
  ];
  for (const [text, severity] of cases) assert.equal(one(text).severity, severity, text);
});

test('companies listed together are one event each; the acting regulator and the court are parties', () => {
  const listed = risks('因芯片短缺，北湖汽车有限公司、东溪汽车有限公司和西岭汽车有限公司均宣布减产。');
  assert.deepEqual(
    listed.map((event) => event.subject),
    ['北湖汽车有限公司', '东溪汽车有限公司', '西岭汽车有限公司'],
  );
  const fined = risks(
    '国家市场监督管理总局依法对南屿电子有限公司、瑞岸贸易有限公司哄抬芯片价格行为处以罚款。',
  );
  assert.deepEqual(
    fined.map((event) => [event.subject, event.parties]),
    [
      ['南屿电子有限公司', ['南屿电子有限公司', '国家市场监督管理总局']],
      ['瑞岸贸易有限公司', ['瑞岸贸易有限公司', '国家市场监督管理总局']],
    ],
  );
});

test("a measure against a country's products and an accident at an unnamed plant keep a null subject", () => {
  const measure = one('东洲委员会决定对中国进口的电动汽车征收为期五年的反补贴税。');
  assert.deepEqual([measure.type, measure.subject, measure.severity], ['regulatory_action', null, 'high']);
  const fire = one('6月9日，宁波市北仑区一电池厂发生火灾，造成1人死亡。');
  assert.deepEqual([fire.type, fire.subject, fire.severity], ['accident', null, 'high']);
});

test('a headline denying a rumour, and a case given for comparison, report no risk', () => {
  assert.equal(
    risks('北湖汽车有限公司辟谣：工厂起火系不实消息\n网传北湖汽车有限公司宁波工厂发生火灾。').length,
    0,
  );
  assert.equal(risks('另一家车企东溪汽车有限公司也遭遇了类似困境，已申请破产重整。').length, 0);
});

test('a data source or an outlet is no subject: a market price spike has none', () => {
  for (const text of [
    '东岭咨询有限公司数据显示，电池级碳酸锂价格一个月内涨超六成。',
    '据蓝湾研究院统计，车规级芯片报价较年初上涨逾三成。',
  ]) {
    const found = one(text);
    assert.deepEqual([found.type, found.subject, found.severity], ['price_shock', null, 'medium'], text);
  }
});

test('a rise by a figure is graded by its size, in percent, tenths (成) or times (倍)', () => {
  const cases: [string, string][] = [
    ['受供需错配影响，六氟磷酸锂价格涨了两倍。', 'medium'],
    ['受上游影响，电池级氢氧化锂价格涨幅超过40%。', 'medium'],
    ['受需求拉动，电解钴价格上涨两成。', 'low'],
    ['受需求拉动，电解钴价格上涨12%。', 'low'],
  ];
  for (const [text, severity] of cases) assert.equal(one(text).severity, severity, text);
});

test('a risk at a company the article does not name keeps a null subject', () => {
  for (const text of [
    '一家造车新势力近期大规模裁员，总部仅剩数十人。',
    '近日，某车企被曝拖欠员工工资长达半年。',
  ]) {
    const found = one(text);
    assert.deepEqual(
      [found.type, found.subject, found.severity],
      ['financial_distress', null, 'medium'],
      text,
    );
  }
  const fire = one('近日，南洋一家锂电池厂发生爆炸，造成5人死亡。');
  assert.deepEqual([fire.type, fire.subject, fire.severity], ['accident', null, 'high']);
});

test('what the paragraph of a comparison goes on to say of the compared company is its background', () => {
  const found = risks(
    '北湖汽车有限公司宣布裁员。另一家车企东溪汽车有限公司也遭遇了类似困境。' +
      '据法院公告，东溪汽车有限公司的母公司西岭控股有限公司申请了破产重整。法院已受理西岭控股有限公司的重整申请。',
  );
  assert.deepEqual(
    found.map((event) => [event.type, event.subject]),
    [['financial_distress', '北湖汽车有限公司']],
  );
});

test("a regulator's measure announced with 拟, or a provisional duty, is the measure", () => {
  for (const text of [
    '东洲委员会宣布，自下月起拟对中国进口的电动汽车加征关税并征收反补贴税。',
    '东洲委员会表示，将对中国进口的电动汽车拟征收临时反补贴税。',
  ]) {
    const found = one(text);
    assert.deepEqual([found.type, found.subject, found.severity], ['regulatory_action', null, 'high'], text);
  }
  assert.deepEqual(risks('东洲委员会表示，可能对进口电池发起反倾销调查。'), []);
});

test('two companies of one group are two events; a demonstrative tells more of the risk already told', () => {
  const group = risks(
    '有员工反映，北湖汽车有限公司已拖欠工资三个月。北湖汽车有限公司母公司东溪控股股份有限公司昨日正式进入重整程序。',
  );
  assert.deepEqual(
    group.map((event) => [event.subject, event.severity]),
    [
      ['北湖汽车有限公司', 'medium'],
      ['东溪控股股份有限公司', 'high'],
    ],
  );
  const told = one(
    '法院裁定受理瑞川动力科技有限公司破产重整申请。这一破产案件的出现，给北湖汽车有限公司的未来蒙上阴影。',
  );
  assert.equal(told.subject, '瑞川动力科技有限公司');
});

test("a supply cut told by its hit on a customer's output is the customer's, with the supplier a party", () => {
  const found = one(
    '受海外疫情影响，南屿半导体有限公司的芯片等零部件供应量锐减，大幅影响北湖汽车有限公司8月的产销。',
  );
  assert.deepEqual(
    [found.type, found.subject, found.severity, found.parties],
    ['supply_disruption', '北湖汽车有限公司', 'medium', ['北湖汽车有限公司', '南屿半导体有限公司']],
  );
});

test('a risk is dated by its start, a day refines the month first named, and no other paragraph lends a date', () => {
  const dated = (text: string) =>
    extractText({ file: 'test', title: null, published: '2025-06-10', text }, bundledResources(), {
      ner: false,
    })
      .extraction.events.filter((event) => event.severity)
      .map((event) => [event.subject, event.date]);
  assert.deepEqual(
    dated(
      '北湖汽车有限公司备案了召回计划。自即日起，召回2023年3月10日至2023年11月30日期间生产的部分纯电动汽车，共计1200辆。',
    ),
    [['北湖汽车有限公司', null]],
  );
  assert.deepEqual(
    dated(
      '因芯片短缺，北湖汽车有限公司、东溪汽车有限公司宣布在7月份减产。其中，北湖汽车有限公司将在7月8日至10日暂停宁波工厂的生产。' +
        '东溪汽车有限公司工厂将从7月15日至年底期间大幅减产。',
    ),
    [
      ['北湖汽车有限公司', '2025-07-08'],
      ['东溪汽车有限公司', '2025-07-15'],
    ],
  );
  assert.deepEqual(
    dated('6月8日，东岭锂业有限公司发布业绩报告。\n近日，南屿半导体有限公司暂停向客户供应两款功率芯片。'),
    [['南屿半导体有限公司', null]],
  );
});
