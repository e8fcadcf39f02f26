import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../annotate/tokens.js';
import { bundledResources } from '../resources/index.js';
import { type NerSpan, recognize as recognizeWith } from './index.js';

const cluener = () => bundledResources().nerModel('cluener');
const recognize = (text: string, tokens?: ReturnType<typeof tokenize>) =>
  recognizeWith(cluener(), text, tokens);

/** Every span's text is the text at its offsets, and spans come in order without overlapping. */
function assertSpansFit(text: string, spans: readonly NerSpan[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    assert.ok(span.start >= previousEnd, `${span.label} ${span.start} overlaps or is out of order`);
    assert.ok(span.end > span.start && span.end <= text.length, `${span.start}-${span.end}`);
    assert.equal(text.slice(span.start, span.end), span.text);
    previousEnd = span.end;
  }
}

/** The spans of the given labels, as `label start end text` strings. */
function picked(spans: readonly NerSpan[], labels = ['company', 'position', 'name']): string[] {
  return spans
    .filter((span) => labels.includes(span.label))
    .map((span) => `${span.label} ${span.start} ${span.end} ${span.text}`);
}

test('the bundled model loads once and describes itself', () => {
  const model = cluener();
  assert.equal(cluener(), model);
  assert.equal(bundledResources().nerModelAt(bundledResources().nerModelPath('cluener')), model);
  assert.equal(model.info.format, 2);
  assert.equal(model.info.scheme, 'cluener');
  assert.ok(model.info.trainSentences > 0);
  assert.ok(
    model.info.heldOutMicroF1 > 0.5 && model.info.heldOutMicroF1 <= 1,
    `${model.info.heldOutMicroF1}`,
  );
  assert.ok(model.rowKeys.length > 1000);
});

test('the bundled MSRA-scheme model tags PER, LOC and ORG', () => {
  const model = bundledResources().nerModel('msra');
  assert.equal(model.info.scheme, 'msra');
  const text = '华夏动力电池有限公司董事长李明远今天在合肥宣布投产。';
  const labels = new Set(recognizeWith(model, text, tokenize(text)).map((span) => span.label));
  assert.deepEqual([...labels].sort(), ['LOC', 'ORG', 'PER']);
});

test('loading a model from a path with no file names the path', () => {
  assert.throws(
    () => bundledResources().nerModelAt('/nonexistent/liantu/ner.model.gz'),
    /\/nonexistent\/liantu\/ner\.model\.gz: no NER model/,
  );
});

test('a company, its officer and the officer title are found with their offsets', () => {
  // 李明远今天 reads two ways (远 may start 远今天): the name here is one that does not.
  const text = '华夏动力电池有限公司董事长李明华今天在合肥宣布，公司将投资五十亿元建设新工厂。';
  const spans = recognize(text);
  assertSpansFit(text, spans);
  assert.deepEqual(picked(spans), [
    'company 0 10 华夏动力电池有限公司',
    'position 10 13 董事长',
    'name 13 16 李明华',
  ]);
});

test('companies, names and titles in more sentences of my own', () => {
  const cases: [string, string[]][] = [
    [
      '江南新能源汽车股份有限公司总经理王海峰表示，明年销量有望翻番。',
      ['company 0 13 江南新能源汽车股份有限公司', 'position 13 16 总经理', 'name 16 19 王海峰'],
    ],
    [
      '北辰储能科技有限公司首席执行官陈思雨在苏州出席了签约仪式。',
      ['company 0 10 北辰储能科技有限公司', 'position 10 15 首席执行官', 'name 15 18 陈思雨'],
    ],
    [
      '东岳电驱动系统有限公司副总裁赵文博接受采访时说，碳化硅控制器已经量产。',
      ['company 0 11 东岳电驱动系统有限公司', 'position 11 14 副总裁', 'name 14 17 赵文博'],
    ],
    [
      '南海氢能装备有限公司总工程师孙立群介绍了新一代电解槽。',
      ['company 0 10 南海氢能装备有限公司', 'position 10 14 总工程师', 'name 14 17 孙立群'],
    ],
  ];
  for (const [text, expected] of cases) {
    const spans = recognize(text);
    assertSpansFit(text, spans);
    assert.deepEqual(picked(spans), expected, text);
  }
});

test('a city after 在 is an address', () => {
  const text = '青山光伏材料有限公司董事长刘建国昨天在西安与客户签署了供货协议。';
  const spans = recognize(text);
  assertSpansFit(text, spans);
  assert.ok(picked(spans, ['address']).includes('address 19 21 西安'), JSON.stringify(spans));
});

test('offsets stay in UTF-16 units after characters outside the BMP and full-width letters', () => {
  const plain = '华夏动力电池有限公司董事长李明远说，新工厂明年投产。';
  // The same two characters before the sentence, so its features are the same whatever comes first.
  const reference = recognize(`啊。\n${plain}`).filter((span) => span.start >= 3);
  assert.ok(reference.length > 0);
  for (const prefix of ['😀😀。\n', 'ＡＢ。\n']) {
    const text = `${prefix}${plain}`;
    const spans = recognize(text);
    assertSpansFit(text, spans);
    const shifted = spans
      .filter((span) => span.start >= prefix.length)
      .map((span) => ({ ...span, start: span.start - prefix.length + 3, end: span.end - prefix.length + 3 }));
    assert.deepEqual(shifted, reference);
  }
});

test('passing the tokens gives the same spans as letting recognize cut the text', () => {
  const text = '北辰储能科技有限公司首席执行官陈思雨在苏州出席了签约仪式。';
  assert.deepEqual(recognize(text, tokenize(text)), recognize(text));
  assert.deepEqual(recognizeWith(cluener(), text, tokenize(text)), recognize(text));
});

test('an empty text, blank text and a text without entities give no spans', () => {
  assert.deepEqual(recognize(''), []);
  assert.deepEqual(recognize('   \n'), []);
  assert.deepEqual(recognize('今天天气很好。'), []);
});

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['明远', '海峰', '思雨', '文博', '建国', '立群', '晓东', '春华', '志强', '雅琴', '国栋'];
const BRANDS = ['华夏', '江南', '北辰', '东岳', '青山', '南海', '西岭', '中原', '天池', '金沙'];
const TRADES = ['动力电池', '储能科技', '光伏材料', '氢能装备', '电驱动系统', '充电设备'];
const TITLES = ['董事长', '总经理', '副总裁', '总工程师'];
const CITIES = ['合肥', '苏州', '西安', '成都', '武汉', '长沙'];

/** 160 sentences of my own, each with its own company, title and name (about 6,000 characters in all). */
function longSentences(): string[] {
  const sentences: string[] = [];
  for (let k = 0; k < 160; k++) {
    const name = `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 7) % GIVEN.length]}`;
    const company = `${BRANDS[k % BRANDS.length]}${TRADES[(k * 3) % TRADES.length]}有限公司`;
    const title = TITLES[k % TITLES.length];
    const city = CITIES[(k * 5) % CITIES.length];
    sentences.push(`${company}${title}${name}今天在${city}宣布，公司将扩建第${k + 1}条生产线。`);
  }
  return sentences;
}

test('a long text is tagged piece by piece with right offsets and the spans of its sentences alone', () => {
  const sentences = longSentences();
  const text = sentences.join('');
  assert.ok(text.length > 5000, `${text.length}`);
  const spans = recognize(text);
  assertSpansFit(text, spans);
  let offset = 0;
  let compared = 0;
  sentences.forEach((sentence, index) => {
    const end = offset + sentence.length;
    const inLong = spans
      .filter((span) => span.start >= offset && span.end <= end)
      .map((span) => `${span.label} ${span.start - offset} ${span.end - offset} ${span.text}`);
    assert.ok(
      spans.every((span) => !(span.start < offset && span.end > offset)),
      `no span crosses into sentence ${index}`,
    );
    const alone = picked(recognize(sentence), ['address', 'company', 'name', 'position']);
    const company = sentence.slice(0, sentence.indexOf('有限公司') + 4);
    assert.ok(inLong.includes(`company 0 ${company.length} ${company}`), `${index}: ${inLong}`);
    if (index >= 2 && index < sentences.length - 2) {
      assert.deepEqual(inLong, alone, `sentence ${index}`);
      compared++;
    }
    offset = end;
  });
  assert.equal(compared, 156);
});

test('a long text with no sentence end still gets offsets that match', () => {
  const text = longSentences()
    .slice(0, 90)
    .map((sentence) => sentence.replace('。', '，'))
    .join('');
  assert.ok(text.length > 3000 && !/[。！？；!?\n]/u.test(text));
  const spans = recognize(text);
  assertSpansFit(text, spans);
  assert.ok(spans.filter((span) => span.label === 'company').length >= 80, `${spans.length}`);
});
