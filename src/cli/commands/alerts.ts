import { type Command, Option } from 'commander';
import type { Alert } from '../../analyze/types.js';
import { parsePartialDate } from '../../domain/dates.js';
import { SEVERITIES, type Severity } from '../../domain/severity.js';
import { describeAlerts } from '../../pipeline/corpus.js';
import type { Watch } from '../../store/types.js';
import { type Column, type DataFormat, printRows } from '../output.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

const ALERT_COLUMNS: Column<Alert>[] = [
  { header: 'id', value: (alert) => alert.id, align: 'right' },
  { header: 'date', value: (alert) => alert.date },
  { header: 'severity', value: (alert) => alert.severity },
  { header: 'rule', value: (alert) => alert.rule, max: 20 },
  { header: 'alert', value: (alert) => alert.message, max: 50 },
  {
    header: 'via',
    value: (alert) =>
      alert.path
        ? [alert.path[0]?.supplier.name, ...alert.path.map((hop) => hop.customer.name)].join(' → ')
        : '',
    max: 40,
  },
  { header: 'evidence', value: (alert) => alert.evidence[0]?.text ?? '', max: 40 },
];

const WATCH_COLUMNS: Column<Watch>[] = [
  { header: 'id', value: (watch) => watch.id, align: 'right' },
  { header: 'kind', value: (watch) => watch.kind },
  { header: 'watches', value: (watch) => watch.value, max: 30 },
  { header: 'min severity', value: (watch) => watch.minSeverity },
  { header: 'note', value: (watch) => watch.note, max: 30 },
];

const severityOption = (flag: string, description: string) =>
  new Option(flag, description).choices([...SEVERITIES]);

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description(
      'alerts raised on risk events (by the shipped rules, your rules file and your watches), with evidence',
    )
    .addOption(
      new Option(
        '--since <date>',
        'alerts about events from this date (YYYY, YYYY-MM or YYYY-MM-DD)',
      ).argParser((value) => parsePartialDate(value, '--since')),
    )
    .option('--rule <id>', 'only alerts of this rule (watch-N for a watch)')
    .addOption(severityOption('--severity <level>', 'at least this severity'))
    .option('--check', 'evaluate the rules now (after editing liantu-alerts.yaml) before listing')
    .option('--rules <file>', 'your alert rules (default: liantu-alerts.yaml beside the store, if any)')
    .addOption(formatOption(['table', 'json', 'jsonl'], 'table'))
    .addOption(new Option('-n, --limit <n>', 'how many').default(100).argParser(wholeNumber('--limit', 1)))
    .addHelpText(
      'after',
      '\nAlerts are raised after every ingest and resolve, each once for its evidence. The rules shipped in\n' +
        'data/alerts.yaml alert on every high-severity risk event and on spikes of risk events; add your own\n' +
        'in liantu-alerts.yaml beside the store (same format), or watch organizations, segments and regions\n' +
        'with liantu watch add.',
    );
  addDbOption(alerts).action(
    (options: {
      db?: string;
      since?: string;
      rule?: string;
      severity?: Severity;
      check?: boolean;
      rules?: string;
      format: DataFormat;
      limit: number;
    }) =>
      withLiantu(options, async (liantu) => {
        await liantu.requireGraph();
        if (options.check) {
          const { added } = await liantu.checkAlerts({
            ...(options.rules ? { rulesPath: options.rules } : {}),
            args: process.argv.slice(2),
          });
          process.stderr.write(`Checked the rules.${describeAlerts(added.length) || ' No new alerts.'}\n`);
        }
        const rows = await liantu.alerts({
          ...(options.since ? { since: options.since } : {}),
          ...(options.rule ? { rule: options.rule } : {}),
          ...(options.severity ? { severity: options.severity } : {}),
          limit: options.limit,
        });
        printRows(rows, options.format, ALERT_COLUMNS);
      }),
  );

  const watch = program
    .command('watch')
    .description('watch organizations, chain segments or regions for risk alerts');
  const add = watch
    .command('add')
    .description('watch something: any risk event touching it raises an alert')
    .option('--entity <name>', 'an organization (any name or short form)')
    .option('--segment <node>', 'a chain node (id, name or keyword) and everything below it')
    .addOption(new Option('--region <place>', 'a province or city'))
    .addOption(severityOption('--min-severity <level>', 'alert from this severity').default('medium'))
    .option('--note <text>', 'why you watch it')
    .option('--rules <file>', 'your alert rules, evaluated with the watch');
  addDbOption(add).action(
    (options: {
      db?: string;
      entity?: string;
      segment?: string;
      region?: string;
      minSeverity: Severity;
      note?: string;
      rules?: string;
    }) => {
      const given = (['entity', 'segment', 'region'] as const).filter((kind) => options[kind]);
      if (given.length !== 1) throw new Error('watch add takes exactly one of --entity, --segment, --region');
      const kind = given[0] as Watch['kind'];
      return withLiantu(options, async (liantu) => {
        const { watch: added, alerts } = await liantu.addWatch(
          {
            kind,
            value: options[kind] as string,
            minSeverity: options.minSeverity,
            note: options.note ?? null,
            ...(options.rules ? { rulesPath: options.rules } : {}),
          },
          process.argv.slice(2),
        );
        process.stdout.write(
          `Watching ${kind} ${added.value} (#${added.id}, from ${added.minSeverity}).${describeAlerts(alerts)}\n`,
        );
      });
    },
  );
  const list = watch
    .command('list')
    .description('what you watch')
    .addOption(formatOption(['table', 'json'], 'table'));
  addDbOption(list).action((options: { db?: string; format: DataFormat }) =>
    withLiantu(options, async (liantu) => {
      printRows(await liantu.listWatches(), options.format, WATCH_COLUMNS);
    }),
  );
  const remove = watch
    .command('remove')
    .description('stop watching (alerts already raised stay)')
    .argument('<id>', 'the watch id (liantu watch list)');
  addDbOption(remove).action((id: string, options: { db?: string }) =>
    withLiantu(options, async (liantu) => {
      await liantu.removeWatch(wholeNumber('id', 1)(id));
      process.stdout.write(`Removed watch #${id}.\n`);
    }),
  );
}
