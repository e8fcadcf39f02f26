import type { Command } from 'commander';
import { describeAlerts, describeBuild } from '../../pipeline/corpus.js';
import { addDbOption, formatOption, withLiantu } from '../store-option.js';

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
    (options: { db?: string; aliases?: string; rules?: string; format: 'table' | 'json' }) =>
      withLiantu(options, async (liantu) => {
        const { build, seconds, alerts } = await liantu.resolveGraph({
          ...(options.aliases ? { aliasPath: options.aliases } : {}),
          ...(options.rules ? { rulesPath: options.rules } : {}),
          args: process.argv.slice(2),
        });
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify({ ...build, seconds, alerts: alerts.length }, null, 2)}\n`);
        } else process.stdout.write(`${describeBuild(build, seconds)}${describeAlerts(alerts.length)}\n`);
      }),
  );
}
