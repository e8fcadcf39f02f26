import { readFileSync } from 'node:fs';
import { productionNodes } from '../../chain/attachment-rules.js';
import { type ChainScore, parseChainGold, type ScoredOrganization, scoreChain } from '../../eval/chain.js';
import { nameKey } from '../../resolve/names.js';
import { createLiantu } from '../../service.js';
import { openStore } from '../../store/index.js';
import { renderTable } from '../output.js';
import { cliResources } from '../resources-option.js';

/**
 * The organizations of the files as the service resolves them: the files ingested into a store in memory (one
 * thread), then every organization with the identity keys of its aliases and its production-node links.
 */
async function resolvedOrganizations(
  paths: readonly string[],
  options: { ner: boolean },
): Promise<ScoredOrganization[]> {
  const resources = cliResources();
  const liantu = createLiantu({ store: await openStore(':memory:'), resources, warn: () => {} });
  try {
    await liantu.ingestFiles(paths, {
      workers: 0,
      ner: options.ner,
      command: 'eval',
      onFailure: (failure) => process.stderr.write(`error: ${failure.uri}: ${failure.reason}\n`),
    });
    const production = productionNodes(resources.taxonomy, resources.chainAttachment);
    const organizations: ScoredOrganization[] = [];
    for (const entity of await liantu.store.graph.listEntities({ kind: 'org', limit: 1_000_000 })) {
      const aliases = await liantu.store.graph.aliases(entity.id);
      organizations.push({
        id: entity.id,
        name: entity.name,
        type: entity.type,
        keys: [entity.name, ...aliases.map((alias) => alias.name)].map((name) =>
          nameKey(name, resources.places),
        ),
        nodes: entity.segments.map((segment) => segment.node).filter((node) => production.has(node)),
      });
    }
    return organizations;
  } finally {
    await liantu.close();
  }
}

function printScore(score: ChainScore, documents: number, all: boolean): void {
  const pct = (value: number): string => value.toFixed(3);
  process.stdout.write(
    `${renderTable(
      [score],
      [
        { header: 'precision', value: (row) => pct(row.precision), align: 'right' },
        { header: 'recall', value: (row) => pct(row.recall), align: 'right' },
        { header: 'F1', value: (row) => pct(row.f1), align: 'right' },
        { header: 'hits', value: (row) => row.hits, align: 'right' },
        { header: 'predicted', value: (row) => row.predicted, align: 'right' },
        { header: 'found', value: (row) => row.found, align: 'right' },
        { header: 'gold', value: (row) => row.gold, align: 'right' },
      ],
    )}\n`,
  );
  const perCompany = score.nodesPerCompany;
  process.stdout.write(
    `${documents} files, ${score.entries.length} gold organizations (${score.unmatched} not found), ` +
      `${score.unscored.length} organizations with links not in the gold\n` +
      `production nodes per company: max ${perCompany.max}, mean ${perCompany.mean.toFixed(2)} over ` +
      `${perCompany.companies} companies${perCompany.most.length ? ` (max: ${perCompany.most.map((org) => org.name).join(', ')})` : ''}\n`,
  );
  const errors = score.entries.filter((entry) => all || entry.wrong.length || entry.missed.length);
  if (errors.length === 0) return;
  process.stdout.write(`\n${all ? 'Organizations' : 'Errors'} (+ predicted, not gold; − gold, not found)\n`);
  process.stdout.write(
    `${renderTable(errors, [
      { header: 'organization', value: (row) => row.org },
      { header: 'gold', value: (row) => row.gold.join(' ') || '—' },
      {
        header: 'errors',
        value: (row) => [...row.wrong.map((n) => `+${n}`), ...row.missed.map((n) => `−${n}`)].join(' '),
      },
      { header: 'matched', value: (row) => (row.matched.length ? row.matched.join(' · ') : 'not found') },
    ])}\n`,
  );
}

/**
 * `liantu eval --chain GOLD.yaml FILES…`: the files resolved through the service, and the production nodes of their
 * organizations scored against the gold (test/gold/chain-attachment/README.md): precision, recall, F1, nodes per
 * company, and the errors per organization.
 */
export async function evaluateChain(
  goldPath: string,
  paths: readonly string[],
  options: { format: 'table' | 'json'; ner: boolean; all?: boolean },
): Promise<void> {
  if (paths.length === 0) throw new Error('give the documents to resolve after --chain GOLD.yaml');
  const resources = cliResources();
  const gold = parseChainGold(readFileSync(goldPath, 'utf8'), goldPath, resources.taxonomy);
  const organizations = await resolvedOrganizations(paths, options);
  const score = scoreChain(gold, organizations, resources.taxonomy, (name) =>
    nameKey(name, resources.places),
  );
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: paths.length, ...score }, null, 2)}\n`);
    return;
  }
  printScore(score, paths.length, options.all ?? false);
}
