import { type Command, Option } from 'commander';
import type { ChainCount } from '../../analyze/coverage.js';
import type { Region } from '../../resolve/types.js';
import { regionArgument } from '../region-option.js';
import { addDbOption, formatOption, withLiantu } from '../store-option.js';

function printTree(nodes: readonly ChainCount[], showEmpty: boolean): void {
  const lines: string[] = [];
  const visit = (node: ChainCount, depth: number): void => {
    if (!showEmpty && node.totalEntities === 0 && node.totalEvents === 0 && depth > 0) return;
    const counts = `${node.totalEntities} org${node.totalEntities === 1 ? '' : 's'}, ${node.totalEvents} event${node.totalEvents === 1 ? '' : 's'}`;
    const examples = node.organizations
      .slice(0, 3)
      .map((org) => org.name)
      .join('、');
    lines.push(
      `${'  '.repeat(depth)}${node.name} ${node.en ? `(${node.en}) ` : ''}— ${counts}${examples ? `: ${examples}` : ''}`,
    );
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of nodes) visit(root, 0);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerChain(program: Command): void {
  const command = program
    .command('chain')
    .description('the industry-chain tree with the organizations and events attached to each node')
    .addOption(
      new Option(
        '--region <place>',
        'count only organizations based in, and events held in, this province or city',
      ).argParser(regionArgument),
    )
    .option('--all', 'show nodes with nothing attached too')
    .addOption(formatOption(['table', 'json'], 'table'));
  addDbOption(command).action(
    (options: { db?: string; region?: Region; all?: boolean; format: 'table' | 'json' }) =>
      withLiantu(options, async (liantu) => {
        const { region, nodes } = await liantu.chain(options.region);
        if (options.format === 'json')
          process.stdout.write(`${JSON.stringify({ region, nodes }, null, 2)}\n`);
        else printTree(nodes, options.all ?? false);
      }),
  );
}
