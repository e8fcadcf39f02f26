import type { ReadResult } from './types.js';

export const EMPTY_FILE_REASON = 'empty file';
export const NO_TEXT_REASON = 'no text (only whitespace)';

export function failure(uri: string, reason: string, line?: number): ReadResult {
  return { ok: false, failure: line === undefined ? { uri, reason } : { uri, line, reason } };
}
