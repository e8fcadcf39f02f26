import { createReadStream, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { type Command, Option } from 'commander';
import { parseClueLine, spansOfClueLine, toClueLine } from '../../ner/cluener.js';
import { scoreSpans } from '../../ner/evaluate.js';
import { type NerSpan, recognize } from '../../ner/index.js';
import { type NerScheme, SCHEME_LABELS, spansIn } from '../../ner/labels.js';
import { nerTagger } from '../../ner/pool.js';
import { scoreTable } from '../../ner/report.js';
import { cliResources } from '../resources-option.js';
import { formatOption } from '../store-option.js';

interface NerCliOptions {
  cluener?: string;
  text?: string;
  scheme: NerScheme;
  model?: string;
  eval?: boolean;
  workers: string;
  format: 'table' | 'json';
}

function printSpans(text: string, spans: readonly NerSpan[], options: NerCliOptions): void {
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(toClueLine(text, spans, SCHEME_LABELS[options.scheme]))}\n`);
    return;
  }
  if (spans.length === 0) process.stdout.write('no entities found\n');
  for (const span of spans) {
    process.stdout.write(
      `${span.label.padEnd(13)} ${`${span.start}-${span.end - 1}`.padEnd(9)} ${span.text}\n`,
    );
  }
}

/** A line ready to tag: its fields, its text, and its gold spans when scoring. */
interface ParsedLine {
  fields: Record<string, unknown>;
  text: string;
  gold: NerSpan[] | null;
  lineNumber: number;
}

/** Lines sent to a worker at once. */
const BATCH = 256;
/** Files at least this large are tagged on worker threads when --workers is auto. */
const WORKER_THRESHOLD_BYTES = 1 << 20;

function workerCount(requested: string, path: string): number {
  if (requested !== 'auto') {
    const count = Number(requested);
    if (!Number.isInteger(count) || count < 0) throw new Error(`--workers must be "auto" or a whole number`);
    return count;
  }
  const large = path !== '-' && existsSync(path) && statSync(path).size >= WORKER_THRESHOLD_BYTES;
  return large ? availableParallelism() : 0;
}

/**
 * Tags a CLUENER JSON-lines file and writes the lines in input order; bad lines are reported with their line
 * number. Batches of lines go to worker threads (for large files), and output waits only for the oldest batch.
 */
async function tagClueFile(path: string, options: NerCliOptions): Promise<void> {
  const resources = cliResources();
  const modelPath = options.model ?? resources.nerModelPath(options.scheme);
  const model = resources.nerModelAt(modelPath);
  if (model.info.scheme !== options.scheme) {
    throw new Error(
      `${modelPath} tags the ${model.info.scheme} labels, not those of --scheme ${options.scheme}`,
    );
  }
  const labels = SCHEME_LABELS[options.scheme];
  const tagger = nerTagger(workerCount(options.workers, path), resources, modelPath);
  const input = path === '-' ? process.stdin : createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const scored: { gold: NerSpan[]; predicted: NerSpan[] }[] = [];
  const showProgress = process.stderr.isTTY === true;
  const started = performance.now();
  const inFlight: { lines: ParsedLine[]; spans: Promise<NerSpan[][]> }[] = [];
  let batch: ParsedLine[] = [];
  let lineNumber = 0;
  let written = 0;
  let failed = 0;
  let unscored = 0;
  let characters = 0;
  const send = (): void => {
    if (batch.length === 0) return;
    const spans = tagger.tag(batch.map((line) => line.text));
    // Awaited in order later; a failure before then must not count as unhandled.
    spans.catch(() => {});
    inFlight.push({ lines: batch, spans });
    batch = [];
  };
  const writeOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    let spans: NerSpan[][];
    try {
      spans = await oldest.spans;
    } catch (error) {
      const first = oldest.lines[0]?.lineNumber;
      const last = oldest.lines.at(-1)?.lineNumber;
      failed += oldest.lines.length;
      process.stderr.write(`error: ${path}:${first}-${last}: not tagged: ${(error as Error).message}\n`);
      return;
    }
    oldest.lines.forEach((line, index) => {
      const predicted = spans[index] ?? [];
      if (line.gold) scored.push({ gold: line.gold, predicted });
      process.stdout.write(
        `${JSON.stringify({ ...line.fields, ...toClueLine(line.text, predicted, labels) })}\n`,
      );
      characters += line.text.length;
    });
    written += oldest.lines.length;
    if (showProgress) {
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`\r\x1b[2K${written} lines  ${Math.round(characters / seconds)} chars/s`);
    }
  };
  try {
    for await (const raw of lines) {
      lineNumber++;
      if (!raw.trim()) continue;
      const where = `${path}:${lineNumber}`;
      let parsed: ReturnType<typeof parseClueLine>;
      try {
        parsed = parseClueLine(raw, where);
      } catch (error) {
        failed++;
        process.stderr.write(`error: ${(error as Error).message}\n`);
        continue;
      }
      let gold: NerSpan[] | null = null;
      if (options.eval) {
        try {
          gold = spansOfClueLine(parsed, where);
        } catch (error) {
          unscored++;
          process.stderr.write(`error: ${(error as Error).message}\n`);
        }
      }
      const { label: _gold, text, ...fields } = parsed;
      batch.push({ fields, text, gold, lineNumber });
      if (batch.length >= BATCH) send();
      while (inFlight.length > 4) await writeOldest();
    }
    send();
    while (inFlight.length > 0) await writeOldest();
  } finally {
    await tagger.close();
  }
  if (showProgress) process.stderr.write('\r\x1b[2K');
  if (options.eval) {
    const gold = (spans: readonly NerSpan[]) => spansIn(options.scheme, spans);
    const pairs = scored.map((pair) => ({ gold: gold(pair.gold), predicted: pair.predicted }));
    process.stderr.write(`${scoreTable(scoreSpans(pairs, labels), options.scheme)}\n`);
  }
  if (failed > 0) process.stderr.write(`${failed} line(s) could not be tagged\n`);
  if (unscored > 0)
    process.stderr.write(`${unscored} tagged line(s) left out of the scores: their labels are bad\n`);
  if (failed + unscored > 0) process.exitCode = 1;
}

export function registerNer(program: Command): void {
  program
    .command('ner')
    .description("tag named entities with the learned tagger (CLUENER2020's ten labels, or PER/LOC/ORG)")
    .addOption(new Option('--cluener <file>', 'JSON lines {"text": …} to tag (- for standard input)'))
    .addOption(new Option('--text <text>', 'a text to tag'))
    .addOption(
      new Option('--scheme <scheme>', 'labels: cluener (ten labels) or msra (PER, LOC, ORG)')
        .choices(['cluener', 'msra'])
        .default('cluener'),
    )
    .addOption(new Option('--model <file>', 'model file (default: the bundled model of the scheme)'))
    .addOption(new Option('--eval', 'with --cluener: score against the labels in the file, table on stderr'))
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads for --cluener ("auto": one per core for files over 1 MB)',
      ).default('auto'),
    )
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      '\nWith --cluener, each output line is {"text", "label": {LABEL: {SURFACE: [[start, end]]}}} with inclusive ends,\n' +
        'in input order; other input fields (such as "id") are kept. Labels: address, book, company, game, government,\n' +
        'movie, name, organization, position, scene; with --scheme msra: PER, LOC, ORG.\n\n' +
        'Examples:\n  liantu ner --text "华夏电池公司董事长李明远在合肥宣布投产"\n  liantu ner --cluener dev.json --eval > tagged.json\n' +
        '  liantu ner --cluener test.json --scheme msra > tagged.json\n',
    )
    .action(async (options: NerCliOptions) => {
      if (!options.cluener && options.text === undefined) {
        process.stderr.write('error: give --cluener FILE or --text TEXT\n');
        process.exitCode = 2;
        return;
      }
      try {
        if (options.text !== undefined) {
          const resources = cliResources();
          const model = resources.nerModelAt(options.model ?? resources.nerModelPath(options.scheme));
          printSpans(options.text, recognize(model, options.text), options);
        }
        if (options.cluener) await tagClueFile(options.cluener, options);
      } catch (error) {
        process.stderr.write(`error: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
