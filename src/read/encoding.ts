import { bomEncoding } from './bom.js';
import { normalizeCharset } from './charset.js';
import { COMMON_HANZI } from './common-hanzi.js';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

export const UNDECODABLE_REASON = 'cannot decode as UTF-8, UTF-16, GB18030 or Big5';

/**
 * Declared charsets trusted whenever they decode without error. Single-byte charsets (windows-1252,
 * iso-8859-1, …) decode any bytes at all, and Chinese pages often declare them wrongly, so they are
 * used only when nothing else decodes.
 */
const TRUSTED_DECLARED = new Set([
  'utf-8',
  'gb18030',
  'big5',
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'iso-2022-jp',
]);

/** Characters looked at when judging how plausible a decoding is. */
const SAMPLE_CHARS = 64 * 1024;
/** A UTF-8 text with at most this share of broken sequences is still read as UTF-8 (with U+FFFD). */
const MAX_LOSSY_UTF8_SHARE = 0.001;

/**
 * Decodes bytes as text: a byte order mark wins; then a declared charset that decodes without error;
 * then strict UTF-8; then whichever of GB18030, Big5 and UTF-8 with a few broken sequences reads as
 * the most plausible Chinese; then a declared single-byte charset.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): DecodeResult {
  const bom = bomEncoding(bytes);
  if (bom) return decodedOrFailure(bom, strictDecode(bytes, bom));

  const declaredEncoding = declared ? normalizeCharset(declared) : undefined;
  if (declaredEncoding && TRUSTED_DECLARED.has(declaredEncoding)) {
    const text = strictDecode(bytes, declaredEncoding);
    if (text !== undefined) return { ok: true, text, encoding: declaredEncoding };
  }

  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };

  const best = mostPlausible([
    { encoding: 'gb18030', text: strictDecode(bytes, 'gb18030') },
    { encoding: 'big5', text: strictDecode(bytes, 'big5') },
    { encoding: 'utf-8', text: lossyUtf8(bytes) },
  ]);
  if (best) return { ok: true, ...best };

  if (declaredEncoding && declaredEncoding !== 'utf-16le' && declaredEncoding !== 'utf-16be') {
    const text = strictDecode(bytes, declaredEncoding);
    if (text !== undefined) return { ok: true, text, encoding: declaredEncoding };
  }
  return { ok: false, reason: UNDECODABLE_REASON };
}

function decodedOrFailure(encoding: string, text: string | undefined): DecodeResult {
  return text === undefined ? { ok: false, reason: UNDECODABLE_REASON } : { ok: true, text, encoding };
}

function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-8 with a few broken sequences (a cut multi-byte character, a stray byte), else undefined. */
function lossyUtf8(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) replaced++;
  const fewEnough =
    replaced <= Math.max(1, text.length * MAX_LOSSY_UTF8_SHARE) && replaced * 20 < text.length;
  return fewEnough ? text : undefined;
}

interface Candidate {
  encoding: string;
  text: string | undefined;
}

function mostPlausible(candidates: Candidate[]): { encoding: string; text: string } | undefined {
  let best: { encoding: string; text: string; score: number } | undefined;
  for (const { encoding, text } of candidates) {
    if (text === undefined) continue;
    const score = plausibility(text);
    if (score < 0) continue;
    if (!best || score > best.score) best = { encoding, text, score };
  }
  return best && { encoding: best.encoding, text: best.text };
}

/**
 * How much a decoded text reads like Chinese: the share of its Han characters that are common ones,
 * less a penalty for characters a wrong decoding produces (private use, replacement characters, C1
 * controls, the rare extension blocks). Ranges from -2 to 1; below 0 the decoding is rejected.
 */
export function plausibility(text: string): number {
  let han = 0;
  let common = 0;
  let suspicious = 0;
  for (const char of text.slice(0, SAMPLE_CHARS)) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x4e00 && code <= 0x9fff) {
      han++;
      if (COMMON_HANZI.has(char)) common++;
    } else if (isSuspicious(code)) {
      suspicious++;
    }
  }
  const judged = han + suspicious;
  return judged === 0 ? 0 : (common - 2 * suspicious) / judged;
}

function isSuspicious(code: number): boolean {
  return (
    (code >= 0xe000 && code <= 0xf8ff) || // private use area
    code === 0xfffd ||
    (code >= 0x80 && code <= 0x9f) || // C1 controls
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    code >= 0x20000 // supplementary ideographs and beyond
  );
}
