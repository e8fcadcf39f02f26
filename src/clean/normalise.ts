/** Full-width forms that Chinese text uses as its own punctuation, kept as written: ！（），：；？ */
const CJK_PUNCTUATION = new Set(['！', '（', '）', '，', '：', '；', '？']);

/**
 * Character-level normalisation that keeps one unit for one: full-width letters, digits and symbols to ASCII
 * (１５．６％ → 15.6%), odd spaces to a plain space. CJK punctuation (，：（）) is kept as written.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]|[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0xff01) return CJK_PUNCTUATION.has(char) ? char : String.fromCharCode(code - 0xfee0);
    return ' ';
  });
}

/** Units that carry nothing and are dropped: zero-width characters, soft hyphens, BOMs, stray controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stray control characters are exactly what this removes.
export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000e-\u001f\u007f]/g;
