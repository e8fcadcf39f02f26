import type { Command } from 'commander';
import { describeAlerts, raiseAlerts } from '../../pipeline/raise-alerts.js';
import { describeBuild, rebuildGraph } from '../../pipeline/rebuild-graph.js';
import { cliResources } from '../resources-option.js';
import { addDbOption, formatOption, withExistingStore } from '../store-option.js';

export function registerResolve(program: Command): void {
  const command = program
    .command('resolve')
    .description(
      'rebuild the knowledge graph: resolve entities, merge events, attach the chain, compute metrics',
    )
    .option('--aliases <file>', 'the alias file of merges and splits', undefined)
    .option('--rules <file>', 'your alert rules (default: liantu-alerts.yaml beside the store, if any)')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      '\nIngest does this by itself; run it after editing data/aliases.yaml or data/chain.yaml.',
    );
  addDbOption(command).action(
    (options: { db?: string; aliases?: string; rules?: string; format: 'table' | 'json' }) => {
      withExistingStore(options, (store) => {
        const runId = store.startRun('resolve', process.argv.slice(2));
        const { build, seconds } = rebuildGraph(store, cliResources(), options.aliases);
        const { added } = raiseAlerts(store, cliResources(), {
          runId,
          ...(options.rules ? { rulesPath: options.rules } : {}),
        });
        store.finishRun(runId, { ingested: 0, duplicates: 0, failed: 0 });
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify({ ...build, seconds, alerts: added.length }, null, 2)}\n`);
        } else process.stdout.write(`${describeBuild(build, seconds)}${describeAlerts(added.length)}\n`);
      });
    },
  );
}
