import { getSystemErrorMap } from 'node:util';

interface SystemErrorLike {
  errno?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * The reason an I/O error gives, without the path Node puts in its message:
 * `permission denied`, `no such file or directory`, `corrupt gzip data (invalid block type)`.
 */
export function ioErrorReason(error: unknown): string {
  const { errno, code, message } = (error ?? {}) as SystemErrorLike;
  const text = typeof message === 'string' ? message : String(error);
  // zlib errors carry zlib's own negative errno, which is not a system error number.
  if (typeof code === 'string' && code.startsWith('Z_')) return `corrupt gzip data (${text})`;
  if (typeof errno === 'number') {
    const described = getSystemErrorMap().get(errno);
    if (described) return described[1];
  }
  return text;
}
