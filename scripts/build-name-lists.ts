// Copies the organization name lists the tagger's features and the annotator read from ../shared/data/companies
// into data/names/, in Simplified script: `node --import tsx scripts/build-name-lists.ts [-- --from DIR]`.
// The lists are facts; data/names/README.md says where each came from and under which licence.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toSimplifiedSameLength } from '../src/clean/script.js';
import { projectRoot } from '../src/project-root.js';
import { BUNDLED_DATA_DIR } from '../src/resources/index.js';

const { values } = parseArgs({
  options: { from: { type: 'string', default: join(projectRoot, '..', 'shared', 'data', 'companies') } },
});
const from = values.from as string;
const out = join(BUNDLED_DATA_DIR, 'names');
mkdirSync(out, { recursive: true });

function rows(file: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(join(from, file), 'utf8').split('\n');
  const columns = header.split('\t');
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(columns.map((column, index) => [column, (cells[index] ?? '').trim()]));
    });
}

/** A listed short name as the press writes it: without the ST and share-class marks (*ST德豪 → 德豪, 深桑达A → 深桑达). */
function pressForm(short: string): string {
  return short
    .replace(/^S?\*?ST/u, '')
    .replace(/-KY$/u, '')
    .replace(/(?<=[\u4e00-\u9fff])[AB]$/u, '');
}

const listed: string[] = ['# full_name\tshort_names\tmarket'];
for (const row of rows('a_share_chainkg.tsv')) {
  const shorts = [...new Set((row.short_names ?? '').split('|').map(pressForm))].filter(
    (name) => name.length >= 2,
  );
  listed.push(`${row.full_name}\t${shorts.join('|')}\tA-share`);
}
for (const row of rows('taiwan_twse_tpex.tsv')) {
  const short = pressForm(toSimplifiedSameLength(row.short_names ?? ''));
  if (short.length >= 2) listed.push(`\t${short}\t${row.market ?? 'TW'}`);
}
writeFileSync(join(out, 'listed-companies.tsv'), `${listed.join('\n')}\n`);

// Kept apart from listed-companies.tsv, which the tagger's features read: a class added here needs no retraining.
const industries: string[] = ['# full_name\tshort_names\tshenwan_industry (level 1/level 2/level 3)'];
for (const row of rows('a_share_chainkg.tsv')) {
  const industry = [row.sw_industry_l1, row.sw_industry_l2, row.sw_industry_l3].join('/');
  if (industry === '//') continue;
  const shorts = [...new Set((row.short_names ?? '').split('|').map(pressForm))].filter(
    (name) => name.length >= 2,
  );
  industries.push(`${row.full_name}\t${shorts.join('|')}\t${industry}`);
}
writeFileSync(join(out, 'listed-industries.tsv'), `${industries.join('\n')}\n`);

// Abolished and renamed bodies stay: older news names them.
const bodies: string[] = ['# full_name\tshort_names\tparent\tstatus'];
for (const row of rows('cn_central_gov_bodies.tsv')) {
  bodies.push(`${row.full_name}\t${row.short_names}\t${row.parent}\t${row.status}`);
}
writeFileSync(join(out, 'government-bodies.tsv'), `${bodies.join('\n')}\n`);

console.log(
  `wrote ${out}: ${listed.length - 1} listed companies (${industries.length - 1} with an industry), ${bodies.length - 1} government bodies`,
);
