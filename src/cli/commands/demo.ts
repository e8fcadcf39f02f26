import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { projectRoot } from '../../project-root.js';
import { resolveDbPath } from '../../store/index.js';
import { renderTable } from '../output.js';
import { addDbOption, withLiantu } from '../store-option.js';
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
    const { summary, stored, clusters, events, graph } = await runIngest(
      [options.examples],
      { format: 'table', workers: 'auto', maxSize: '20' },
      db,
    );
    process.stdout.write(`${summaryLine(summary, stored, clusters, db, events)}\n`);
    if (graph) process.stdout.write(`${graph}\n`);

    await withLiantu({ db }, async (liantu) => {
      const { items: docs } = await liantu.documents({ limit: 100 });
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
      const { items: events } = await liantu.events({ limit: 6 });
      process.stdout.write('\nLatest events (liantu events):\n');
      for (const event of events) {
        const sources = event.sources.length > 1 ? `  (${event.sources.length} sources)` : '';
        const parties = event.parties.map((party) => party.name).join(' · ');
        process.stdout.write(`  ${event.date ?? '—'}  ${event.type}  ${parties}${sources}\n`);
      }
      const central = (await liantu.entities({ kind: 'org', limit: 200 })).sort(
        (a, b) => b.degree - a.degree,
      );
      process.stdout.write('\nMost connected organizations (liantu entities):\n');
      for (const org of central.slice(0, 5)) {
        process.stdout.write(`  ${org.name}  ${org.degree} partners, ${org.documents} articles\n`);
      }
      for (const query of ['动力电池', '宁波']) {
        const hits = await liantu.search(query, 3);
        process.stdout.write(`\nliantu search ${query}  →  ${hits.length} hit(s)\n`);
        for (const hit of hits) process.stdout.write(`  #${hit.id} ${hit.snippet}\n`);
      }
      const first = docs[0];
      process.stdout.write(
        '\nNext:\n' +
          `  npx liantu show ${first?.id ?? 1} --db ${db}     clean text with what cleaning removed marked in place\n` +
          `  npx liantu search 储能 --db ${db}\n` +
          `  npx liantu events --type settlement --db ${db}\n` +
          `  npx liantu entity ${central[0]?.name ?? '江淮锂能'} --db ${db}     aliases, segments, partners, events\n` +
          `  npx liantu chain --db ${db}     the industry chain with counts per node\n` +
          `  npx liantu alerts --db ${db}     alerts on risk events, with evidence\n` +
          `  npx liantu report --region 浙江 --out report.html --db ${db}     a region's diagnosis as a report\n` +
          `  npx liantu export --format graphml --out chain.graphml --db ${db}\n` +
          '  npx liantu extract examples/signing-battery-swap.txt --format table\n' +
          '  npx liantu ingest YOUR_FOLDER_OR.jsonl_OR.warc.gz\n' +
          '  npx liantu --help\n' +
          `\nOpen the dashboard: npx liantu serve --db ${db}   then browse http://127.0.0.1:8080/\n`,
      );
    });
  });
}
