import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { queryTokens } from '../../annotate/segment.js';
import { projectRoot } from '../../data-path.js';
import { resolveDbPath } from '../../store/store.js';
import { renderTable } from '../output.js';
import { addDbOption, openStore } from '../store-option.js';
import { runIngest, summaryLine } from './ingest.js';

export function registerDemo(program: Command): void {
  const command = program
    .command('demo')
    .description("ingest the project's example articles into the store and show what Liantu found")
    .option('--examples <dir>', 'the folder of example articles', join(projectRoot, 'examples'));
  addDbOption(command).action(async (options: { db?: string; examples: string }) => {
    const db = resolveDbPath(options.db);
    if (!existsSync(options.examples)) throw new Error(`no examples folder at ${options.examples}`);
    process.stdout.write(`Liantu 链图 demo: ingesting ${options.examples} into ${db}\n\n`);
    const { summary, stored, clusters, events } = await runIngest(
      [options.examples],
      { format: 'table', workers: 'auto', maxSize: '20' },
      db,
    );
    process.stdout.write(`${summaryLine(summary, stored, clusters, db, events)}\n`);

    const store = openStore({ db });
    try {
      const docs = store.listDocuments({ limit: 100 });
      process.stdout.write(
        `\n${renderTable(docs, [
          { header: 'id', value: (doc) => doc.id, align: 'right' },
          { header: 'published', value: (doc) => doc.published },
          { header: 'title', value: (doc) => doc.title, max: 46 },
          { header: 'encoding', value: (doc) => doc.encoding },
          {
            header: 'cluster',
            value: (doc) => (doc.clusterSize > 1 ? `${doc.clusterId} ×${doc.clusterSize}` : doc.clusterId),
          },
        ])}\n`,
      );
      const events = store.listEvents({ limit: 6 });
      process.stdout.write('\nLatest events (liantu events):\n');
      for (const event of events) {
        process.stdout.write(`  ${event.date ?? '—'}  ${event.type}  ${event.parties.join(' · ')}\n`);
      }
      for (const query of ['动力电池', '宁波']) {
        const hits = store.search({ text: query, words: queryTokens(query), limit: 3 });
        process.stdout.write(`\nliantu search ${query}  →  ${hits.length} hit(s)\n`);
        for (const hit of hits) process.stdout.write(`  #${hit.id} ${hit.snippet}\n`);
      }
      const first = docs[0];
      process.stdout.write(
        '\nNext:\n' +
          `  npx liantu show ${first?.id ?? 1} --db ${db}     clean text with what cleaning removed marked in place\n` +
          `  npx liantu search 储能 --db ${db}\n` +
          `  npx liantu events --type settlement --db ${db}\n` +
          '  npx liantu extract examples/signing-battery-swap.txt --format table\n' +
          '  npx liantu ingest YOUR_FOLDER_OR.jsonl_OR.warc.gz\n' +
          '  npx liantu --help\n',
      );
    } finally {
      store.close();
    }
  });
}
