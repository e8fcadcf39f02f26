const KIB = 1024;
const MIB = 1024 * KIB;

/** Largest document body read when options.maxBytes is not given. */
export const DEFAULT_MAX_BYTES = 20 * MIB;

/** `25.3 MiB`, `20 MiB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${scaled(bytes / MIB)} MiB`;
  if (bytes >= KIB) return `${scaled(bytes / KIB)} KiB`;
  return `${bytes} bytes`;
}

function scaled(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The failure reason for a body over the limit: `file too large: 25.3 MiB exceeds the 20 MiB limit`. */
export function tooLargeReason(what: 'file' | 'line' | 'record', bytes: number, limit: number): string {
  return `${what} too large: ${formatBytes(bytes)} exceeds the ${formatBytes(limit)} limit`;
}
