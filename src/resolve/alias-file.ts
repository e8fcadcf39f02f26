import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Gazetteer } from '../annotate/gazetteer.js';
import type { OrgType } from '../annotate/types.js';
import type { Region } from './types.js';

/** One organization the user declares: its forms, and optionally the name to show, its type and region. */
export interface DeclaredOrganization {
  name: string | null;
  aliases: string[];
  type: OrgType | null;
  region: Region | null;
}

/** The user's corrections: forms that are one organization, and forms that must never be merged. */
export interface AliasFile {
  merge: DeclaredOrganization[];
  split: string[][];
}

const ORG_TYPES: readonly OrgType[] = ['company', 'government', 'association', 'research', 'media', 'other'];

function names(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    throw new Error(`${where}: expected a list of names`);
  }
  return value.map(String);
}

/** A region written as places (浙江, 宁波, 浙江省宁波市): the province, and the city when one is named. */
export function parseRegion(text: string, places: Gazetteer): Region | null {
  let province: string | null = null;
  let city: string | null = null;
  for (const mention of places.find(text)) {
    const place = places.lookup(mention.text);
    if (!place || place.level === 'region') continue;
    province ??= place.province;
    if (place.level === 'city') city ??= place.name;
    if (place.level === 'district') city ??= place.city;
  }
  return province ? { province, city } : null;
}

/** Reads an alias file; every error names the file and the entry. */
export function parseAliasFile(content: string, where: string, places: Gazetteer): AliasFile {
  const raw = (parse(content) ?? {}) as { merge?: unknown; split?: unknown };
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${where}: expected merge: and split: lists`);
  const merges = raw.merge ?? [];
  const splits = raw.split ?? [];
  if (!Array.isArray(merges)) throw new Error(`${where}: merge: expected a list`);
  if (!Array.isArray(splits)) throw new Error(`${where}: split: expected a list`);
  const merge = merges.map((entry: unknown, index): DeclaredOrganization => {
    const at = `${where}: merge[${index}]`;
    if (typeof entry !== 'object' || entry === null)
      throw new Error(`${at}: expected name:, aliases:, type:, region:`);
    const { name, aliases, type, region } = entry as Record<string, unknown>;
    if (name !== undefined && typeof name !== 'string') throw new Error(`${at}.name: expected a name`);
    if (type !== undefined && !ORG_TYPES.includes(type as OrgType)) {
      throw new Error(`${at}.type: expected one of ${ORG_TYPES.join(', ')}`);
    }
    let parsedRegion: Region | null = null;
    if (region !== undefined) {
      parsedRegion = typeof region === 'string' ? parseRegion(region, places) : null;
      if (!parsedRegion) throw new Error(`${at}.region: "${String(region)}" names no province or city`);
    }
    const forms = names(aliases, `${at}.aliases`);
    if (!name && forms.length === 0) throw new Error(`${at}: a merge needs a name: or aliases:`);
    return {
      name: name ?? null,
      aliases: forms,
      type: (type as OrgType | undefined) ?? null,
      region: parsedRegion,
    };
  });
  const split = splits.map((entry: unknown, index) => {
    const group = names(entry, `${where}: split[${index}]`);
    if (group.length < 2) throw new Error(`${where}: split[${index}]: list at least two names to keep apart`);
    return group;
  });
  return { merge, split };
}

/** An alias file read from disk: a user's, or the one beside the lexicons. */
export function readAliasFile(places: Gazetteer, path: string): AliasFile {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the alias file (${(error as Error).message})`);
  }
  return parseAliasFile(content, path, places);
}
