import { type Command, Option } from 'commander';
import { EVENT_TYPES } from '../../extract/types.js';
import type { StoredEvent } from '../../store/types.js';
import { type Column, type DataFormat, printRows } from '../output.js';
import { addDbOption, formatOption, openExistingStore, wholeNumber } from '../store-option.js';

const COLUMNS: Column<StoredEvent>[] = [
  { header: 'id', value: (event) => event.id, align: 'right' },
  { header: 'date', value: (event) => event.date },
  { header: 'type', value: (event) => event.type },
  { header: 'parties', value: (event) => event.parties.join(' · '), max: 48 },
  { header: 'place', value: (event) => event.location, max: 14 },
  { header: 'people', value: (event) => event.people.length, align: 'right' },
  { header: 'evidence', value: (event) => event.evidence[0]?.text ?? '', max: 40 },
];

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const dateOption =
  (name: string) =>
  (value: string): string => {
    if (!DATE.test(value)) throw new Error(`${name} takes YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
    return value;
  };

export function registerEvents(program: Command): void {
  const command = program
    .command('events')
    .description('list stored events with their parties and evidence')
    .addOption(new Option('--type <type>', 'only this event type').choices([...EVENT_TYPES]))
    .option('--org <name>', 'only events with this party (full name or a short form the articles use)')
    .addOption(
      new Option('--since <date>', 'from this date (YYYY, YYYY-MM or YYYY-MM-DD)').argParser(
        dateOption('--since'),
      ),
    )
    .addOption(new Option('--until <date>', 'up to this date').argParser(dateOption('--until')))
    .option('--place <place>', 'only events whose place contains this')
    .addOption(formatOption(['table', 'json', 'jsonl'], 'table'))
    .addOption(new Option('-n, --limit <n>', 'how many').default(50).argParser(wholeNumber('--limit', 1)));
  addDbOption(command).action(
    (options: {
      db?: string;
      type?: string;
      org?: string;
      since?: string;
      until?: string;
      place?: string;
      format: DataFormat;
      limit: number;
    }) => {
      const store = openExistingStore(options);
      try {
        const events = store.listEvents({
          ...(options.type ? { type: options.type } : {}),
          ...(options.org ? { org: options.org } : {}),
          ...(options.since ? { since: options.since } : {}),
          ...(options.until ? { until: options.until } : {}),
          ...(options.place ? { place: options.place } : {}),
          limit: options.limit,
        });
        printRows(events, options.format, COLUMNS);
      } finally {
        store.close();
      }
    },
  );
}
