export { decodeBytes } from './encoding.js';
export { readFile } from './file.js';
export { detectFormat } from './format.js';
export { contentHash } from './hash.js';
export { type ExpandedInputs, expandInput, expandInputs, type InputFile } from './inputs.js';
export { DEFAULT_JSONL_FIELDS } from './jsonl.js';
export { DEFAULT_MAX_BYTES } from './size.js';
export { readSources } from './sources.js';
export type * from './types.js';
