import { readFile } from './file.js';
import { expandInput } from './inputs.js';
import type { ReadOptions, ReadResult } from './types.js';

/** Expands and reads every input in order: failures of an input come where the input is. */
export async function* readSources(
  inputs: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    const { files, failures } = await expandInput(input);
    for (const failure of failures) yield { ok: false, failure };
    for (const file of files) yield* readFile(file, options);
  }
}
