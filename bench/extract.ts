/**
 * Extraction benchmark: cleans the generated corpus once, then times extraction (annotation and events) on one
 * thread against bare jieba segmentation of the same clean text, and against extraction by the rules alone
 * (without the learned tagger), in the same run.
 * Usage: npm run bench:extract [-- --docs 3000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jieba } from '../src/annotate/segment.js';
import { clean } from '../src/clean/index.js';
import { warmUpTagger } from '../src/ner/index.js';
import { extractText } from '../src/pipeline/document.js';
import { projectRoot } from '../src/project-root.js';
import { readSources } from '../src/read/index.js';
import { bundledResources } from '../src/resources/index.js';
import { writeCorpus } from './corpus.js';
import { peakRssMb, printFigures, round } from './report.js';

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

const { values } = parseArgs({ options: { docs: { type: 'string', default: '3000' } } });
const docCount = Math.max(1, Number(values.docs));
const workDir = mkdtempSync(join(tmpdir(), 'liantu-bench-extract-'));
try {
  writeCorpus(join(workDir, 'corpus'), docCount, join(projectRoot, 'examples'));
  const docs: { file: string; title: string | null; published: string | null; text: string }[] = [];
  for await (const read of readSources([join(workDir, 'corpus')])) {
    if (!read.ok) continue;
    const cleaned = clean(read.doc);
    docs.push({ file: read.doc.uri, title: cleaned.title, published: cleaned.published, text: cleaned.text });
  }
  const megabytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0) / 1048576;

  const segmenter = jieba();
  segmenter.cut('预热', false);
  const segStart = performance.now();
  for (const doc of docs) segmenter.tag(doc.text, true);
  const segSeconds = (performance.now() - segStart) / 1000;

  const tagger = bundledResources().tagger();
  if (tagger) warmUpTagger(tagger);
  const resources = bundledResources();
  extractText(docs[0] ?? { file: '', title: null, published: null, text: '预热' }, resources);
  let events = 0;
  const withTagger = (): void => {
    events = 0;
    for (const doc of docs) events += extractText(doc, resources).extraction.events.length;
  };
  const rulesAlone = (): void => {
    for (const doc of docs) extractText(doc, resources, { ner: false });
  };
  // Alternated, the better of two runs each, so that neither gains from running after the other warmed up.
  let seconds = Number.POSITIVE_INFINITY;
  let rulesSeconds = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 2; round++) {
    seconds = Math.min(seconds, timed(withTagger));
    rulesSeconds = Math.min(rulesSeconds, timed(rulesAlone));
  }

  const mbPerS = megabytes / seconds;
  const segMbPerS = megabytes / segSeconds;
  printFigures(
    {
      'clean text': `${docs.length} documents, ${megabytes.toFixed(1)} MB`,
      'bare jieba tagging (1 thread)': `${segMbPerS.toFixed(2)} MB/s`,
      'extraction (1 thread)': `${(docs.length / seconds).toFixed(0)} docs/s, ${mbPerS.toFixed(2)} MB/s, ${events} events`,
      'peak RSS': `${peakRssMb().toFixed(0)} MB`,
      'extraction / segmentation throughput': (mbPerS / segMbPerS).toFixed(3),
      'with the tagger / rules alone throughput': (rulesSeconds / seconds).toFixed(3),
    },
    {
      docs_per_s: round(docs.length / seconds, 1),
      mb_per_s: round(mbPerS, 3),
      peak_rss_mb: round(peakRssMb(), 1),
      ratio_to_segmentation: round(mbPerS / segMbPerS, 4),
      ratio_to_rules_alone: round(rulesSeconds / seconds, 4),
    },
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
