/**
 * Ingest benchmark: builds a corpus of at least 20,000 documents from the examples, times bare jieba segmentation
 * of the same text, then times a full ingest into a fresh store, in one run.
 * Usage: npm run bench:ingest [-- --docs 20000 --workers auto]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jieba } from '../src/annotate/segment.js';
import { rebuildGraph } from '../src/pipeline/corpus.js';
import { projectRoot } from '../src/project-root.js';
import { bundledResources } from '../src/resources/index.js';
import { createApp } from '../src/server/app.js';
import { createLiantu } from '../src/service.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { writeCorpus } from './corpus.js';
import { peakRssMb, printFigures, round } from './report.js';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '20000' }, workers: { type: 'string', default: 'auto' } },
});
const docCount = Math.max(1, Number(values.docs));
const workers = values.workers === 'auto' ? 'auto' : Number(values.workers);
if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 0))
  throw new Error('--workers takes "auto" or a whole number');

const workDir = mkdtempSync(join(tmpdir(), 'liantu-bench-'));
try {
  const corpusDir = join(workDir, 'corpus');
  const corpus = writeCorpus(corpusDir, docCount, join(projectRoot, 'examples'));
  const megabytes = corpus.bytes / 1048576;
  console.log(`corpus: ${corpus.files} documents, ${megabytes.toFixed(1)} MB in ${corpusDir}`);

  const texts: string[] = [];
  for (const folder of readdirSync(corpusDir).sort()) {
    for (const name of readdirSync(join(corpusDir, folder)))
      texts.push(readFileSync(join(corpusDir, folder, name), 'utf8'));
  }
  const segmenter = jieba();
  segmenter.cut('预热分词器', false);
  const segStart = performance.now();
  let tokens = 0;
  for (const text of texts) tokens += segmenter.cut(text, false).length;
  const segSeconds = (performance.now() - segStart) / 1000;
  texts.length = 0;
  const segMbPerS = megabytes / segSeconds;

  const resources = bundledResources();
  const store = SqliteStore.open(join(workDir, 'bench.db'));
  const liantu = createLiantu({ store, resources });
  const ingestStart = performance.now();
  const { summary } = await liantu.ingestFiles([corpusDir], { workers, resolve: false });
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  const stored = await store.documents.count();
  const clusters = await store.documents.countClusters();
  const { build, seconds: resolveSeconds } = await rebuildGraph(store, resources);
  const profiled = (await store.graph.listEntities({ kind: 'org', limit: 1 }))[0];
  let profileMs = Number.POSITIVE_INFINITY;
  let profileEvents = 0;
  for (let run = 0; run < 5 && profiled; run++) {
    const profileStart = performance.now();
    profileEvents = (await liantu.profile(profiled)).events.length;
    profileMs = Math.min(profileMs, performance.now() - profileStart);
  }
  const app = createApp(liantu, { webRoot: join(projectRoot, 'dist', 'web') });
  const apiMs = async (path: string): Promise<number> => {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const response = await app.request(path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const api = {
    profile: profiled ? await apiMs(`/api/entities/${profiled.id}`) : 0,
    stats: await apiMs('/api/stats'),
    events: await apiMs('/api/events?limit=50'),
  };
  await liantu.close();
  if (summary.failed > 0)
    throw new Error(`${summary.failed} documents failed: ${summary.failures[0]?.reason}`);

  const mbPerS = megabytes / ingestSeconds;
  const docsPerS = corpus.files / ingestSeconds;
  printFigures(
    {
      'bare jieba segmentation (1 thread)': `${segMbPerS.toFixed(2)} MB/s (${tokens} tokens in ${segSeconds.toFixed(2)} s)`,
      ingest: `${docsPerS.toFixed(0)} docs/s, ${mbPerS.toFixed(2)} MB/s (${ingestSeconds.toFixed(1)} s, workers ${workers})`,
      stored: `${stored} documents in ${clusters} clusters (${summary.nearDuplicates} reposts)`,
      'resolve (knowledge graph)': `${resolveSeconds.toFixed(1)} s: ${build.organizations} organizations, ${build.people} people, ${build.events} events from ${build.reports} reports`,
      'profile of the most written-about organization': `${profileMs.toFixed(1)} ms (${profileEvents} events)`,
      'API (best of 5)': `profile ${api.profile.toFixed(1)} ms, stats ${api.stats.toFixed(1)} ms, 50 events ${api.events.toFixed(1)} ms`,
      'peak RSS': `${peakRssMb().toFixed(0)} MB`,
      'ingest / segmentation throughput': (mbPerS / segMbPerS).toFixed(3),
    },
    {
      docs_per_s: round(docsPerS, 1),
      mb_per_s: round(mbPerS, 3),
      resolve_s: round(resolveSeconds, 2),
      profile_ms: round(profileMs, 1),
      api_profile_ms: round(api.profile, 1),
      peak_rss_mb: round(peakRssMb(), 1),
      ratio_to_segmentation: round(mbPerS / segMbPerS, 4),
    },
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
