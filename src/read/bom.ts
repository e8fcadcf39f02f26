export type BomEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte order mark at the start of `bytes` names, if there is one. */
export function bomEncoding(bytes: Uint8Array): BomEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
