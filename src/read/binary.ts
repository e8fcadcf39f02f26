import { BINARY_SIGNATURES } from './binary-signatures.js';
import { bomEncoding } from './bom.js';

const SAMPLE_BYTES = 8 * 1024;
const MAX_CONTROL_SHARE = 0.1;

/** Why these leading bytes look binary (`looks like PNG image`, `contains NUL bytes`), or undefined for text. */
export function binaryReason(head: Uint8Array): string | undefined {
  const signature = BINARY_SIGNATURES.find(
    ({ offset, bytes }) =>
      head.length >= offset + bytes.length &&
      bytes.every((byte, i) => byte === null || head[offset + i] === byte),
  );
  if (signature) return `looks like ${signature.name}`;

  const bom = bomEncoding(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return undefined;

  const sample = head.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return 'contains NUL bytes';
  let controls = 0;
  for (const byte of sample) if (isControlByte(byte)) controls++;
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE) return 'many control characters';
  return undefined;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; and DEL. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) || byte === 0x7f;
}

export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}
