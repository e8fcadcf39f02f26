import { type Command, Option } from 'commander';
import { clean } from '../../clean/index.js';
import { readSources } from '../../read/index.js';
import { formatOption } from '../store-option.js';
import { addJsonlOptions, describeFailure, readOptionsFrom } from './ingest.js';

interface CleanCliOptions {
  format: 'text' | 'json' | 'jsonl';
  maxSize: string;
  jsonlTitle?: string;
  jsonlText?: string;
  jsonlUrl?: string;
  jsonlDate?: string;
}

export function registerClean(program: Command): void {
  const command = program
    .command('clean')
    .description('print the cleaned text of documents without storing them')
    .argument('<paths...>', 'files, folders, globs, or - for standard input')
    .addOption(formatOption(['text', 'json', 'jsonl'], 'text'))
    .addOption(new Option('--max-size <MiB>', 'largest document accepted').default('20'))
    .addHelpText(
      'after',
      '\nJSON output per document: {"file", "uri", "title", "published", "author", "source", "text", "removed": [{"kind", "start", "end", "text"}]}\n' +
        'where removed start/end index the decoded source text. With several documents, --format json prints an array.',
    );
  addJsonlOptions(command).action(async (paths: string[], options: CleanCliOptions) => {
    const results: object[] = [];
    let failed = 0;
    for await (const read of readSources(paths, readOptionsFrom(options))) {
      if (!read.ok) {
        failed++;
        process.stderr.write(`error: ${describeFailure(read.failure)}\n`);
        continue;
      }
      let doc: ReturnType<typeof clean>;
      try {
        doc = clean(read.doc);
      } catch (error) {
        failed++;
        process.stderr.write(`error: ${read.doc.uri}: cannot clean: ${(error as Error).message}\n`);
        continue;
      }
      const result = {
        file: read.doc.file,
        uri: read.doc.uri,
        encoding: read.doc.encoding,
        title: doc.title,
        published: doc.published,
        author: doc.author,
        source: doc.source,
        text: doc.text,
        removed: doc.removed,
      };
      if (options.format === 'jsonl') process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (options.format === 'json') results.push(result);
      else {
        process.stdout.write(`# ${doc.title ?? '(no title)'}\n`);
        process.stdout.write(
          `${read.doc.uri} · ${doc.published ?? 'date unknown'} · ${read.doc.encoding}\n\n${doc.text}\n\n`,
        );
      }
    }
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    }
    if (failed > 0) process.exitCode = 1;
  });
}
