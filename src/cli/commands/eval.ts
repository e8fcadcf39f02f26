import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { scriptOf } from '../../clean/script.js';
import {
  type Counts,
  countByEventType,
  countDocument,
  FIELDS,
  type GoldDocument,
  scoreAll,
  scoreCounts,
} from '../../eval/score.js';
import { EVENT_POLICIES, type EventPolicyName } from '../../extract/event-policy.js';
import { EVENT_TYPES } from '../../extract/types.js';
import { renderTable } from '../output.js';
import { formatOption, nerOption } from '../store-option.js';
import { evaluateChain } from './eval-chain.js';
import { evaluateFewfc } from './eval-fewfc.js';
import { evaluateTagger } from './eval-ner.js';
import { extractAll } from './extract.js';

interface EvalCliOptions {
  gold?: string;
  /** The labelled file with --ner FILE; false with --no-ner (rules only). */
  ner?: string | boolean;
  scheme?: 'cluener' | 'msra';
  model?: string;
  fewfc?: string;
  chain?: string;
  all?: boolean;
  split: 'all' | 'dev' | 'train';
  eventPolicy?: EventPolicyName;
  eventModel?: string;
  format: 'table' | 'json';
}

/** Per event type, summed over documents: events and parties scored as in the main table. */
function eventTypeScores(documents: readonly ReturnType<typeof countByEventType>[]) {
  const totals = new Map<string, { events: Counts; parties: Counts }>();
  const add = (into: Counts, from: Counts): void => {
    into.tp += from.tp;
    into.predicted += from.predicted;
    into.gold += from.gold;
  };
  for (const document of documents) {
    for (const [type, counts] of Object.entries(document)) {
      let total = totals.get(type);
      if (!total) {
        total = { events: { tp: 0, predicted: 0, gold: 0 }, parties: { tp: 0, predicted: 0, gold: 0 } };
        totals.set(type, total);
      }
      add(total.events, counts.events);
      add(total.parties, counts.parties);
    }
  }
  return [...totals]
    .sort(
      ([a], [b]) =>
        (EVENT_TYPES as readonly string[]).indexOf(a) - (EVENT_TYPES as readonly string[]).indexOf(b),
    )
    .map(([type, total]) => ({
      type,
      events: scoreCounts(total.events),
      parties: scoreCounts(total.parties),
    }));
}

/** The gold file for a document: DIR/<name without extension>.gold.json. */
function goldPathFor(goldDir: string, uri: string): string {
  const name = basename(uri)
    .replace(/(\.warc)?(\.gz)?$/u, '')
    .replace(/\.[^.]+$/u, '');
  return join(goldDir, `${name}.gold.json`);
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score extraction against gold files: precision, recall and F1 per field')
    .option('--gold <dir>', 'folder of NAME.gold.json files (the layout of ../shared/seeds/gold)')
    .argument('[paths...]', 'the documents; each is scored against DIR/<its name>.gold.json')
    .addOption(
      new Option(
        '--ner <file>',
        "score the tagger instead: a labelled file in CLUENER's JSON-lines or in BIO layout (char<TAB>tag)",
      ),
    )
    .addOption(
      new Option(
        '--scheme <scheme>',
        'with --ner: the labels to score (default: read from the file)',
      ).choices(['cluener', 'msra']),
    )
    .addOption(
      new Option('--model <file>', 'with --ner: model file (default: the bundled model of the scheme)'),
    )
    .addOption(
      new Option(
        '--fewfc <file>',
        'score event detection and parties sentence by sentence on a FewFC JSON-lines file (签署合同, 投资, 收购, 中标)',
      ),
    )
    .addOption(
      new Option(
        '--chain <gold>',
        "score chain attachment: the files' organizations resolved, their production nodes against a gold YAML file",
      ),
    )
    .addOption(new Option('--all', 'with --chain: list every gold organization, not only those with errors'))
    .addOption(
      new Option(
        '--split <part>',
        "with --fewfc: the sentences to score (dev: the tenth held out of the event model's training)",
      )
        .choices(['all', 'dev', 'train'])
        .default('all'),
    )
    .addOption(
      new Option('--event-policy <policy>', 'how the rules and the learned event model meet').choices(
        Object.keys(EVENT_POLICIES),
      ),
    )
    .addOption(
      new Option('--event-model <file>', 'with --fewfc: the learned event model (default: the bundled one)'),
    )
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(nerOption())
    .addHelpText(
      'after',
      '\nExamples:\n  liantu eval --gold ../shared/data/news-dev ../shared/data/news-dev/*.txt\n' +
        '  liantu eval --ner msra-dev.bio --scheme msra\n' +
        '  liantu eval --fewfc ../shared/data/fewfc/train_trans.json\n' +
        '  liantu eval --chain test/gold/chain-attachment/examples.yaml examples/*.txt examples/*.md examples/*.html\n',
    )
    .action(async (paths: string[], options: EvalCliOptions) => {
      if (options.ner !== undefined && typeof options.ner === 'string') {
        await evaluateTagger(options.ner, options);
        return;
      }
      if (options.fewfc) {
        await evaluateFewfc(options.fewfc, {
          format: options.format,
          ner: options.ner !== false,
          split: options.split,
          eventPolicy: options.eventPolicy,
          eventModel: options.eventModel,
        });
        return;
      }
      if (options.chain) {
        await evaluateChain(options.chain, paths, {
          format: options.format,
          ner: options.ner !== false,
          all: options.all ?? false,
        });
        return;
      }
      if (!options.gold || paths.length === 0) {
        throw new Error(
          'give --gold DIR and the documents, --chain GOLD.yaml and the documents, --ner FILE to score the tagger, or --fewfc FILE to score events',
        );
      }
      const goldDir = options.gold;
      const counted: Record<(typeof FIELDS)[number], Counts>[] = [];
      const scripts: ReturnType<typeof scriptOf>[] = [];
      const byType: ReturnType<typeof countByEventType>[] = [];
      let missing = 0;
      for await (const { doc, extraction } of extractAll(
        paths,
        { format: 'jsonl', maxSize: '20', ner: options.ner !== false },
        (line) => process.stderr.write(`error: ${line}\n`),
      )) {
        const goldPath = goldPathFor(goldDir, doc.file);
        if (!existsSync(goldPath)) {
          missing++;
          continue;
        }
        const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDocument;
        counted.push(countDocument(gold, extraction));
        byType.push(countByEventType(gold, extraction));
        scripts.push(scriptOf(doc.text));
      }
      if (counted.length === 0) throw new Error(`no document has a gold file in ${goldDir}`);
      const scores = scoreAll(counted);
      const byScript = (['Simplified', 'Traditional'] as const)
        .map((script) => ({
          script,
          documents: counted.filter((_, index) => scripts[index] === script),
        }))
        .filter((group) => group.documents.length > 0)
        .map((group) => ({ ...group, scores: scoreAll(group.documents) }));
      const typeScores = eventTypeScores(byType);
      if (options.format === 'json') {
        const scriptScores = Object.fromEntries(
          byScript.map((group) => [
            group.script,
            { documents: group.documents.length, scores: group.scores },
          ]),
        );
        process.stdout.write(
          `${JSON.stringify({ documents: counted.length, scores, scripts: scriptScores, eventTypes: typeScores }, null, 2)}\n`,
        );
        return;
      }
      const rows = FIELDS.map((field) => ({ field, ...scores[field] }));
      const pct = (value: number): string => value.toFixed(3);
      process.stdout.write(
        `${renderTable(rows, [
          { header: 'field', value: (row) => row.field },
          { header: 'precision', value: (row) => pct(row.precision), align: 'right' },
          { header: 'recall', value: (row) => pct(row.recall), align: 'right' },
          { header: 'F1', value: (row) => pct(row.f1), align: 'right' },
          { header: 'tp', value: (row) => row.tp, align: 'right' },
          { header: 'predicted', value: (row) => row.predicted, align: 'right' },
          { header: 'gold', value: (row) => row.gold, align: 'right' },
        ])}\n`,
      );
      process.stdout.write(
        `${counted.length} documents scored${missing ? `, ${missing} without a gold file skipped` : ''}\n`,
      );
      if (typeScores.length > 0) {
        process.stdout.write('\nEvents and parties by event type\n');
        process.stdout.write(
          `${renderTable(typeScores, [
            { header: 'type', value: (row) => row.type },
            { header: 'events P', value: (row) => pct(row.events.precision), align: 'right' },
            { header: 'R', value: (row) => pct(row.events.recall), align: 'right' },
            { header: 'F1', value: (row) => pct(row.events.f1), align: 'right' },
            { header: 'gold', value: (row) => row.events.gold, align: 'right' },
            { header: 'parties F1', value: (row) => pct(row.parties.f1), align: 'right' },
          ])}\n`,
        );
      }
      if (byScript.length > 1) {
        process.stdout.write(
          `\nF1 by script of the source: ${byScript.map((group) => `${group.script} ${group.documents.length}`).join(', ')} documents\n`,
        );
        process.stdout.write(
          `${renderTable(
            FIELDS.map((field) => ({ field })),
            [
              { header: 'field', value: (row) => row.field },
              ...byScript.map((group) => ({
                header: group.script,
                value: (row: { field: (typeof FIELDS)[number] }) => pct(group.scores[row.field].f1),
                align: 'right' as const,
              })),
            ],
          )}\n`,
        );
      }
    });
}
