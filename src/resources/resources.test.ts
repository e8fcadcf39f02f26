import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { extractText } from '../pipeline/document.js';
import { BUNDLED_DATA_DIR, bundledResources, loadResources } from './index.js';

const copies: string[] = [];
after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bundled data folder to edit, as a user who brings their own lexicons would. */
function dataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'liantu-data-'));
  copies.push(dir);
  cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Loading the folder fails with a message that opens with `start`. */
function refused(dir: string, start: string): void {
  assert.throws(
    () => loadResources(dir),
    (error: Error) => {
      assert.ok(error.message.startsWith(start), `${error.message}\n  does not start with\n${start}`);
      return true;
    },
  );
}

function edit(file: string, change: (content: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

test('a bad regular expression names the file and the entry', () => {
  const dir = dataCopy();
  const file = join(dir, 'extract', 'events.yaml');
  edit(file, (content) =>
    content.replace("meeting: '(会议|大会|论坛|会上|峰会|研讨|座谈)'", "meeting: '(会议|大会'"),
  );
  refused(dir, `${file}: occasions.meeting: not a valid regular expression`);
});

test('a missing key, a wrong type and broken YAML are refused with where they are', () => {
  const dir = dataCopy();
  const events = join(dir, 'extract', 'events.yaml');
  const original = readFileSync(events, 'utf8');
  writeFileSync(events, original.replace(/^governance: .*$/mu, ''));
  refused(dir, `${events}: governance: `);
  writeFileSync(events, original.replace(/^plans: .*$/mu, 'plans: [将, 拟]'));
  refused(dir, `${events}: plans: `);
  writeFileSync(events, `${original}\nroles: [unclosed\n`);
  refused(dir, `${events}: `);
});

test('a file that is not there is named', () => {
  const dir = dataCopy();
  rmSync(join(dir, 'chain.yaml'));
  refused(dir, `${join(dir, 'chain.yaml')}: cannot read`);
});

test("a data folder's own lexicon is the one the stages use", () => {
  const text = '远山新能源汽车有限公司宣布，蓝湾星成为其电池供应商。';
  const input = { file: 'own-lexicon.txt', title: null, published: '2025-05-08', text };
  const bundled = extractText(input, bundledResources(), { ner: false }).extraction;
  assert.deepEqual(
    bundled.organizations,
    ['远山新能源汽车有限公司'],
    'a name with no ending is unknown to the bundled data',
  );
  const dir = dataCopy();
  appendFileSync(join(dir, 'annotate', 'known-orgs.yaml'), '- { type: company, names: [蓝湾星] }\n');
  const own = extractText(input, loadResources(dir), { ner: false }).extraction;
  assert.deepEqual(own.organizations.sort(), ['蓝湾星', '远山新能源汽车有限公司'].sort());
});
