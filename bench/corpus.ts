import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { clean } from '../src/clean/index.js';
import { seededRandom } from '../src/random.js';
import { decodeBytes } from '../src/read/index.js';

interface Article {
  title: string;
  paragraphs: string[];
}

/** The example articles' titles and paragraphs, as cleaning sees them. */
export function exampleArticles(examplesDir: string): Article[] {
  const articles: Article[] = [];
  for (const name of readdirSync(examplesDir).sort()) {
    const ext = extname(name);
    if (!['.txt', '.md', '.html'].includes(ext)) continue;
    const decoded = decodeBytes(readFileSync(join(examplesDir, name)));
    if (!decoded.ok) continue;
    const format = ext === '.html' ? 'html' : ext === '.md' ? 'markdown' : 'text';
    const doc = clean({ uri: name, format, text: decoded.text, metadata: {} });
    const paragraphs = doc.text.split('\n').filter((line) => line.length > 20);
    if (doc.title && paragraphs.length > 0) articles.push({ title: doc.title, paragraphs });
  }
  return articles;
}

const CITIES = [
  '合肥',
  '宁波',
  '常州',
  '宜宾',
  '厦门',
  '长沙',
  '武汉',
  '嘉兴',
  '芜湖',
  '成都',
  '西安',
  '天津',
];
const HEADLINES = [
  '某地举办农产品展销会',
  '市民文化节开幕',
  '多条公交线路调整',
  '高校毕业生招聘会举行',
  '城区道路改造完工',
];

/**
 * Writes `count` documents built from the examples' paragraphs into `dir`: plain text with a metadata line and a
 * related-headlines block, HTML pages and Markdown with front matter, in folders of 500. About one in ten is a
 * repost of an earlier document under another header.
 */
export function writeCorpus(
  dir: string,
  count: number,
  examplesDir: string,
): { files: number; bytes: number } {
  const articles = exampleArticles(examplesDir);
  const random = seededRandom(20241122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let bytes = 0;
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `part-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const base = pick(articles);
    const day = `2024-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    let paragraphs: string[];
    if (i > 0 && random() < 0.1) {
      paragraphs = (bodies[Math.floor(random() * bodies.length)] as string).split('\n');
    } else {
      // Four paragraphs from the examples in a new order, with new numbers and places, so that articles differ
      // the way real reports of different events do.
      paragraphs = [
        pick(base.paragraphs),
        ...Array.from({ length: 3 }, () => pick(pick(articles).paragraphs)),
      ]
        .sort(() => random() - 0.5)
        .map((paragraph) =>
          paragraph
            .replace(/\d+/g, () => String(Math.floor(random() * 1000)))
            .replace(new RegExp(CITIES.join('|'), 'g'), () => pick(CITIES)),
        );
      paragraphs.push(
        `第${i + 1}号动态：${pick(CITIES)}新能源汽车产业链企业于${day}发布第${Math.floor(random() * 1e6)}号公告。`,
      );
    }
    bodies.push(paragraphs.join('\n'));
    const title = `${base.title}（${i + 1}）`;
    const related = Array.from({ length: 6 }, () => `- ${pick(HEADLINES)}${day}`).join('\n');
    let file: string;
    let content: string;
    const kind = i % 10;
    if (kind < 6) {
      file = `doc-${i}.txt`;
      content = `首页 > 新闻 > 产业\n${title}\n发布时间:${day} 09:30:00 来源:产业观察网\n${paragraphs.join('\n')}\n分享\n微信\n相关文章\n${related}\n`;
    } else if (kind < 9) {
      file = `doc-${i}.html`;
      content = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_产业观察网</title><script>var a=1;</script></head><body><nav><a href="/">首页</a></nav><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<footer>版权所有 产业观察网</footer></body></html>`;
    } else {
      file = `doc-${i}.md`;
      content = `---\ntitle: "${title}"\ndate: ${day}\n---\n${paragraphs.join('\n\n')}\n`;
    }
    const encoded = Buffer.from(content, 'utf8');
    bytes += encoded.length;
    writeFileSync(join(folder, file), encoded);
  }
  return { files: count, bytes };
}
