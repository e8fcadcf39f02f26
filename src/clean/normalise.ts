/**
 * Character-level normalisation that keeps one unit for one: full-width Latin letters and digits to ASCII,
 * odd spaces to a plain space. CJK punctuation (，。：（）) is kept as written.
 */
export function foldWidth(text: string): string {
  return text.replace(
    /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g,
    (char) => {
      const code = char.charCodeAt(0);
      if (code >= 0xff10) return String.fromCharCode(code - 0xfee0);
      return ' ';
    },
  );
}

/** Units that carry nothing and are dropped: zero-width characters, soft hyphens, BOMs, stray controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stray control characters are exactly what this removes.
export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000e-\u001f\u007f]/g;
