import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { glob } from 'tinyglobby';
import { ioErrorReason } from './errors.js';
import type { ReadFailure } from './types.js';

/** A file to read: its path as given or expanded, and its size in bytes (0 for stdin). */
export interface InputFile {
  path: string;
  size: number;
}

export interface ExpandedInputs {
  files: InputFile[];
  failures: ReadFailure[];
}

const STDIN_PATH = '-';
const GLOB_CHARS = /[*?[{]/;
const SKIPPED_DIRECTORY_NAMES = new Set(['node_modules']);
const STAT_CONCURRENCY = 32;
/**
 * Files a folder walk passes over because they describe a corpus rather than belong to it: project documents
 * (README, LICENSE, …) and single JSON files (annotations, manifests; a JSON Lines dump is .jsonl). Named on the
 * command line, they are read like any other file.
 */
const CORPUS_SIDE_FILE =
  /^(readme|license|licence|changelog|contributing|notice|authors|copying)(\.[a-z0-9]+)*$|\.json$/i;

export function isCorpusSideFile(name: string): boolean {
  return CORPUS_SIDE_FILE.test(name);
}

/** Expands every input (file, folder, glob or `-`) into files, in input order; duplicates are kept. */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const expanded: ExpandedInputs = { files: [], failures: [] };
  for (const input of inputs) {
    const { files, failures } = await expandInput(input);
    expanded.files.push(...files);
    expanded.failures.push(...failures);
  }
  return expanded;
}

/** One input as files: a file itself, a folder's files (recursive, sorted), a glob's matches (sorted), or stdin. */
export async function expandInput(input: string): Promise<ExpandedInputs> {
  if (input === STDIN_PATH) return { files: [{ path: STDIN_PATH, size: 0 }], failures: [] };
  try {
    const stats = await stat(input);
    if (stats.isDirectory()) return await expandFolder(input);
    return { files: [{ path: input, size: stats.size }], failures: [] };
  } catch (error) {
    if (GLOB_CHARS.test(input) && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return expandGlob(input);
    return { files: [], failures: [{ uri: input, reason: ioErrorReason(error) }] };
  }
}

async function expandGlob(pattern: string): Promise<ExpandedInputs> {
  const matches = await glob(pattern, {
    onlyFiles: true,
    dot: false,
    absolute: isAbsolute(pattern),
    expandDirectories: false,
  });
  // A pattern that names node_modules itself asks for what is in it.
  const paths = isUnderSkippedDirectory(pattern)
    ? matches
    : matches.filter((path) => !isUnderSkippedDirectory(path));
  if (paths.length === 0)
    return { files: [], failures: [{ uri: pattern, reason: 'no file matches this pattern' }] };
  return withSizes(paths.sort(byPath));
}

/** Every file under a folder, sorted by path; hidden files and folders, node_modules and corpus side files left out. */
async function expandFolder(root: string): Promise<ExpandedInputs> {
  const paths: string[] = [];
  const failures: ReadFailure[] = [];
  const visited = new Set<string>();

  async function walk(folder: string): Promise<void> {
    const real = await realpath(folder);
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      failures.push({ uri: folder, reason: ioErrorReason(error) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORY_NAMES.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (isCorpusSideFile(entry.name)) continue;
      else if (entry.isFile()) paths.push(path);
      else if (entry.isSymbolicLink()) await followLink(path);
    }
  }

  async function followLink(path: string): Promise<void> {
    try {
      const target = await stat(path);
      if (target.isDirectory()) await walk(path);
      else if (target.isFile()) paths.push(path);
    } catch (error) {
      failures.push({ uri: path, reason: ioErrorReason(error) });
    }
  }

  await walk(root);
  if (paths.length === 0 && failures.length === 0)
    failures.push({ uri: root, reason: 'no files in this folder' });
  const sized = await withSizes(paths.sort(byPath));
  return { files: sized.files, failures: [...failures, ...sized.failures] };
}

async function withSizes(paths: readonly string[]): Promise<ExpandedInputs> {
  const sizes: (number | ReadFailure)[] = new Array(paths.length);
  for (let start = 0; start < paths.length; start += STAT_CONCURRENCY) {
    const batch = paths.slice(start, start + STAT_CONCURRENCY);
    const results = await Promise.all(
      batch.map((path) =>
        stat(path).then(
          (stats) => stats.size,
          (error: unknown): ReadFailure => ({ uri: path, reason: ioErrorReason(error) }),
        ),
      ),
    );
    results.forEach((result, i) => {
      sizes[start + i] = result;
    });
  }
  const expanded: ExpandedInputs = { files: [], failures: [] };
  paths.forEach((path, i) => {
    const size = sizes[i];
    if (typeof size === 'number') expanded.files.push({ path, size });
    else if (size) expanded.failures.push(size);
  });
  return expanded;
}

function isUnderSkippedDirectory(path: string): boolean {
  return path.split(/[\\/]/).some((segment) => SKIPPED_DIRECTORY_NAMES.has(segment));
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
