import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Traditional to Simplified, one UTF-16 unit for one, so offsets survive. Where a phrase conversion would
 * change the length of a line, that line is converted character by character instead.
 */
export function toSimplifiedSameLength(text: string): string {
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
