import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { expandInputs } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'liantu-inputs-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

write('news/b.txt', 'bb');
write('news/a.md', 'a');
write('news/2024/05/c.html', '<p>c</p>');
write('news/2024/a-first.txt', 'x');
write('news/.hidden.txt', 'hidden');
write('news/.git/config', 'hidden folder');
write('news/node_modules/pkg/readme.txt', 'dependency');
write('single.txt', '宁波');
mkdirSync(join(root, 'empty-folder'));

const paths = (files: { path: string }[]): string[] => files.map((file) => relative(root, file.path));

test('a file is itself, with its size', async () => {
  const { files, failures } = await expandInputs([join(root, 'single.txt')]);
  assert.deepEqual(failures, []);
  assert.deepEqual(files, [{ path: join(root, 'single.txt'), size: 6 }]);
});

test('a folder is every file under it, sorted by path, hidden entries and node_modules left out', async () => {
  const { files, failures } = await expandInputs([join(root, 'news')]);
  assert.deepEqual(failures, []);
  assert.deepEqual(paths(files), ['news/2024/05/c.html', 'news/2024/a-first.txt', 'news/a.md', 'news/b.txt']);
  assert.deepEqual(
    files.map((file) => file.size),
    [8, 1, 1, 2],
  );
});

test('a symlinked file inside a folder is followed, a link cycle is not', async () => {
  const linked = join(root, 'linked');
  mkdirSync(linked);
  writeFileSync(join(linked, 'own.txt'), 'own');
  symlinkSync(join(root, 'single.txt'), join(linked, 'link.txt'));
  symlinkSync(linked, join(linked, 'loop'));
  const { files, failures } = await expandInputs([linked]);
  assert.deepEqual(failures, []);
  assert.deepEqual(paths(files), ['linked/link.txt', 'linked/own.txt']);
});

test('a glob expands to its matches, sorted; hidden files are not matched', async () => {
  const { files, failures } = await expandInputs([join(root, 'news/**/*.{txt,html}')]);
  assert.deepEqual(failures, []);
  assert.deepEqual(paths(files), ['news/2024/05/c.html', 'news/2024/a-first.txt', 'news/b.txt']);
});

test('a relative glob gives paths relative to the working directory', async () => {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const { files } = await expandInputs(['news/*.txt']);
    assert.deepEqual(
      files.map((file) => file.path),
      ['news/b.txt'],
    );
  } finally {
    process.chdir(previous);
  }
});

test('missing paths, empty globs and empty folders are failures, in input order with the files', async () => {
  const missing = join(root, 'nope.txt');
  const pattern = join(root, 'news/*.pdf');
  const { files, failures } = await expandInputs([
    missing,
    join(root, 'single.txt'),
    pattern,
    join(root, 'empty-folder'),
  ]);
  assert.deepEqual(paths(files), ['single.txt']);
  assert.deepEqual(failures, [
    { uri: missing, reason: 'no such file or directory' },
    { uri: pattern, reason: 'no file matches this pattern' },
    { uri: join(root, 'empty-folder'), reason: 'no files in this folder' },
  ]);
});

test('`-` is stdin; inputs keep their order and duplicates', async () => {
  const single = join(root, 'single.txt');
  const { files } = await expandInputs([single, '-', single]);
  assert.deepEqual(files, [
    { path: single, size: 6 },
    { path: '-', size: 0 },
    { path: single, size: 6 },
  ]);
});

test('a folder walk passes over README, LICENSE and single JSON files, which describe a corpus', async () => {
  const root = mkdtempSync(join(tmpdir(), 'liantu-side-'));
  mkdirSync(join(root, 'gold'));
  writeFileSync(join(root, 'a.txt'), '正文。');
  writeFileSync(join(root, 'README.md'), '# corpus');
  writeFileSync(join(root, 'gold', 'a.gold.json'), '{\n "events": []\n}');
  writeFileSync(join(root, 'gold', 'LICENSE'), 'MIT');
  writeFileSync(join(root, 'feed.jsonl'), '{"text":"x"}\n');
  const { files } = await expandInputs([root]);
  assert.deepEqual(
    files.map((file) => file.path.slice(root.length + 1)),
    ['a.txt', 'feed.jsonl'],
  );
  const named = await expandInputs([join(root, 'README.md')]);
  assert.equal(named.files.length, 1, 'a side file named on the command line is read');
});
