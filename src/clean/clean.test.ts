import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clean, toSourceRange } from './index.js';
import { scriptOf } from './script.js';
import type { CleanDoc } from './types.js';

const run = (text: string, format: 'text' | 'html' | 'markdown' = 'text', metadata = {}): CleanDoc =>
  clean({ uri: 'test', format, text, metadata });

function assertSpansIndexSource(doc: CleanDoc, source: string): void {
  let previousEnd = 0;
  for (const span of doc.removed) {
    assert.equal(source.slice(span.start, span.end), span.text, `span ${span.kind} text matches the source`);
    assert.ok(span.start >= previousEnd, 'spans are sorted and do not overlap');
    previousEnd = span.end;
  }
}

test('pinyin notes that read the character before them are removed, doubled ones too', () => {
  const source =
    '新能源汽車產(chǎn)業(yè)鏈聯(lián)盟副理事長(chang)(chang)兼秘書長(zhang)發(fa)言。\n第二段。';
  const doc = run(source);
  assert.equal(doc.text, '新能源汽车产业链联盟副理事长兼秘书长发言。\n第二段。');
  assert.ok(doc.removed.filter((span) => span.kind === 'pinyin').length >= 5);
  assertSpansIndexSource(doc, source);
});

test('real parentheticals stay: abbreviations, bylines, English names, acronyms after other characters', () => {
  const source =
    '江淮鋰能科技有限公司(簡稱JHL)與人工智能(AI)企業合作,遠景科技集團(Envision Group)出席。能(ai)不是讀音。\n(記者 黃慧)';
  const doc = run(source);
  for (const kept of ['(简称JHL)', '人工智能(AI)', '(Envision Group)', '能(ai)', '(记者 黄慧)']) {
    assert.ok(doc.text.includes(kept), `keeps ${kept}`);
  }
  assert.equal(
    doc.removed.filter((span) => span.kind === 'pinyin').length,
    0,
    'nothing in this text is a pinyin note',
  );
});

test('pinyin written with ü as v or u is recognised', () => {
  const doc = run('推動綠(lv)色發展,綠(lü)色能源,女(nu)性。\n下一段。');
  assert.equal(doc.text, '推动绿色发展,绿色能源,女性。\n下一段。');
});

test('Traditional script becomes Simplified and full-width letters and digits become ASCII, CJK punctuation stays', () => {
  const doc = run('長三角新能源汽車產業鏈聯盟於２０２４年成立，ＡＢＣ公司參與。\n第二段。');
  assert.equal(doc.text, '长三角新能源汽车产业链联盟于2024年成立，ABC公司参与。\n第二段。');
});

test('the particle 着 that Traditional script writes 著 becomes 着; 著名, 著作 and 显著 keep 著', () => {
  const doc = run('隨著訂單增加，這標誌著產能翻倍。著名企業的著作，成效顯著。');
  assert.equal(doc.text, '随着订单增加，这标志着产能翻倍。著名企业的著作，成效显著。');
});

test('the script of a text: Traditional when a good share of its characters convert, not for a stray footer', () => {
  assert.equal(scriptOf('長三角新能源汽車產業鏈聯盟於今年成立，多家企業參與。'), 'Traditional');
  assert.equal(
    scriptOf('长三角新能源汽车产业链联盟于今年成立，多家企业参与合作项目的建设。請登陸'),
    'Simplified',
  );
});

test('front matter gives title, date and author and is recorded as removed', () => {
  const source =
    "---\ntitle: '浙东电驱与合肥市政府签约'\ndate: Tue, 14 May 2024 18:30:00 GMT\nauthor: 新能源观察\n---\n5月14日，浙东电驱动系统股份有限公司与合肥市人民政府签署协议。\n双方将在电驱动领域合作。";
  const doc = run(source, 'markdown');
  assert.equal(doc.title, '浙东电驱与合肥市政府签约');
  assert.equal(doc.published, '2024-05-15', 'an instant in GMT is dated by the calendar in China');
  assert.equal(doc.author, '新能源观察');
  assert.ok(!doc.text.includes('title:'));
  assert.equal(doc.removed[0]?.kind, 'front-matter');
  assertSpansIndexSource(doc, source);
});

test('HTML: paragraphs kept, scripts, styles, navigation and share bars dropped, entities decoded', () => {
  const source = [
    '<html><head><title>江淮锂能扩产_新能源网</title><style>p{color:red}</style>',
    '<meta property="article:published_time" content="2024-03-18T09:12:45+08:00"></head><body>',
    '<nav><a href="/">首页</a><a href="/news">新闻</a></nav>',
    '<div class="share-bar">分享到：微信 微博</div>',
    '<h1>江淮锂能扩产</h1>',
    '<p>江淮锂能&nbsp;宣布投资&ldquo;50亿元&rdquo;扩产<span>动力电池</span>。</p>',
    '<p>项目 &amp; 配套\n   工程同步建设。</p>', // a line break inside Chinese text is layout
    '<script>var tracker = "不要";</script></body></html>',
  ].join('');
  const doc = run(source, 'html');
  assert.equal(doc.title, '江淮锂能扩产');
  assert.equal(doc.published, '2024-03-18');
  assert.equal(doc.text, '江淮锂能 宣布投资“50亿元”扩产动力电池。\n项目 & 配套工程同步建设。');
  const kinds = new Set(doc.removed.map((span) => span.kind));
  for (const kind of ['html-script', 'html-nav', 'html-markup', 'title'] as const)
    assert.ok(kinds.has(kind), kind);
  assertSpansIndexSource(doc, source);
  const quote = doc.text.indexOf('“');
  const [start, end] = toSourceRange(doc.offsets, quote, quote + 1);
  assert.equal(source.slice(start, end), '&ldquo;', 'an entity maps back to the whole entity');
});

test('every clean character maps back to its source character', () => {
  const source =
    '首页 > 新闻 > 行业\n江淮锂能与浙东电驱签约\n发布时间:2024-03-18 09:12:45 来源:某某新闻网\n江淮鋰能(lí)與浙東電驅簽署協議。\n分享\n微信';
  const doc = run(source);
  for (let i = 0; i < doc.text.length; i++) {
    const char = doc.text[i] ?? '';
    if (char === '\n') continue;
    const [start, end] = toSourceRange(doc.offsets, i, i + 1);
    assert.equal(end - start, 1);
    const original = source.slice(start, end);
    assert.ok(original === char || run(`${original}。\n。`).text.startsWith(char), `${char} ← ${original}`);
  }
});

test('breadcrumb, metadata line, title, share, disclaimer, contact and credits are removed', () => {
  const source = [
    '首页 > 汽车 > 新能源',
    '皖南储能产业园项目正式落户芜湖',
    '发布时间:2024-03-18 09:12:45 来源:江城新闻网 作者:李晓',
    '3月18日,皖南储能科技有限公司与芜湖市人民政府签署投资协议,储能产业园项目正式落户芜湖。',
    '项目总投资30亿元,建成后年产储能系统10GWh。',
    '(记者 王海)',
    '责任编辑:张三',
    '新闻热线:0553-1234567',
    '分享到: 微信 | 微博 | QQ空间',
    '收藏',
    '声明:本文仅代表作者观点,不代表本网立场。',
  ].join('\n');
  const doc = run(source);
  assert.equal(doc.title, '皖南储能产业园项目正式落户芜湖');
  assert.equal(doc.published, '2024-03-18');
  assert.equal(doc.author, '李晓');
  assert.equal(doc.source, '江城新闻网');
  assert.equal(
    doc.text,
    '3月18日,皖南储能科技有限公司与芜湖市人民政府签署投资协议,储能产业园项目正式落户芜湖。\n项目总投资30亿元,建成后年产储能系统10GWh。\n(记者 王海)',
  );
  const kinds = doc.removed.map((span) => span.kind);
  for (const kind of [
    'breadcrumb',
    'title',
    'metadata',
    'byline',
    'contact',
    'share',
    'disclaimer',
  ] as const) {
    assert.ok(kinds.includes(kind), kind);
  }
  assertSpansIndexSource(doc, source);
});

test('headline lists: after a marker, a one-line run of headlines, and a trailing run of dated lines', () => {
  const headlines = Array.from({ length: 12 }, (_, i) => `某地第${i + 1}届农产品展销会开幕吸引市民`);
  const marker = run(['正文第一段,内容完整。', '相关文章', ...headlines.map((h) => `- ${h}`)].join('\n'));
  assert.equal(marker.text, '正文第一段,内容完整。');

  const oneLine = run(['正文第一段,内容完整。', '行业资讯更多>>', headlines.join(' ')].join('\n'));
  assert.equal(oneLine.text, '正文第一段,内容完整。');

  const trailing = run(
    ['正文第一段,内容完整。', ...headlines.slice(0, 4).map((h) => `${h}2024-01-15`)].join('\n'),
  );
  assert.equal(trailing.text, '正文第一段,内容完整。');

  const numbered = run(['正文第一段,内容完整。', '1.加强合作。', '2.共建平台。', '3.联合研发。'].join('\n'));
  assert.equal(numbered.text.split('\n').length, 4, 'numbered points that end as sentences are article text');
});

test('a dateline at the head of the first paragraph gives the publish date; a bare day does not', () => {
  assert.equal(run('2023年6月29日,某某大会在上海召开。\n第二段。').published, '2023-06-29');
  assert.equal(run('24日,某某联盟成立大会在浙江杭州举行。\n第二段。').published, null);
});

test('a long first line that reads as a report is not taken for a title', () => {
  const doc = run('24日,长三角某某联盟成立大会在浙江杭州举行,数十家企业与会。\n第二段内容。');
  assert.equal(doc.title, null);
  assert.ok(doc.text.startsWith('24日'));
});

test('lines of lost emoji and image placeholders are noise', () => {
  const doc = run('第一段。\n????\n图片\n第二段。');
  assert.equal(doc.text, '第一段。\n第二段。');
});

test('Markdown syntax is dropped and its words kept', () => {
  const source =
    '---\ntitle: 联盟成立\n---\n## 联盟将推进三项工作\n\n**江淮锂能**与[皖通换电](https://example.com/a)共同发起,见`附件`。\n![现场](a.jpg)\n> 引用的一句话。';
  const doc = run(source, 'markdown');
  assert.equal(doc.text, '联盟将推进三项工作\n江淮锂能与皖通换电共同发起,见附件。\n引用的一句话。');
  assert.ok(doc.removed.some((span) => span.kind === 'markdown-markup'));
  assertSpansIndexSource(doc, source);
});

test('site menus, previous/next links and follow-us promotions are removed; the headline after them is the title', () => {
  const source = [
    '电池产业观察 | 首页 | 快讯 | 深度 | 关于我们',
    '沪新再生与江淮锂能签署回收合作协议',
    '7月8日,沪新再生资源有限公司与江淮锂能科技有限公司在上海签署合作协议。',
    '扫码关注“电池产业观察”公众号,获取更多行业资讯',
    '上一篇:某区举办路演活动',
    '下一篇:某区开展安全检查',
  ].join('\n');
  const doc = run(source);
  assert.equal(doc.title, '沪新再生与江淮锂能签署回收合作协议');
  assert.equal(doc.text, '7月8日,沪新再生资源有限公司与江淮锂能科技有限公司在上海签署合作协议。');
  const kinds = doc.removed.map((span) => span.kind);
  assert.ok(kinds.includes('navigation') && kinds.includes('share'));
});

test('in HTML the headline comes from h1, not from a top bar before it', () => {
  const source =
    '<html><head><title>某项目落户宁波_行业动态_某汽车网</title></head><body><div>欢迎访问某汽车网 | <a>登录</a> | <a>注册</a></div>' +
    '<h1>某项目落户宁波</h1><p>9月22日,某公司华东总部落户宁波。</p><p>项目总投资10亿元。</p></body></html>';
  const doc = run(source, 'html');
  assert.equal(doc.title, '某项目落户宁波');
  assert.equal(doc.text, '9月22日,某公司华东总部落户宁波。\n项目总投资10亿元。');
});

test('news sentences that resemble boilerplate are kept', () => {
  const lines = [
    '宁德时代声明：公司从未授权任何第三方以公司名义进行融资。',
    '该人士表示，这一决定并不代表公司立场发生根本变化。',
    '分析人士认为，上述数据仅供参考，投资者仍需关注原材料价格波动风险。',
    '注册资本10亿元的合资公司将于年内投产。',
    '登录科创板后，公司市值突破千亿元。',
    '公司客服电话 400-820-8888 已同步开通，用户可咨询召回事宜。',
    '扫码即可完成充电支付，极大方便了车主。',
    '版权所有者认为，这项专利的许可费偏高。',
    '营收同比增长>30%，毛利率>20%',
    '锂/钠/固态电池三条技术路线并行推进。',
    '2024',
  ];
  for (const line of lines) {
    const doc = run(`某某签约\n3月5日，甲公司与乙公司签署协议。\n${line}\n双方将共建回收网络。`);
    assert.ok(doc.text.includes(line), `keeps ${line}`);
  }
});

test('an article ending in numbered points or a dated timeline keeps them', () => {
  const points = run(
    '某某签约\n根据协议，双方将开展合作。\n1、共建电池回收网络\n2、联合研发固态电池\n3、推进海外市场布局',
  );
  assert.ok(points.text.endsWith('3、推进海外市场布局'));
  const timeline = run(
    '项目进展\n项目分三期建设。\n一期工程：2023-06-30\n二期工程：2024-12-31\n三期工程：2025-12-31',
  );
  assert.ok(timeline.text.endsWith('三期工程：2025-12-31'));
});

test('a lead or headline that opens with a date is not a metadata line; an effective date is not a dateline', () => {
  const lead = run('某公司发布年报\n2024年3月5日，董事长表示：“我们将全面出海。”\n公司全年营收4009亿元。');
  assert.ok(lead.text.startsWith('2024年3月5日，董事长表示'));
  assert.equal(lead.published, '2024-03-05');
  const headline = run(
    '2024年3月5日国务院常务会议召开\n会议研究了新能源汽车产业发展问题。\n会议指出，要加快充电设施建设。',
  );
  assert.equal(headline.title, '2024年3月5日国务院常务会议召开');
  assert.equal(run('购置税新规出台\n自2026年1月1日起，购置税将减半征收。\n第二段。').published, null);
  assert.equal(run('新华社北京3月5日电\n某公司5日签署协议。\n第二段。').title, null);
});

test('HTML: page wrappers with chrome-like classes keep their article; a logo h1 is not the headline', () => {
  const wrapped =
    '<html><body class="single has-sidebar"><form id="form1"><article class="post tag-battery">' +
    '<h1 class="logo">新能源网</h1><h1>某项目落户宁波</h1><div class="article-content hot-news"><p>9月22日，某公司总部落户宁波。</p>' +
    '<p>项目总投资10亿元。</p></div></article></form></body></html>';
  const doc = run(wrapped, 'html');
  assert.equal(doc.title, '某项目落户宁波');
  assert.equal(doc.text, '9月22日，某公司总部落户宁波。\n项目总投资10亿元。');
});

test('front matter is only a block that parses to fields; --- rules in plain text are kept', () => {
  const doc = run('---\n宁德时代与比亚迪在宁波签署战略合作协议。\n---\n双方将在电池领域合作。');
  assert.ok(doc.text.includes('宁德时代与比亚迪在宁波签署战略合作协议。'));
  assert.ok(!doc.removed.some((span) => span.kind === 'front-matter'));
});

test('Markdown with inline HTML stays Markdown; unmatched emphasis and brackets stay as written', () => {
  const doc = run('# 标题\n\n**江淮锂能**与皖通换电签约。<br>\n双方将合作。<br>', 'markdown');
  assert.equal(doc.text, '标题\n江淮锂能与皖通换电签约。\n双方将合作。');
  const unmatched = run(`标题\n\n${'**中 '.repeat(300)}\n${'[中 '.repeat(300)}`, 'markdown');
  assert.ok(unmatched.text.includes('[中 [中'));
});

test('full-width digits and symbols fold to ASCII; CJK punctuation stays', () => {
  assert.equal(run('增长１５．６％，达＄１００。\n第二段。').text, '增长15.6%，达$100。\n第二段。');
});

test('a publish stamp away from the title gives the date: a keyed line below the body, a bare timestamp', () => {
  const body = '星禾科技与澜途储能签署合作协议。\n双方将在储能领域合作。\n';
  assert.equal(run(`${body}作者:周明 来源:某某网 发布时间:2023-04-18 浏览:次\n`).published, '2023-04-18');
  assert.equal(run(`${body}2021-03-30 20:23:28\n`).published, '2021-03-30');
  assert.equal(run(`某站 • • 發佈:2021-09-14\n${body}`).published, '2021-09-14');
  // Dates of other articles listed under the body are not this one's.
  assert.equal(run(`${body}相关阅读\n澜途储能发布新一代储能系统 2022-05-06\n`).published, null);
});

test('variant characters the converter leaves become their standard form', () => {
  assert.equal(run('陜西省委書記出席。').text, '陕西省委书记出席。');
});

test('headline-like lines after a keyword line are the site’s other articles', () => {
  const doc = run(
    '星禾科技与澜途储能签署合作协议，双方将在储能领域合作。\n关键词:储能 合作\n某国官员看好博览会机遇\n某地迎来建站三十周年\n',
  );
  assert.equal(doc.text.trim(), '星禾科技与澜途储能签署合作协议，双方将在储能领域合作。');
});
