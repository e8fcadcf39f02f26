import type { MoneyMention } from './types.js';

const MONEY =
  /(\d+(?:\.\d+)?)\s*(万亿|千亿|百亿|亿|千万|百万|万|千)?\s*(元人民币|元|美元|欧元|日元|港元|人民币)/gu;
const SCALE: Record<string, number> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
};

/** Money amounts such as 50亿元, 1.2万元, 3亿美元. */
export function findMoney(text: string): MoneyMention[] {
  return [...text.matchAll(MONEY)].map((match) => {
    const start = match.index ?? 0;
    const amount = Number(match[1]) * (SCALE[match[2] ?? ''] ?? 1);
    const currency = (match[3] ?? '元').replace(/^元人民币$|^人民币$/, '元');
    return { label: 'money', start, end: start + match[0].length, text: match[0], amount, currency };
  });
}
