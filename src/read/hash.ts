import { createHash } from 'node:crypto';

/** sha256 (hex) over `title + '\u0000' + text`: the content key of a document. */
export function contentHash(text: string, title?: string): string {
  return createHash('sha256')
    .update(title ?? '')
    .update('\u0000')
    .update(text)
    .digest('hex');
}
