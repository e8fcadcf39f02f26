import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportGraph, NEO4J_LOAD } from '../../export/index.js';
import { addDbOption, withLiantu } from '../store-option.js';

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description(
      'export the cooperation network (organizations and their ties) for Gephi, Neo4j or your own tools',
    )
    .addOption(
      new Option('-f, --format <format>', 'graphml, gexf (Gephi), csv (Neo4j LOAD CSV) or json')
        .choices([...EXPORT_FORMATS])
        .default('graphml'),
    )
    .option(
      '-o, --out <path>',
      'file to write (a folder for csv); default: standard output, or ./liantu-csv for csv',
    )
    .addHelpText(
      'after',
      '\nNodes carry type, province, city, chain segments, degree, betweenness and community; edges carry the\n' +
        'number of shared events, their types, first and last date, and the number of sources.\n' +
        'csv writes nodes.csv and edges.csv and prints the Cypher that loads them into Neo4j.',
    );
  addDbOption(command).action((options: { db?: string; format: ExportFormat; out?: string }) =>
    withLiantu(options, async (liantu) => {
      const { graph, metrics } = await liantu.network();
      const files = exportGraph(graph, metrics, options.format);
      if (options.format === 'csv') {
        const folder = options.out ?? 'liantu-csv';
        mkdirSync(folder, { recursive: true });
        for (const file of files) writeFileSync(join(folder, file.name), file.content);
        process.stderr.write(
          `Wrote ${graph.order} organizations and ${graph.size} ties to ${join(folder, 'nodes.csv')} and edges.csv.\n` +
            `Copy them into Neo4j's import folder and run:\n\n${NEO4J_LOAD}\n`,
        );
        return;
      }
      const [file] = files;
      if (!file) return;
      if (options.out) {
        writeFileSync(options.out, file.content);
        process.stderr.write(
          `Wrote ${graph.order} organizations and ${graph.size} ties to ${options.out}.\n`,
        );
      } else process.stdout.write(file.content);
    }),
  );
}
