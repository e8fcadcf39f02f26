import { type Command, Option } from 'commander';
import type { DocumentSummary } from '../../store/types.js';
import { type Column, type DataFormat, printRows } from '../output.js';
import { addDbOption, formatOption, openStore } from '../store-option.js';

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

const positive =
  (name: string) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0)
      throw new Error(`${name} must be a whole number, not "${value}"`);
    return number;
  };

export function registerDocs(program: Command): void {
  const command = program
    .command('docs')
    .description('list stored documents')
    .addOption(formatOption(['table', 'json', 'jsonl'], 'table'))
    .addOption(new Option('-n, --limit <n>', 'how many').default(50).argParser(positive('--limit')))
    .addOption(new Option('--offset <n>', 'skip this many').default(0).argParser(positive('--offset')))
    .addOption(
      new Option('--cluster <id>', 'only the documents of one near-duplicate cluster').argParser(
        positive('--cluster'),
      ),
    );
  addDbOption(command).action(
    (options: { db?: string; format: DataFormat; limit: number; offset: number; cluster?: number }) => {
      const store = openStore(options);
      try {
        const rows = store.listDocuments({
          limit: options.limit,
          offset: options.offset,
          ...(options.cluster === undefined ? {} : { clusterId: options.cluster }),
        });
        printRows(rows, options.format, COLUMNS);
        if (options.format === 'table') {
          process.stderr.write(`${store.countDocuments()} documents in ${store.countClusters()} clusters\n`);
        }
      } finally {
        store.close();
      }
    },
  );
}

export { positive };
