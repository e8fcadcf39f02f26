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
    case 'price_shock': {
      const percent = /(上涨|涨幅|上调|提高|增长|涨)[^，。；]{0,8}?(\d+(\.\d+)?)\s*%/u.exec(text);
      if ((percent && Number(percent[2]) >= 30) || /(\d+|[一二两三四五六七八九十]+)倍/u.test(text))
        return 'medium';
      return severity;
    }
    default:
      return severity;
  }
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
