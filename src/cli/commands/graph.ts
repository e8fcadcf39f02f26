import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { neighbourhood } from '../../analyze/network.js';
import { toGexf } from '../../export/gexf.js';
import { toGraphml } from '../../export/graphml.js';
import { toJson } from '../../export/json.js';
import { entityArgument } from '../knowledge-graph.js';
import { renderTable } from '../output.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

export function registerGraph(program: Command): void {
  const graph = program
    .command('graph')
    .description('the cooperation network around an organization: partners, their partners, … up to --depth')
    .argument('<name>', 'the organization (any name or short form, or #id)')
    .addOption(
      new Option('-d, --depth <n>', 'partner steps to follow')
        .default(1)
        .argParser(wholeNumber('--depth', 1)),
    )
    .addOption(formatOption(['table', 'json', 'graphml', 'gexf'], 'table'))
    .option('-o, --out <file>', 'write to a file instead of standard output');
  addDbOption(graph).action(
    (
      name: string,
      options: { db?: string; depth: number; format: 'table' | 'json' | 'graphml' | 'gexf'; out?: string },
    ) =>
      withLiantu(options, async (liantu) => {
        const center = await entityArgument(liantu, name, 'org');
        const { graph: network, metrics } = await liantu.network();
        const around = neighbourhood(network, center.id, options.depth);
        let text: string;
        if (options.format === 'graphml') text = toGraphml(around, metrics);
        else if (options.format === 'gexf') text = toGexf(around, metrics);
        else if (options.format === 'json') text = toJson(around, metrics);
        else {
          const edges = around.mapEdges((_key, edge, source, target) => ({
            a: around.getNodeAttribute(source, 'name'),
            b: around.getNodeAttribute(target, 'name'),
            ...edge,
          }));
          text = `${center.name}: ${around.order - 1} organizations within ${options.depth} step(s), ${around.size} ties\n`;
          if (edges.length) {
            text += `${renderTable(edges, [
              { header: 'organization', value: (edge) => edge.a, max: 30 },
              { header: 'partner', value: (edge) => edge.b, max: 30 },
              { header: 'events', value: (edge) => edge.weight, align: 'right' },
              { header: 'types', value: (edge) => edge.types.join(','), max: 30 },
              { header: 'first', value: (edge) => edge.firstDate },
              { header: 'last', value: (edge) => edge.lastDate },
              { header: 'sources', value: (edge) => edge.sources, align: 'right' },
            ])}\n`;
          }
        }
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
      }),
  );

  const path = program
    .command('path')
    .description('how two organizations connect: the shortest chain of partners, each tie with its events')
    .argument('<from>', 'one organization')
    .argument('<to>', 'the other')
    .addOption(formatOption(['table', 'json'], 'table'));
  addDbOption(path).action((from: string, to: string, options: { db?: string; format: 'table' | 'json' }) =>
    withLiantu(options, async (liantu) => {
      const start = await entityArgument(liantu, from, 'org');
      const end = await entityArgument(liantu, to, 'org');
      const { connected, hops } = await liantu.path(start.id, end.id);
      if (options.format === 'json') {
        process.stdout.write(
          `${JSON.stringify({ from: start.name, to: end.name, connected, hops }, null, 2)}\n`,
        );
        return;
      }
      if (!connected) {
        process.stdout.write(`${start.name} and ${end.name} are not connected by any chain of partners.\n`);
        return;
      }
      const lines = [`${start.name} → ${end.name}: ${hops.length} step(s)`];
      for (const hop of hops) {
        lines.push(`  ${hop.from.name} — ${hop.to.name}`);
        for (const event of hop.events) {
          lines.push(
            `      ${event.date ?? '—'} ${event.type} (${event.sources} source(s)): ${event.evidence ?? ''}`,
          );
        }
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    }),
  );
}
