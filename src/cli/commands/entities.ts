import { type Command, Option } from 'commander';
import type { Region, TieType } from '../../domain/graph.js';
import type { Liantu } from '../../service.js';
import type { EntitySummary } from '../../store/types.js';
import { entityArgument } from '../knowledge-graph.js';
import { type Column, type DataFormat, printRows, renderTable } from '../output.js';
import { regionArgument, segmentArgument } from '../region-option.js';
import { cliResources } from '../resources-option.js';
import { addDbOption, formatOption, wholeNumber, withLiantu } from '../store-option.js';

const ORG_TYPES = ['company', 'government', 'association', 'research', 'media', 'other'];

const segmentNames = (entity: EntitySummary, count = 3): string => {
  const taxonomy = cliResources().taxonomy;
  return entity.segments
    .slice(0, count)
    .map((segment) => taxonomy.nodes.get(segment.node)?.name ?? segment.node)
    .join(' · ');
};

const region = (entity: Pick<EntitySummary, 'province' | 'city'>): string | null =>
  entity.province
    ? [entity.province, entity.city === entity.province ? null : entity.city].filter(Boolean).join(' ')
    : null;

const COLUMNS: Column<EntitySummary>[] = [
  { header: 'name', value: (entity) => entity.name, max: 30 },
  { header: 'type', value: (entity) => entity.type ?? entity.title, max: 14 },
  { header: 'region', value: region, max: 16 },
  { header: 'segments', value: (entity) => segmentNames(entity), max: 30 },
  { header: 'docs', value: (entity) => entity.documents, align: 'right' },
  { header: 'partners', value: (entity) => entity.degree, align: 'right' },
];

type Profile = Awaited<ReturnType<Liantu['profile']>>;

/** How a tie reads from the organization shown: it supplies (→ customer) or is supplied (← supplier). */
const TIE_LABELS: Record<TieType, Record<'out' | 'in' | 'both', string>> = {
  supplies: { out: '供货给 supplies →', in: '供应商 ← supplied by', both: '供货往来 supply ↔' },
  cooperates: { out: '合作 cooperates', in: '合作 cooperates', both: '合作 cooperates' },
  invests_in: { out: '投资 invests in →', in: '获投 ← invested by', both: '投资 investment' },
  member_of: { out: '成员 member of →', in: '成员 ← member', both: '成员 member' },
  hosts: { out: '承接 hosts →', in: '落地 ← hosted by', both: '承接 hosting' },
};

function printProfile(profile: Profile): void {
  const out: string[] = [];
  const heading =
    profile.kind === 'person'
      ? `${profile.name}  ${profile.title ?? ''}`
      : `${profile.name}  (${profile.type})`;
  out.push(heading.trimEnd());
  if (profile.kind === 'person' && profile.org)
    out.push(`organization: ${profile.org.name} (#${profile.org.id})`);
  if (profile.region)
    out.push(
      `region: ${profile.region.province} ${profile.region.city ?? ''}  (from ${profile.region.source})` +
        (profile.region.evidence ? `\n        ${profile.region.evidence}` : ''),
    );
  out.push(`aliases: ${profile.aliases.map((alias) => alias.name).join(' · ') || '—'}`);
  out.push(`documents: ${profile.documents}  mentions: ${profile.mentions}`);
  if (profile.kind === 'org') {
    const { degree, betweenness, community } = profile.metrics;
    out.push(`network: ${degree} partners, betweenness ${betweenness}, community ${community ?? '—'}`);
  }
  if (profile.segments.length) {
    out.push('', 'chain segments:');
    for (const segment of profile.segments) {
      const keywords = [...new Set(segment.evidence.map((item) => item.keyword))].join(', ');
      out.push(`  ${segment.score.toFixed(2)}  ${segment.path.join(' › ')}   [${keywords}]`);
    }
  }
  if (profile.partners.length) {
    out.push(
      '',
      'partners:',
      renderTable(profile.partners, [
        { header: 'name', value: (partner) => partner.name, max: 30 },
        { header: 'events', value: (partner) => partner.events, align: 'right' },
        { header: 'types', value: (partner) => partner.types.join(','), max: 30 },
        { header: 'first', value: (partner) => partner.firstDate },
        { header: 'last', value: (partner) => partner.lastDate },
      ]),
    );
  }
  if (profile.ties.length) {
    out.push(
      '',
      'ties:',
      renderTable(profile.ties, [
        { header: 'tie', value: (tie) => TIE_LABELS[tie.type][tie.direction] },
        { header: 'organization', value: (tie) => tie.other.name, max: 30 },
        { header: 'events', value: (tie) => tie.events, align: 'right' },
        { header: 'docs', value: (tie) => tie.documents, align: 'right' },
        { header: 'last', value: (tie) => tie.lastDate },
        { header: 'evidence', value: (tie) => tie.evidence, max: 40 },
      ]),
    );
  }
  if (profile.people.length)
    out.push('', `people: ${profile.people.map((p) => `${p.name}（${p.title ?? '—'}）`).join(' · ')}`);
  if (profile.events.length) {
    const shown =
      profile.events.length < profile.eventCount
        ? ` (latest ${profile.events.length} of ${profile.eventCount})`
        : '';
    out.push(
      '',
      `events${shown}:`,
      renderTable(profile.events, [
        { header: 'id', value: (event) => event.id, align: 'right' },
        { header: 'date', value: (event) => event.date },
        { header: 'type', value: (event) => event.type },
        { header: 'parties', value: (event) => event.parties.join(' · '), max: 40 },
        { header: 'sources', value: (event) => event.sources, align: 'right' },
        { header: 'evidence', value: (event) => event.evidence, max: 40 },
      ]),
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

export function registerEntities(program: Command): void {
  const list = program
    .command('entities')
    .description('list resolved organizations (or people) with type, region and chain segments')
    .addOption(new Option('--type <type>', 'only organizations of this type').choices(ORG_TYPES))
    .addOption(
      new Option('--region <place>', 'only those based in this province or city (浙江, 宁波)').argParser(
        regionArgument,
      ),
    )
    .addOption(
      new Option(
        '--segment <node>',
        'only those attached to this chain node or one below it (id, name or keyword)',
      ).argParser(segmentArgument),
    )
    .option('--people', 'list people instead of organizations')
    .addOption(formatOption(['table', 'json', 'jsonl'], 'table'))
    .addOption(new Option('-n, --limit <n>', 'how many').default(50).argParser(wholeNumber('--limit', 1)));
  addDbOption(list).action(
    (options: {
      db?: string;
      type?: string;
      region?: Region;
      segment?: string;
      people?: boolean;
      format: DataFormat;
      limit: number;
    }) =>
      withLiantu(options, async (liantu) => {
        const entities = await liantu.entities({
          kind: options.people ? 'person' : 'org',
          ...(options.type ? { type: options.type } : {}),
          ...(options.region ? { region: options.region } : {}),
          ...(options.segment ? { segment: options.segment } : {}),
          limit: options.limit,
        });
        printRows(entities, options.format, COLUMNS);
      }),
  );

  const one = program
    .command('entity')
    .description(
      'the profile of one organization or person: aliases, type, region, segments, partners, events',
    )
    .argument('<name>', 'any name or short form it is written with (一汽, S100), or #id')
    .option('--person', 'look among people only')
    .addOption(formatOption(['table', 'json'], 'table'));
  addDbOption(one).action(
    (name: string, options: { db?: string; person?: boolean; format: 'table' | 'json' }) =>
      withLiantu(options, async (liantu) => {
        const entity = await entityArgument(liantu, name, options.person ? 'person' : undefined);
        const profile = await liantu.profile(entity);
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
        else printProfile(profile);
      }),
  );
}
