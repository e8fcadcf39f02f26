import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';

const cliPath = join(projectRoot, 'src', 'cli', 'main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the liantu command from the sources, in the project folder. */
export function liantu(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    cwd: projectRoot,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command with --format json; it must succeed. */
export function liantuJson(args: string[]) {
  const result = liantu([...args, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `liantu-${prefix}-`));
}
