import { readSources } from './src/read/index.ts';
import { clean } from './src/clean/index.ts';
import { annotate } from './src/annotate/index.ts';
for await (const r of readSources(process.argv.slice(2))) {
  if (!r.ok) continue;
  const c = clean(r.doc);
  const a = annotate(c.text, c.published);
  console.log(JSON.stringify(c.text.slice(0, 80)), c.title);
  console.log('ORGS', a.orgs.map((o) => `${o.text}[${o.orgType[0]}/${o.source[0]}]`).join(' '));
  console.log('TOK', a.tokens.slice(0, 30).map((t) => `${t.text}/${t.pos}`).join(' '));
}
