import type { Command } from 'commander';
import { LiantuError } from '../../service.js';
import { markRemovals, PLAIN_MARKS, TERMINAL_MARKS } from '../marked-text.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

interface ShowOptions {
  db?: string;
  format: 'text' | 'json';
  cleanOnly?: boolean;
  markup?: boolean;
}

export function registerShow(program: Command): void {
  const command = program
    .command('show')
    .description('show one stored document: its clean text with the removed parts marked in place')
    .argument('<id>', 'document id (see liantu docs)', wholeNumber('id', 1))
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('--clean-only', 'the clean text alone, without removed parts')
    .option('--markup', 'also mark removed HTML tags');
  addDbOption(command).action((id: number, options: ShowOptions) =>
    withLiantu(options, async (liantu) => {
      const doc = await liantu.document(id).catch((error: unknown) => {
        if (!(error instanceof LiantuError && error.kind === 'not-found')) throw error;
        process.stderr.write(`error: ${error.message} in the store\n`);
        process.exitCode = 1;
        return null;
      });
      if (!doc) return;
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      const header = [
        `#${doc.id} ${doc.title ?? '(no title)'}`,
        `published ${doc.published ?? 'unknown'} · ${doc.encoding} ${doc.format}${doc.container ? ` in ${doc.container}` : ''} · ${doc.chars} chars`,
        `cluster ${doc.clusterId}${doc.clusterSize > 1 ? ` (${doc.clusterSize} reports of this article)` : ''}`,
        `sources: ${doc.sourceUris.join(', ')}`,
      ];
      if (doc.author || doc.sourceName)
        header.push(`author ${doc.author ?? '—'} · source ${doc.sourceName ?? '—'}`);
      const body = options.cleanOnly
        ? doc.cleanText
        : markRemovals(doc, process.stdout.isTTY ? TERMINAL_MARKS : PLAIN_MARKS, options.markup === true);
      process.stdout.write(`${header.join('\n')}\n\n${body}\n`);
    }),
  );
}
