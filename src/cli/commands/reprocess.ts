import type { Command } from 'commander';
import { reprocessDocument } from '../../pipeline/document.js';
import { describeAlerts, raiseAlerts } from '../../pipeline/raise-alerts.js';
import { describeBuild, rebuildGraph } from '../../pipeline/rebuild-graph.js';
import { progressBar } from '../progress.js';
import { cliResources } from '../resources-option.js';
import { addDbOption, nerOption, openExistingStore } from '../store-option.js';

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
  addDbOption(command).action((options: { db?: string; ner?: boolean }) => {
    const store = openExistingStore(options);
    const bar = progressBar();
    try {
      const runId = store.startRun('reprocess', process.argv.slice(2));
      const ids = store.documentIds();
      const started = performance.now();
      ids.forEach((id, index) => {
        const input = store.extractionInput(id);
        if (input)
          store.replaceExtraction(id, reprocessDocument(input, cliResources(), { ner: options.ner ?? true }));
        bar.update({
          filesDone: index + 1,
          filesTotal: ids.length,
          bytesDone: 0,
          bytesTotal: 0,
          ingested: index + 1,
          duplicates: 0,
          failed: 0,
        });
      });
      bar.done();
      const { build, seconds } = rebuildGraph(store, cliResources());
      const { added } = raiseAlerts(store, cliResources(), { runId });
      store.finishRun(runId, { ingested: ids.length, duplicates: 0, failed: 0 });
      process.stdout.write(
        `Extracted ${ids.length} documents again in ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
          `${describeBuild(build, seconds)}${describeAlerts(added.length)}\n`,
      );
    } finally {
      bar.done();
      store.close();
    }
  });
}
