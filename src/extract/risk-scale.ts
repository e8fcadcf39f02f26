import type { RiskLexicon } from './risk-lexicon.js';
import type { RiskEventType, Severity } from './types.js';

/**
 * A risk's severity by its scale, as the gold conventions grade it: a fire is high with casualties or a production
 * floor lost and low when small and contained; a recall under 1,000 vehicles is low; a carmaker's pause of days is
 * medium; a price rise of 30% or more is medium.
 */
export function scaledSeverity(
  type: RiskEventType,
  severity: Severity,
  text: string,
  lexicon: RiskLexicon,
): Severity {
  const scale = lexicon.scale;
  switch (type) {
    case 'accident':
      if (scale.casualties.test(text.replace(scale.noCasualties, ''))) return 'high';
      if (scale.productionLost.test(text)) return 'high';
      if (scale.smallFire.test(text)) return 'low';
      return severity === 'high' ? 'medium' : severity;
    case 'recall': {
      const count = /([\d,，]+)\s*(辆|台)/u.exec(text);
      const vehicles = count ? Number((count[1] ?? '').replace(/[,，]/gu, '')) : Number.NaN;
      return Number.isFinite(vehicles) && vehicles < 1000 ? 'low' : severity;
    }
    case 'supply_disruption':
      return severity === 'high' && scale.shortPause.test(text) ? 'medium' : severity;
    case 'regulatory_action':
      return lexicon.countryMeasure.test(text) ? 'high' : severity;
    case 'price_shock':
      return largestRise(text, scale.rise) >= 30 ? 'medium' : severity;
    default:
      return severity;
  }
}

const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A figure as written in digits or in Chinese numerals up to 99 (七, 十五, 三十); 几 and 数 as a few. */
function figureOf(written: string): number {
  if (/^[\d.]+$/u.test(written)) return Number(written);
  if (/^[几数]/u.test(written)) return 2;
  const digit = (char: string | undefined): number => DIGITS[char ?? ''] ?? 0;
  const [tens, units] = written.split('十');
  if (units === undefined) return digit(tens);
  return (tens ? digit(tens) : 1) * 10 + digit(units);
}

/** The largest rise a text states, in percent: 涨幅超70%, 涨超七成 (70), 涨了两倍 (200). */
function largestRise(text: string, rise: RegExp): number {
  const unit: Record<string, number> = { '%': 1, 成: 10, 倍: 100 };
  let largest = 0;
  for (const match of text.matchAll(new RegExp(rise.source, 'gu'))) {
    const { figure = '', unit: written = '%' } = match.groups ?? {};
    largest = Math.max(largest, figureOf(figure) * (unit[written] ?? 1));
  }
  return largest;
}

/**
 * An accident or a recall graded on everything the article says of it: casualties or a production floor lost
 * anywhere make a fire high, a small contained fire low; the vehicles of all batches recalled add up.
 */
export function gradedByEvidence(
  event: { type: RiskEventType; severity: Severity; evidence: { text: string }[] },
  lexicon: RiskLexicon,
): Severity {
  const text = event.evidence.map((evidence) => evidence.text).join('\n');
  const { scale } = lexicon;
  if (event.type === 'accident') {
    if (scale.casualties.test(text.replace(scale.noCasualties, '')) || scale.productionLost.test(text))
      return 'high';
    if (scale.smallFire.test(text)) return 'low';
    return event.severity;
  }
  if (event.type === 'recall') {
    const counts = [...text.matchAll(/(\d[\d,，]*)\s*(辆|台)/gu)].map((match) =>
      Number((match[1] ?? '').replace(/[,，]/gu, '')),
    );
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (counts.length > 0 && total < 1000) return 'low';
  }
  return event.severity;
}
