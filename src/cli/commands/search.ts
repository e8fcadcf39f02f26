import { type Command, Option } from 'commander';
import type { SearchHit } from '../../store/types.js';
import { type Column, type DataFormat, printRows } from '../output.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

const COLUMNS: Column<SearchHit>[] = [
  { header: 'id', value: (hit) => hit.id, align: 'right' },
  { header: 'published', value: (hit) => hit.published },
  { header: 'title', value: (hit) => hit.title, max: 36 },
  { header: 'match', value: (hit) => hit.match },
  { header: 'snippet', value: (hit) => hit.snippet, max: 70 },
];

export function registerSearch(program: Command): void {
  const command = program
    .command('search')
    .description('full-text search over stored documents (Chinese words of any length)')
    .argument('<query>', 'words or a phrase, e.g. 宁波 or 动力电池')
    .addOption(formatOption(['table', 'json', 'jsonl'], 'table'))
    .addOption(
      new Option('-n, --limit <n>', 'how many hits').default(20).argParser(wholeNumber('--limit', 1)),
    );
  addDbOption(command).action((query: string, options: { db?: string; format: DataFormat; limit: number }) =>
    withLiantu(options, async (liantu) => {
      printRows(await liantu.search(query, options.limit), options.format, COLUMNS);
    }),
  );
}
