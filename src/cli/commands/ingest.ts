import { type Command, Option } from 'commander';
import type { IngestSummary } from '../../ingest/run.js';
import { describeAlerts, describeBuild } from '../../pipeline/corpus.js';
import { DEFAULT_JSONL_FIELDS } from '../../read/index.js';
import type { ReadFailure, ReadOptions } from '../../read/types.js';
import { resolveDbPath } from '../../store/index.js';
import { progressBar } from '../progress.js';
import { addDbOption, formatOption, nerOption, withLiantu } from '../store-option.js';

export interface IngestCliOptions {
  db?: string;
  format: 'table' | 'json';
  workers: string;
  maxSize: string;
  jsonlTitle?: string;
  jsonlText?: string;
  jsonlUrl?: string;
  jsonlDate?: string;
  quiet?: boolean;
  /** --no-ner: extraction by the rules alone. */
  ner?: boolean;
  /** --no-resolve: leave the knowledge graph as it was (run `liantu resolve` later). */
  resolve?: boolean;
  /** --rules: the user's alert rules (default: liantu-alerts.yaml beside the store). */
  rules?: string;
}

const fields = (value: string | undefined, fallback: string[]): string[] =>
  value
    ? value
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean)
    : fallback;

export function readOptionsFrom(
  options: Pick<IngestCliOptions, 'maxSize' | 'jsonlTitle' | 'jsonlText' | 'jsonlUrl' | 'jsonlDate'>,
): ReadOptions {
  const maxMegabytes = Number(options.maxSize);
  if (!Number.isFinite(maxMegabytes) || maxMegabytes <= 0)
    throw new Error(`--max-size must be a positive number of MiB, not "${options.maxSize}"`);
  return {
    maxBytes: Math.round(maxMegabytes * 1024 * 1024),
    jsonl: {
      title: fields(options.jsonlTitle, DEFAULT_JSONL_FIELDS.title),
      text: fields(options.jsonlText, DEFAULT_JSONL_FIELDS.text),
      url: fields(options.jsonlUrl, DEFAULT_JSONL_FIELDS.url),
      date: fields(options.jsonlDate, DEFAULT_JSONL_FIELDS.date),
    },
  };
}

export function describeFailure(failure: ReadFailure): string {
  const line = failure.line && !failure.uri.includes('#') ? `:${failure.line}` : '';
  return `${failure.uri}${line}: ${failure.reason}`;
}

export function summaryLine(
  summary: IngestSummary,
  stored: number,
  clusters: number,
  db: string,
  events?: number,
): string {
  const parts = [`${summary.ingested} new`, `${summary.duplicates} duplicate`, `${summary.failed} failed`];
  if (summary.nearDuplicates > 0)
    parts.push(
      `${summary.nearDuplicates} repost${summary.nearDuplicates === 1 ? '' : 's'} of stored articles`,
    );
  return (
    `Ingested ${parts.join(', ')} in ${summary.seconds.toFixed(1)} s. ` +
    `${db} holds ${stored} documents in ${clusters} article clusters${events === undefined ? '' : ` and ${events} events`}.`
  );
}

/** Runs an ingest with progress and failure lines on stderr; returns the summary. */
export async function runIngest(
  paths: string[],
  options: IngestCliOptions,
  db: string,
): Promise<{
  summary: IngestSummary;
  stored: number;
  clusters: number;
  events: number;
  graph: string | null;
}> {
  const workers = options.workers === 'auto' ? 'auto' : Number(options.workers);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 0))
    throw new Error(`--workers must be "auto" or a whole number, not "${options.workers}"`);
  const bar = progressBar();
  try {
    return await withLiantu(
      { db },
      async (liantu) => {
        const { summary, corpus } = await liantu.ingestFiles(paths, {
          read: readOptionsFrom(options),
          workers,
          ner: options.ner ?? true,
          resolve: options.resolve !== false,
          ...(options.rules ? { rulesPath: options.rules } : {}),
          onProgress: (progress) => bar.update(progress),
          onFailure: (failure) => {
            if (!options.quiet) bar.interrupt(`error: ${describeFailure(failure)}`);
          },
        });
        const counts = await liantu.storeCounts();
        return {
          summary,
          stored: counts.documents,
          clusters: counts.clusters,
          events: counts.events,
          graph: corpus
            ? `${describeBuild(corpus.build, corpus.seconds)}${describeAlerts(corpus.alerts.length)}`
            : null,
        };
      },
      { mustExist: false },
    );
  } finally {
    bar.done();
  }
}

/** The --jsonl-* options that name the fields of JSON Lines records. */
export function addJsonlOptions(command: Command): Command {
  const jsonlFields = [
    ['title', 'title'],
    ['text', 'body'],
    ['url', 'URL'],
    ['date', 'date'],
  ] as const;
  for (const [field, holds] of jsonlFields) {
    command.option(
      `--jsonl-${field} <fields>`,
      `JSONL field(s) holding the ${holds} (default ${DEFAULT_JSONL_FIELDS[field].join(',')})`,
    );
  }
  return command;
}

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('read, clean and store news documents (files, folders, globs, JSONL, WARC, or - for stdin)')
    .argument('<paths...>', 'files, folders, glob patterns, or - for standard input')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads for cleaning ("auto": none for small inputs, else one per core but one)',
      ).default('auto'),
    )
    .addOption(new Option('--max-size <MiB>', 'largest document accepted').default('20'))
    .option('-q, --quiet', 'no per-file error lines (the summary still counts them)')
    .addOption(nerOption())
    .option('--no-resolve', 'do not rebuild the knowledge graph afterwards (run liantu resolve later)')
    .option('--rules <file>', 'your alert rules (default: liantu-alerts.yaml beside the store, if any)')
    .addHelpText(
      'after',
      '\nRe-ingesting the same content is a no-op; the exit code is 1 when any input failed.\n' +
        'Example: liantu ingest examples/ news.jsonl crawl.warc.gz "archive/**/*.html"',
    );
  addDbOption(addJsonlOptions(command)).action(async (paths: string[], options: IngestCliOptions) => {
    const db = resolveDbPath(options.db);
    const { summary, stored, clusters, events, graph } = await runIngest(paths, options, db);
    if (options.format === 'json') {
      process.stdout.write(
        `${JSON.stringify({ ...summary, db, stored, clusters, events, graph }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(`${summaryLine(summary, stored, clusters, db, events)}\n`);
      if (graph) process.stdout.write(`${graph}\n`);
    }
    if (summary.failed > 0) process.exitCode = 1;
  });
}
