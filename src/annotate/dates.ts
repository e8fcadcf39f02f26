import type { DateMention } from './types.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE =
  /(?:(?<y1>(?:19|20)\d{2})\s*年\s*)?(?<m1>\d{1,2})\s*月\s*(?<d1>\d{1,2})\s*(?:日|号)|(?<y2>(?:19|20)\d{2})\s*年\s*(?<m2>\d{1,2})\s*月(?!\s*\d)|(?<y3>(?:19|20)\d{2})[-/.](?<m3>\d{1,2})[-/.](?<d3>\d{1,2})(?!\d)|(?<![月\d])(?<d4>\d{1,2})\s*日(?!\s*电)|(?<![年\d.\-~～至到])(?<m5>\d{1,2})\s*月份?(?![\d底末初中])|(?<rel>当天|当日|今天|今日|昨天|昨日|前天|前日)/gu;

/**
 * Dates in the text, resolved from the article alone: a month and day take the year of the publish date, a bare
 * day takes its month too, 当天/今天 is the publish date (昨天 the day before, 前天/前日 two days before); what cannot be known is null, never guessed.
 */
function daysAfter(
  year: number,
  month: number,
  day: number,
  pubYear: number,
  pubMonth: number,
  pubDay: number,
): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(pubYear, pubMonth - 1, pubDay)) / 86_400_000;
}

export function findDates(text: string, published: string | null): DateMention[] {
  const [pubYear, pubMonth, pubDay] = (published ?? '').split('-').map(Number);
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(DATE)) {
    const g = match.groups ?? {};
    const start = match.index ?? 0;
    let value: string | null = null;
    if (g.m1) {
      let year = g.y1 ? Number(g.y1) : pubYear;
      const month = Number(g.m1);
      const day = Number(g.d1);
      // Without a year, a date well after publication is last year's (12月30日 in a report of 2 January); one
      // within two months after it is this year's, announced ahead (自3月1日起 in a report of 27 February).
      if (
        !g.y1 &&
        year &&
        pubMonth &&
        daysAfter(year, month, day, pubYear ?? year, pubMonth, pubDay ?? 1) > 60
      ) {
        year -= 1;
      }
      if (year && valid(year, month, day)) value = `${year}-${pad(month)}-${pad(day)}`;
      else if (!year && !(month >= 1 && month <= 12)) continue;
    } else if (g.y2) {
      const month = Number(g.m2);
      if (month < 1 || month > 12) continue;
      value = `${g.y2}-${pad(month)}`;
    } else if (g.y3) {
      const year = Number(g.y3);
      const month = Number(g.m3);
      const day = Number(g.d3);
      if (!valid(year, month, day)) continue;
      value = `${year}-${pad(month)}-${pad(day)}`;
    } else if (g.d4) {
      const day = Number(g.d4);
      if (day < 1 || day > 31) continue;
      if (pubYear && pubMonth && valid(pubYear, pubMonth, day) && (!pubDay || day <= pubDay)) {
        value = `${pubYear}-${pad(pubMonth)}-${pad(day)}`;
      }
    } else if (g.m5) {
      // A month alone (在8月, 10月份) is of the publish year, or of the year before when it lies well ahead of it.
      const month = Number(g.m5);
      if (month < 1 || month > 12) continue;
      if (pubYear && pubMonth) value = `${month > pubMonth + 2 ? pubYear - 1 : pubYear}-${pad(month)}`;
    } else if (g.rel) {
      if (published && pubDay) {
        const date = new Date(Date.UTC(pubYear as number, (pubMonth as number) - 1, pubDay));
        if (g.rel.startsWith('昨')) date.setUTCDate(date.getUTCDate() - 1);
        if (g.rel.startsWith('前')) date.setUTCDate(date.getUTCDate() - 2);
        value = date.toISOString().slice(0, 10);
      }
    }
    mentions.push({ label: 'date', start, end: start + match[0].length, text: match[0], value });
  }
  return mentions;
}
