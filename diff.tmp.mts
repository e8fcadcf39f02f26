import { readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractSource } from '/work/main/src/cli/commands/extract.ts';
import { readSources } from '/work/main/src/read/index.ts';
const goldDir = process.argv[2];
for await (const r of readSources(process.argv.slice(3))) {
  if (!r.ok) continue;
  const name = basename(r.doc.file).replace(/\.[^.]+$/u, '');
  const gp = join(goldDir, `${name}.gold.json`);
  if (!existsSync(gp)) continue;
  const g = JSON.parse(readFileSync(gp, 'utf8'));
  const p = extractSource(r.doc);
  const ev = (e: any) => `${e.type}|${e.date}|${e.location}|${e.parties.join('+')}`;
  const gE = g.events.map(ev), pE = p.events.map(ev);
  const gO = new Set(g.organizations as string[]), pO = new Set(p.organizations);
  const fnO = [...gO].filter((o) => !pO.has(o)), fpO = [...pO].filter((o) => !gO.has(o));
  const gP = g.events.flatMap((e: any) => e.people.map((x: any) => `${x.name}/${x.role}`)), pP = p.events.flatMap((e) => e.people.map((x) => `${x.name}/${x.role}`));
  const fnP = gP.filter((x: string) => !pP.includes(x)), fpP = pP.filter((x) => !gP.includes(x));
  if (gE.join() === pE.join() && !fnO.length && !fpO.length && !fnP.length && !fpP.length) continue;
  console.log('=====', name);
  if (gE.join() !== pE.join()) { console.log('  gold ev:', gE.join(' ;; ')); console.log('  pred ev:', pE.join(' ;; ')); }
  if (fnO.length || fpO.length) console.log('  orgs missing:', fnO.join(', '), '| extra:', fpO.join(', '));
  if (fnP.length || fpP.length) console.log('  roles missing:', fnP.join(', '), '| extra:', fpP.join(', '));
}
