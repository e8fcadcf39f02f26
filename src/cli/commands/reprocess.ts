import type { Command } from 'commander';
import { describeAlerts, describeBuild } from '../../pipeline/corpus.js';
import { progressBar } from '../progress.js';
import { addDbOption, nerOption, withLiantu } from '../store-option.js';

export function registerReprocess(program: Command): void {
  const command = program
    .command('reprocess')
    .description(
      'extract every stored document again with the current rules and model, then rebuild the graph',
    )
    .addOption(nerOption())
    .addHelpText(
      'after',
      '\nRun it after upgrading Liantu (a store from an older version lacks, for example, risk events) or after\n' +
        'editing the extraction rules in data/extract. Cleaning is not redone: the stored clean text is extracted.',
    );
  addDbOption(command).action((options: { db?: string; ner?: boolean }) =>
    withLiantu(options, async (liantu) => {
      const bar = progressBar();
      const started = performance.now();
      try {
        const { documents, corpus } = await liantu.reprocess({
          ner: options.ner ?? true,
          args: process.argv.slice(2),
          onProgress: (done, total) =>
            bar.update({
              filesDone: done,
              filesTotal: total,
              bytesDone: 0,
              bytesTotal: 0,
              ingested: done,
              duplicates: 0,
              failed: 0,
            }),
        });
        bar.done();
        process.stdout.write(
          `Extracted ${documents} documents again in ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
            `${describeBuild(corpus.build, corpus.seconds)}${describeAlerts(corpus.alerts.length)}\n`,
        );
      } finally {
        bar.done();
      }
    }),
  );
}
