import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { Diagnosis } from '../../analyze/types.js';
import { parsePartialDate } from '../../domain/dates.js';
import type { Region } from '../../domain/graph.js';
import { renderHtmlReport, renderMarkdownReport } from '../../report/index.js';
import { renderTable } from '../output.js';
import { regionArgument } from '../region-option.js';
import { addDbOption, formatOption, withLiantu } from '../store-option.js';

/** --now as the API takes it: a day, a month or a year (its last day is the end of the trend). */
const dayArgument = (value: string): string => parsePartialDate(value, '--now');

function printDiagnosis(diagnosis: Diagnosis): void {
  const out: string[] = [`${diagnosis.region.label}: chain diagnosis against the whole corpus`];
  const { region, nation } = diagnosis.totals;
  out.push(
    `organizations ${region.organizations} / ${nation.organizations}, events ${region.events} / ${nation.events}, ` +
      `risk events ${region.riskEvents} / ${nation.riskEvents} (region / corpus)`,
  );
  out.push('', '短板 weak links:');
  out.push(
    diagnosis.weakLinks.length
      ? renderTable(diagnosis.weakLinks, [
          { header: 'node', value: (weak) => weak.name },
          { header: 'status', value: (weak) => weak.status },
          { header: 'region', value: (weak) => weak.regionOrganizations, align: 'right' },
          { header: 'corpus', value: (weak) => weak.nationOrganizations, align: 'right' },
          {
            header: 'strong elsewhere',
            value: (weak) => weak.evidence.map((item) => item.label).join('、'),
            max: 50,
          },
        ])
      : '  none',
  );
  out.push('', '补链 partner candidates:');
  out.push(
    diagnosis.partners.length
      ? renderTable(diagnosis.partners, [
          { header: 'for', value: (partner) => partner.name },
          { header: 'organization', value: (partner) => partner.organization.name, max: 30 },
          {
            header: 'based in',
            value: (partner) => partner.organization.city ?? partner.organization.province,
          },
          { header: 'score', value: (partner) => partner.score.toFixed(2), align: 'right' },
          {
            header: 'evidence',
            value: (partner) => partner.evidence[1]?.text ?? partner.evidence[0]?.text ?? '',
            max: 40,
          },
        ])
      : '  none',
  );
  out.push('', 'single points of failure:');
  out.push(
    diagnosis.singlePoints.length
      ? diagnosis.singlePoints
          .map(
            (point) =>
              `  ${point.name}: ${point.organization.name} alone joins ${point.separates.map((group) => group.join('、')).join(' | ')}`,
          )
          .join('\n')
      : '  none',
  );
  out.push('', "concentration (top share of a node's cooperation ties, HHI):");
  out.push(
    diagnosis.concentration.length
      ? renderTable(diagnosis.concentration.slice(0, 15), [
          { header: 'node', value: (item) => item.name },
          { header: 'ties', value: (item) => item.ties, align: 'right' },
          { header: 'top', value: (item) => item.top?.name ?? null, max: 30 },
          {
            header: 'share',
            value: (item) => (item.top ? `${(item.top.share * 100).toFixed(0)}%` : null),
            align: 'right',
          },
          { header: 'HHI', value: (item) => item.hhi.toFixed(2), align: 'right' },
        ])
      : '  none',
  );
  out.push('', '卡脖子 choke points (suppliers most customers depend on; * in the region):');
  out.push(
    diagnosis.chokePoints.length
      ? renderTable(diagnosis.chokePoints.slice(0, 15), [
          { header: 'node', value: (choke) => choke.name },
          { header: 'supplier', value: (choke) => choke.supplier.name, max: 30 },
          { header: 'customers', value: (choke) => choke.customers.length, align: 'right' },
          {
            header: 'who',
            value: (choke) =>
              choke.customers.map((customer) => `${customer.name}${customer.inRegion ? '*' : ''}`).join('、'),
            max: 50,
          },
        ])
      : '  none',
  );
  out.push('', 'hosts, conveners and research bodies of the region (not chain players):');
  out.push(
    diagnosis.institutions.length
      ? renderTable(diagnosis.institutions.slice(0, 15), [
          { header: 'organization', value: (item) => item.organization.name, max: 30 },
          { header: 'role', value: (item) => item.role },
          { header: 'tied to', value: (item) => item.tied.map((other) => other.name).join('、'), max: 50 },
        ])
      : '  none',
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

export function registerDiagnose(program: Command): void {
  const command = program
    .command('diagnose')
    .description(
      "diagnose a region's chain against the corpus: weak links, concentration, single points, partners",
    )
    .addOption(
      new Option('--region <place>', 'a province or city (浙江, 宁波)')
        .argParser(regionArgument)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--now <date>', 'the end of the trend (default: the latest event of the corpus)').argParser(
        dayArgument,
      ),
    )
    .addOption(formatOption(['table', 'json'], 'table'));
  addDbOption(command).action(
    (options: { db?: string; region: Region; now?: string; format: 'table' | 'json' }) =>
      withLiantu(options, async (liantu) => {
        const diagnosis = await liantu.diagnosis(options.region, options.now);
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(diagnosis, null, 2)}\n`);
        else printDiagnosis(diagnosis);
      }),
  );

  const report = program
    .command('report')
    .description(
      'write a region report: charts, the chain with counts, weak links, partners, alerts, timeline',
    )
    .addOption(
      new Option('--region <place>', 'a province or city').argParser(regionArgument).makeOptionMandatory(),
    )
    .option('-o, --out <file>', 'where to write it (default: standard output)')
    .addOption(
      new Option('-f, --format <format>', 'self-contained HTML or Markdown')
        .choices(['html', 'md'])
        .default('html'),
    )
    .addOption(
      new Option('--now <date>', 'the end of the trend (default: the latest event of the corpus)').argParser(
        dayArgument,
      ),
    );
  addDbOption(report).action(
    (options: { db?: string; region: Region; out?: string; format: 'html' | 'md'; now?: string }) =>
      withLiantu(options, async (liantu) => {
        const data = await liantu.report(options.region, options.now);
        const text = options.format === 'md' ? renderMarkdownReport(data) : renderHtmlReport(data);
        if (options.out) {
          writeFileSync(options.out, text);
          process.stderr.write(`Wrote the ${data.diagnosis.region.label} report to ${options.out}.\n`);
        } else process.stdout.write(text);
      }),
  );
}
