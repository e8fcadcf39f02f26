import { pinyin } from 'pinyin-pro';

const readingCache = new Map<string, Set<string>>();

/** Folds a written syllable to bare ASCII: tone marks off, ü as v, lower case. */
export function foldSyllable(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/[\u0300-\u0302\u0304\u030c]/g, '')
    .replace(/u\u0308|ü/g, 'v')
    .toLowerCase();
}

/** Every reading of one Hanzi (Simplified or Traditional) as folded ASCII, heteronyms included. */
export function readingsOf(hanzi: string): Set<string> {
  let readings = readingCache.get(hanzi);
  if (!readings) {
    const listed = pinyin(hanzi, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[];
    readings = new Set(listed.map(foldSyllable).filter((reading) => /^[a-z]+$/.test(reading)));
    readingCache.set(hanzi, readings);
  }
  return readings;
}

function isReadingOf(written: string, hanzi: string): boolean {
  const folded = foldSyllable(written);
  const readings = readingsOf(hanzi);
  if (readings.has(folded)) return true;
  // Scrapers write ü as u (lu for lü) as often as v.
  return folded.includes('u') && readings.has(folded.replace(/u/g, 'v'));
}

const HANZI = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** A Hanzi followed by one or more bracketed lower-case syllables: 產(chǎn), 長(chang)(chang). */
const ANNOTATED =
  /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])((?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,6}[)）])+)/gu;

/**
 * Ranges (in `text`) of pinyin notes that read the character before them. A bracketed word that is not a
 * reading of that character — (AI), (簡稱S100), (記者 黃慧), (Envision) — is never touched.
 */
export function findPinyinNotes(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(ANNOTATED)) {
    const hanzi = match[1] ?? '';
    if (!HANZI.test(hanzi)) continue;
    let position = (match.index ?? 0) + hanzi.length;
    for (const note of (match[2] ?? '').matchAll(/[(（]([^)）]+)[)）]/gu)) {
      if (!isReadingOf(note[1] ?? '', hanzi)) break;
      ranges.push([position, position + note[0].length]);
      position += note[0].length;
    }
  }
  return mergeAdjacent(ranges);
}

function mergeAdjacent(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last[1] === range[0]) last[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
