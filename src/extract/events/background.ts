import type { EventCandidate } from './candidate.js';

/** Days before publication past which a dated deal is background (an earlier signing recalled), not news. */
const BACKGROUND_DAYS = 31;
/** A month named alone (在8月已签字) is often how a deal made public late is dated: background only a year back. */
const BACKGROUND_DAYS_OF_A_MONTH = 366;

export function dropBackground(events: EventCandidate[], published: string | null): EventCandidate[] {
  if (!published || published.length < 10) return events;
  const day = 86400000;
  return events.filter((event) => {
    if (!event.date) return true;
    const monthOnly = event.date.length === 7;
    const date = Date.parse(monthOnly ? `${event.date}-28` : event.date);
    const cutoff = Date.parse(published) - (monthOnly ? BACKGROUND_DAYS_OF_A_MONTH : BACKGROUND_DAYS) * day;
    return Number.isNaN(date) || date >= cutoff;
  });
}
