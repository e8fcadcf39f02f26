import { type Command, Option } from 'commander';
import type { DocumentSummary } from '../../store/types.js';
import { type Column, type DataFormat, printRows } from '../output.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

const COLUMNS: Column<DocumentSummary>[] = [
  { header: 'id', value: (doc) => doc.id, align: 'right' },
  { header: 'published', value: (doc) => doc.published },
  { header: 'title', value: (doc) => doc.title, max: 44 },
  { header: 'chars', value: (doc) => doc.chars, align: 'right' },
  {
    header: 'cluster',
    value: (doc) => (doc.clusterSize > 1 ? `${doc.clusterId} (×${doc.clusterSize})` : doc.clusterId),
  },
  { header: 'encoding', value: (doc) => doc.encoding },
  { header: 'source', value: (doc) => doc.uri, max: 40 },
];

export function registerDocs(program: Command): void {
  const command = program
    .command('docs')
    .description('list stored documents')
    .addOption(formatOption(['table', 'json', 'jsonl'], 'table'))
    .addOption(new Option('-n, --limit <n>', 'how many').default(50).argParser(wholeNumber('--limit', 1)))
    .addOption(new Option('--offset <n>', 'skip this many').default(0).argParser(wholeNumber('--offset')))
    .addOption(
      new Option('--cluster <id>', 'only the documents of one near-duplicate cluster').argParser(
        wholeNumber('--cluster', 1),
      ),
    );
  addDbOption(command).action(
    (options: { db?: string; format: DataFormat; limit: number; offset: number; cluster?: number }) =>
      withLiantu(options, async (liantu) => {
        const { total, clusters, items } = await liantu.documents({
          limit: options.limit,
          offset: options.offset,
          ...(options.cluster === undefined ? {} : { clusterId: options.cluster }),
        });
        printRows(items, options.format, COLUMNS);
        if (options.format === 'table') process.stderr.write(`${total} documents in ${clusters} clusters\n`);
      }),
  );
}
