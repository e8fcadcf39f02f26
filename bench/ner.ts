/**
 * NER benchmark: tags clean news text (the generated corpus of the example articles) and CLUENER2020 sentences on
 * one thread, and times bare jieba segmentation of the same text in the same run (each the best of three runs).
 * Usage: npm run bench:ner [-- --docs 1500 --cluener FILE]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jieba } from '../src/annotate/segment.js';
import { tokenize } from '../src/annotate/tokens.js';
import { clean } from '../src/clean/index.js';
import { type NerModel, recognize, warmUpTagger } from '../src/ner/index.js';
import type { NerScheme } from '../src/ner/labels.js';
import { projectRoot } from '../src/project-root.js';
import { readSources } from '../src/read/index.js';
import { bundledResources } from '../src/resources/index.js';
import { writeCorpus } from './corpus.js';
import { peakRssMb, printFigures, round } from './report.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1500' },
    cluener: { type: 'string', default: join(projectRoot, '..', 'shared', 'data', 'cluener', 'test.json') },
  },
});

/** Seconds that `run` takes: the best of three timed runs after one untimed run that warms the JIT up. */
function timed(run: () => void): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

interface Figures {
  chars: number;
  segment: number;
  jiebaTag: number;
  tagGivenTokens: number;
  tagFromText: number;
  entities: number;
}

/** Times segmentation and tagging of the same texts; the tagger is timed with and without its jieba pass. */
function measure(texts: readonly string[], model: NerModel): Figures {
  const segmenter = jieba();
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const tokens = texts.map((text) => tokenize(text));
  let entities = 0;
  return {
    chars,
    segment: timed(() => {
      for (const text of texts) segmenter.cut(text, true);
    }),
    jiebaTag: timed(() => {
      for (const text of texts) tokenize(text);
    }),
    tagGivenTokens: timed(() => {
      entities = 0;
      texts.forEach((text, index) => {
        entities += recognize(model, text, tokens[index]).length;
      });
    }),
    tagFromText: timed(() => {
      for (const text of texts) recognize(model, text);
    }),
    entities,
  };
}

function report(
  name: string,
  figures: Figures,
): { lines: Record<string, string>; numbers: Record<string, number> } {
  const rate = (seconds: number): number => figures.chars / seconds;
  const key = name.replace(/[^a-z]+/gu, '_');
  const perSecond = (seconds: number): string => `${Math.round(rate(seconds)).toLocaleString('en')} chars/s`;
  return {
    lines: {
      [`${name}: text`]: `${figures.chars.toLocaleString('en')} chars, ${figures.entities} entities tagged`,
      [`${name}: bare jieba segmentation`]: perSecond(figures.segment),
      [`${name}: NER tagging, given jieba's tokens`]: perSecond(figures.tagGivenTokens),
      [`${name}: NER tagging from raw text (with jieba POS)`]: perSecond(figures.tagFromText),
      [`${name}: tagging / segmentation throughput`]: (figures.segment / figures.tagFromText).toFixed(3),
    },
    numbers: {
      [`${key}_tag_chars_per_s`]: round(rate(figures.tagGivenTokens), 0),
      [`${key}_tag_from_text_chars_per_s`]: round(rate(figures.tagFromText), 0),
      [`${key}_ratio_to_segmentation`]: round(figures.segment / figures.tagFromText, 4),
    },
  };
}

const models = (['cluener', 'msra'] as NerScheme[]).map((scheme) => ({
  scheme,
  model: bundledResources().nerModel(scheme),
}));
for (const { model } of models) warmUpTagger(model);
const workDir = mkdtempSync(join(tmpdir(), 'liantu-bench-ner-'));
try {
  writeCorpus(join(workDir, 'corpus'), Math.max(1, Number(values.docs)), join(projectRoot, 'examples'));
  const news: string[] = [];
  for await (const read of readSources([join(workDir, 'corpus')]))
    if (read.ok) news.push(clean(read.doc).text);
  const results = models.map(({ scheme, model }) => report(`news, ${scheme} model`, measure(news, model)));
  const cluenerPath = values.cluener as string;
  if (existsSync(cluenerPath)) {
    const sentences = readFileSync(cluenerPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (const { scheme, model } of models)
      results.push(report(`cluener, ${scheme} model`, measure(sentences, model)));
  } else process.stderr.write(`${cluenerPath}: not found, CLUENER sentences skipped\n`);
  printFigures(
    Object.assign({}, ...results.map((result) => result.lines), {
      'peak RSS': `${peakRssMb().toFixed(0)} MB`,
    }),
    {
      ...Object.assign({}, ...results.map((result) => result.numbers)),
      peak_rss_mb: round(peakRssMb(), 1),
    },
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
