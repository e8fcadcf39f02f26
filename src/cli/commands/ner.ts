import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Command, Option } from 'commander';
import { type NerExample, parseClueLine, spansOfClueLine, toClueLine } from '../../ner/cluener.js';
import { scoreSpans } from '../../ner/evaluate.js';
import { DEFAULT_MODEL_PATH, loadNerModel, type NerSpan, recognize } from '../../ner/index.js';
import { scoreTable } from '../../ner/report.js';
import { formatOption } from '../store-option.js';

interface NerCliOptions {
  cluener?: string;
  text?: string;
  model: string;
  eval?: boolean;
  format: 'table' | 'json';
}

function printSpans(text: string, spans: readonly NerSpan[], format: NerCliOptions['format']): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(toClueLine(text, spans))}\n`);
    return;
  }
  if (spans.length === 0) process.stdout.write('no entities found\n');
  for (const span of spans) {
    process.stdout.write(
      `${span.label.padEnd(13)} ${`${span.start}-${span.end - 1}`.padEnd(9)} ${span.text}\n`,
    );
  }
}

/** Tags a CLUENER JSON-lines file line by line, in order; bad lines are reported with their line number. */
async function tagClueFile(path: string, options: NerCliOptions): Promise<void> {
  const model = loadNerModel(options.model);
  const input = path === '-' ? process.stdin : createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const scored: { gold: NerExample['spans']; predicted: NerSpan[] }[] = [];
  const showProgress = process.stderr.isTTY === true;
  const started = performance.now();
  let lineNumber = 0;
  let failed = 0;
  let unscored = 0;
  let characters = 0;
  for await (const raw of lines) {
    lineNumber++;
    if (!raw.trim()) continue;
    const where = `${path}:${lineNumber}`;
    let line: ReturnType<typeof parseClueLine>;
    try {
      line = parseClueLine(raw, where);
    } catch (error) {
      failed++;
      process.stderr.write(`error: ${(error as Error).message}\n`);
      continue;
    }
    const text = line.text;
    const predicted = recognize(text, undefined, model);
    characters += text.length;
    if (options.eval) {
      try {
        scored.push({ gold: spansOfClueLine(line, where), predicted });
      } catch (error) {
        unscored++;
        process.stderr.write(`error: ${(error as Error).message}\n`);
      }
    }
    const { label: _gold, text: _text, ...rest } = line;
    process.stdout.write(`${JSON.stringify({ ...rest, ...toClueLine(text, predicted) })}\n`);
    if (showProgress && lineNumber % 500 === 0) {
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`\r\x1b[2K${lineNumber} lines  ${Math.round(characters / seconds)} chars/s`);
    }
  }
  if (showProgress) process.stderr.write('\r\x1b[2K');
  if (options.eval) process.stderr.write(`${scoreTable(scoreSpans(scored))}\n`);
  if (failed > 0) process.stderr.write(`${failed} line(s) could not be tagged\n`);
  if (unscored > 0)
    process.stderr.write(`${unscored} tagged line(s) left out of the scores: their labels are bad\n`);
  if (failed + unscored > 0) process.exitCode = 1;
}

export function registerNer(program: Command): void {
  program
    .command('ner')
    .description('tag named entities with the learned tagger (the ten CLUENER2020 labels)')
    .addOption(new Option('--cluener <file>', 'JSON lines {"text": …} to tag (- for standard input)'))
    .addOption(new Option('--text <text>', 'a text to tag'))
    .addOption(new Option('--model <file>', 'model file').default(DEFAULT_MODEL_PATH, 'the bundled model'))
    .addOption(new Option('--eval', 'with --cluener: score against the labels in the file, table on stderr'))
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      '\nWith --cluener, each output line is {"text", "label": {LABEL: {SURFACE: [[start, end]]}}} with inclusive ends,\n' +
        'in input order; other input fields (such as "id") are kept. Labels: address, book, company, game, government,\n' +
        'movie, name, organization, position, scene.\n\n' +
        'Examples:\n  liantu ner --text "华夏电池公司董事长李明远在合肥宣布投产"\n  liantu ner --cluener dev.json --eval > tagged.json\n',
    )
    .action(async (options: NerCliOptions) => {
      if (!options.cluener && options.text === undefined) {
        process.stderr.write('error: give --cluener FILE or --text TEXT\n');
        process.exitCode = 2;
        return;
      }
      try {
        if (options.text !== undefined) {
          printSpans(
            options.text,
            recognize(options.text, undefined, loadNerModel(options.model)),
            options.format,
          );
        }
        if (options.cluener) await tagClueFile(options.cluener, options);
      } catch (error) {
        process.stderr.write(`error: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
