import type { Gazetteer } from '../annotate/gazetteer.js';
import { toSimplifiedSameLength } from '../clean/script.js';
import { withoutLegalForm } from '../domain/names.js';

const QUOTES = /[“”"'‘’「」『』《》\s]/g;

/** One way of writing a name for comparison: NFKC (full-width to ASCII), Simplified script, no quotes or spaces, lower case. */
export function normaliseName(name: string): string {
  return toSimplifiedSameLength(name.normalize('NFKC')).replace(QUOTES, '').toLowerCase();
}

/**
 * The identity of an organization's name: normalised, without its legal form (有限公司, Co., Ltd.), with
 * 人民政府 read as 政府 and a leading place in its full form (宁波政府 → 宁波市政府). Two names with the same key
 * are one organization.
 */
export function nameKey(name: string, places: Gazetteer): string {
  // The legal form goes before spaces do: it is told apart from a name's own last word by the space before it.
  let key = toSimplifiedSameLength(name.normalize('NFKC'))
    .replace(/[“”"'‘’「」『』《》]/g, '')
    .trim();
  key = normaliseName(withoutLegalForm(key)).replace(/人民政府$/, '政府');
  const leading = places.placeAt(key, 0);
  if (leading && leading.place.level !== 'region' && leading.length < key.length) {
    const next = places.placeAt(key, leading.length)?.place;
    // 吉林省长春市政府 is 长春市政府: a province before a place of its own is dropped.
    const nested =
      leading.place.level === 'province' &&
      next &&
      next.level !== 'region' &&
      next.province === leading.place.province;
    key = nested ? key.slice(leading.length) : leading.place.name + key.slice(leading.length);
    const inner = nested ? places.placeAt(key, 0) : null;
    if (inner) key = inner.place.name + key.slice(inner.length);
  }
  return key;
}
