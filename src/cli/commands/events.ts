import { type Command, Option } from 'commander';
import { parsePartialDate } from '../../domain/dates.js';
import { EVENT_TYPES } from '../../extract/types.js';
import type { MergedEventSummary, StoredEvent } from '../../store/types.js';
import { type Column, type DataFormat, printRows } from '../output.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

const COLUMNS: Column<StoredEvent>[] = [
  { header: 'id', value: (event) => event.id, align: 'right' },
  { header: 'date', value: (event) => event.date },
  { header: 'type', value: (event) => event.type },
  { header: 'parties', value: (event) => event.parties.join(' · '), max: 48 },
  { header: 'place', value: (event) => event.location, max: 14 },
  { header: 'people', value: (event) => event.people.length, align: 'right' },
  { header: 'evidence', value: (event) => event.evidence[0]?.text ?? '', max: 40 },
];

/** A merged event as `events` writes it: parties as names (as in the extraction contract), with its sources. */
function mergedRow(event: MergedEventSummary) {
  return {
    id: event.id,
    type: event.type,
    date: event.date,
    location: event.location,
    parties: event.parties.map((party) => party.name),
    people: event.people.map(({ name, title, role }) => ({ name, title, role })),
    domains: event.domains,
    sources: event.sources,
    reports: event.reports,
    evidence: event.evidence,
  };
}

const MERGED_COLUMNS: Column<ReturnType<typeof mergedRow>>[] = [
  { header: 'id', value: (event) => event.id, align: 'right' },
  { header: 'date', value: (event) => event.date },
  { header: 'type', value: (event) => event.type },
  { header: 'parties', value: (event) => event.parties.join(' · '), max: 48 },
  { header: 'place', value: (event) => event.location, max: 14 },
  { header: 'sources', value: (event) => event.sources.length, align: 'right' },
  { header: 'evidence', value: (event) => event.evidence[0]?.text ?? '', max: 40 },
];

const dateOption = (name: string) => (value: string) => parsePartialDate(value, name);

export function registerEvents(program: Command): void {
  const command = program
    .command('events')
    .description('list events (each merged from all its reports) with their parties, sources and evidence')
    .addOption(new Option('--type <type>', 'only this event type').choices([...EVENT_TYPES]))
    .option('--org <name>', 'only events with this party (full name or a short form the articles use)')
    .addOption(
      new Option('--since <date>', 'from this date (YYYY, YYYY-MM or YYYY-MM-DD)').argParser(
        dateOption('--since'),
      ),
    )
    .addOption(new Option('--until <date>', 'up to this date').argParser(dateOption('--until')))
    .option('--place <place>', 'only events whose place contains this')
    .option('--reports', 'one row per report (extracted event of one document) instead of merged events')
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
      reports?: boolean;
    }) =>
      withLiantu(options, async (liantu) => {
        const filter = {
          ...(options.type ? { type: options.type } : {}),
          ...(options.org ? { org: options.org } : {}),
          ...(options.since ? { since: options.since } : {}),
          ...(options.until ? { until: options.until } : {}),
          ...(options.place ? { place: options.place } : {}),
          limit: options.limit,
        };
        if (!options.reports && (await liantu.graphBuilt())) {
          const { items } = await liantu.events(filter);
          printRows(items.map(mergedRow), options.format, MERGED_COLUMNS);
          return;
        }
        if (!options.reports) {
          process.stderr.write('The knowledge graph is not built (liantu resolve): listing each report.\n');
        }
        printRows(await liantu.reports(filter), options.format, COLUMNS);
      }),
  );
}
