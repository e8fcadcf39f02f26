import { type Command, Option } from 'commander';
import type { Extraction } from '../../extract/types.js';
import { processDocument } from '../../pipeline/document.js';
import { readSources } from '../../read/index.js';
import type { SourceDoc } from '../../read/types.js';
import { cliResources } from '../resources-option.js';
import { formatOption, nerOption } from '../store-option.js';
import { addJsonlOptions, describeFailure, readOptionsFrom } from './ingest.js';

interface ExtractCliOptions {
  format: 'jsonl' | 'json' | 'table';
  maxSize: string;
  /** Whether the learned tagger adds organizations the rules miss (--no-ner turns it off). */
  ner: boolean;
}

/** Each readable document under `paths`, extracted, in input order; failures go to `onFailure`. */
export async function* extractAll(
  paths: string[],
  options: ExtractCliOptions,
  onFailure: (line: string) => void,
): AsyncGenerator<{ doc: SourceDoc; extraction: Extraction }> {
  for await (const read of readSources(paths, readOptionsFrom(options))) {
    if (!read.ok) {
      onFailure(describeFailure(read.failure));
      continue;
    }
    const processed = processDocument(read.doc, cliResources(), { ner: options.ner });
    if (processed.ok) yield { doc: read.doc, extraction: processed.extraction };
    else onFailure(`${read.doc.uri}: cannot ${processed.failure.stage}: ${processed.failure.reason}`);
  }
}

export function registerExtract(program: Command): void {
  const command = program
    .command('extract')
    .description(
      'extract events, organizations and people from documents (the extraction contract of DESIGN.md)',
    )
    .argument('<paths...>', 'files, folders, globs, JSONL, WARC, or - for standard input')
    .addOption(formatOption(['jsonl', 'json', 'table'], 'jsonl'))
    .addOption(new Option('--max-size <MiB>', 'largest document accepted').default('20'))
    .addOption(nerOption())
    .addHelpText(
      'after',
      '\nOne JSON object per input document, in input order: {file, title, published, events: [{type, date, location,\n' +
        'parties, people: [{name, title, org, role}], domains, evidence: [{start, end, text}]}], organizations, people}.\n' +
        'Evidence offsets index the clean text (liantu clean). Unknown values are null.',
    );
  addJsonlOptions(command).action(async (paths: string[], options: ExtractCliOptions) => {
    let failed = 0;
    const all: Extraction[] = [];
    for await (const { extraction } of extractAll(paths, options, (line) => {
      failed++;
      process.stderr.write(`error: ${line}\n`);
    })) {
      if (options.format === 'jsonl') process.stdout.write(`${JSON.stringify(extraction)}\n`);
      else all.push(extraction);
    }
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    if (options.format === 'table') {
      for (const extraction of all) {
        process.stdout.write(`${extraction.file} · ${extraction.title ?? '(no title)'}\n`);
        for (const event of extraction.events) {
          process.stdout.write(
            `  ${event.type} ${event.date ?? '—'} ${event.location ?? '—'}: ${event.parties.join(' · ')}\n`,
          );
          for (const person of event.people) {
            process.stdout.write(
              `    ${person.role} ${person.name} ${person.title ?? ''}${person.org ? ` (${person.org})` : ''}\n`,
            );
          }
        }
      }
    }
    if (failed > 0) process.exitCode = 1;
  });
}
