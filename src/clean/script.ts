import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Traditional to Simplified, one UTF-16 unit for one, so offsets survive. Where a phrase conversion would
 * change the length of a line, that line is converted character by character instead.
 */
export function toSimplifiedSameLength(text: string): string {
  return variantsToStandard(particleZhe(simplifiedSameLength(text)));
}

/** Variant characters the converter leaves as they are, though Simplified text writes the standard one. */
const VARIANTS: Record<string, string> = { 陜: '陕', 衞: '卫', 竝: '并' };
const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

function variantsToStandard(text: string): string {
  return text.replace(VARIANT, (char) => VARIANTS[char] ?? char);
}

/** Where 著 is the character of 著名, 著作, 显著 and their kin, not the particle 着. */
const ZHE_BEFORE = new Set([...'名作称述录书者']);
const ZHE_AFTER = new Set([...'显卓昭名原专编合论巨遗土译新拙大鸿撰']);

/**
 * Traditional script writes the particle 着 as 著 (隨著, 標誌著, 意味著), and the converter leaves 著 alone because
 * Simplified script has it too, in 著名, 著作, 显著 and their kin: every other 著 is the particle.
 */
export function particleZhe(text: string): string {
  if (!text.includes('著')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const compound = ZHE_BEFORE.has(text[i + 1] ?? '') || ZHE_AFTER.has(text[i - 1] ?? '');
    out += char === '著' && !compound ? '着' : char;
  }
  return out;
}

function simplifiedSameLength(text: string): string {
  const converted = toSimplified(text);
  if (converted.length === text.length) return converted;
  return text
    .split('\n')
    .map((line) => {
      const whole = toSimplified(line);
      if (whole.length === line.length) return whole;
      return Array.from(line, (char) => {
        const single = toSimplified(char);
        return single.length === char.length ? single : char;
      }).join('');
    })
    .join('\n');
}

/**
 * The script a text is written in: Traditional when converting it changes at least 15% of its Han characters.
 * Traditional news changes about a third; a Simplified page changes none, or a few in a Traditional footer.
 */
export function scriptOf(text: string): 'Simplified' | 'Traditional' {
  const han = text.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  if (han === 0) return 'Simplified';
  const converted = simplifiedSameLength(text);
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== converted[i]) changed++;
  return changed >= 0.15 * han ? 'Traditional' : 'Simplified';
}
