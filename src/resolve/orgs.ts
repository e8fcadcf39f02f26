import type { Gazetteer } from '../annotate/gazetteer.js';
import type { AnnotationLexicon } from '../annotate/lexicon.js';
import type { OrgType } from '../annotate/types.js';
import type { AliasFile } from './alias-file.js';
import { nameKey, normaliseName } from './names.js';
import type { Alias, AliasSource, DocumentFacts, OrgEntity, Region } from './types.js';
import { UnionFind } from './union-find.js';

export interface OrgContext {
  places: Gazetteer;
  lexicon: AnnotationLexicon;
  aliasFile: AliasFile;
}

export interface OrgResolution {
  organizations: OrgEntity[];
  /** The entity a name stands for, reading short forms as the given document reads them. */
  idOf(name: string, documentAliases?: ReadonlyMap<string, string>): number | null;
}

interface KeyStats {
  forms: Map<string, { count: number; asFullName: number }>;
  types: Map<OrgType, number>;
  documents: Set<number>;
}

/** Whether `text` is only place names (上海市, 浙江省宁波市). */
function allPlaces(text: string, places: Gazetteer): boolean {
  for (let at = 0; at < text.length; ) {
    const hit = places.placeAt(text, at);
    if (!hit) return false;
    at += hit.length;
  }
  return text.length > 0;
}

/**
 * Whether a short form is a name of its own rather than a short form of the full name: 生态环境部 names the
 * ministry, not its 宣传教育中心. Dropping only a leading place (嘉定区政协 of 上海市嘉定区政协) is a short form.
 */
function isNameOfItsOwn(form: string, full: string, lexicon: AnnotationLexicon, places: Gazetteer): boolean {
  if (full.endsWith(form) && allPlaces(full.slice(0, -form.length), places)) return false;
  if (/(公司|集团)$/.test(form)) return true;
  return lexicon.orgSuffixes.some((entry) => entry.type !== 'company' && form.endsWith(entry.suffix));
}

/** The document's reading of its short forms: written form → the full name it stands for there. */
export function documentAliases(doc: DocumentFacts): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const org of doc.orgs) if (org.text !== org.canonical) aliases.set(org.text, org.canonical);
  return aliases;
}

/** The province and city a name starts with (宁波市人民政府, 浙江省宁波市…, 上海国际汽车城). */
export function regionInName(name: string, places: Gazetteer): Region | null {
  const first = places.placeAt(name, 0);
  if (!first || first.place.level === 'region' || first.length === name.length) return null;
  const second = places.placeAt(name, first.length)?.place;
  const nested =
    second && second.level !== 'region' && second.province === first.place.province ? second : null;
  const city = (place: typeof first.place): string | null =>
    place.level === 'city' ? place.name : place.level === 'district' ? place.city : null;
  return { province: first.place.province, city: city(first.place) ?? (nested ? city(nested) : null) };
}

function mostCommon<T>(counts: ReadonlyMap<T, number>): T | null {
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/**
 * Organizations across the corpus: forms with one key (legal form, script, 人民政府) are one; so are the forms
 * of a known organization or of an alias-file merge, and a short form with the one full name every article
 * that uses it gives it. Split lists keep forms apart.
 */
export function resolveOrganizations(docs: readonly DocumentFacts[], context: OrgContext): OrgResolution {
  const { places, lexicon, aliasFile } = context;
  const pinned = new Set(aliasFile.split.flat().map(normaliseName));
  const keyOf = (name: string): string => {
    const exact = normaliseName(name);
    return pinned.has(exact) ? `=${exact}` : nameKey(name, places);
  };
  const stats = new Map<string, KeyStats>();
  const statsOf = (key: string): KeyStats => {
    let entry = stats.get(key);
    if (!entry) {
      entry = { forms: new Map(), types: new Map(), documents: new Set() };
      stats.set(key, entry);
    }
    return entry;
  };
  const sets = new UnionFind();
  sets.keepApart(aliasFile.split.map((group) => group.map(keyOf)));
  const extraForms = new Map<string, Map<string, AliasSource>>();
  const addForm = (form: string, source: AliasSource): string => {
    const key = keyOf(form);
    sets.add(key);
    const forms = extraForms.get(key) ?? new Map<string, AliasSource>();
    if (!forms.has(form)) forms.set(form, source);
    extraForms.set(key, forms);
    return key;
  };

  for (const doc of docs) {
    for (const org of doc.orgs) {
      const key = keyOf(org.text);
      sets.add(key);
      const entry = statsOf(key);
      const form = entry.forms.get(org.text) ?? { count: 0, asFullName: 0 };
      form.count++;
      if (org.text === org.canonical) form.asFullName++;
      entry.forms.set(org.text, form);
      entry.types.set(org.type, (entry.types.get(org.type) ?? 0) + 1);
      entry.documents.add(doc.id);
    }
    for (const event of doc.events) {
      for (const party of event.parties) {
        const key = keyOf(party);
        sets.add(key);
        const entry = statsOf(key);
        if (!entry.forms.has(party)) entry.forms.set(party, { count: 0, asFullName: 1 });
        entry.documents.add(doc.id);
      }
    }
  }

  const seen = new Set<object>();
  for (const group of lexicon.knownOrgs.values()) {
    if (seen.has(group)) continue;
    seen.add(group);
    const keys = group.names.map((name) => addForm(name, 'known'));
    for (const key of keys.slice(1)) sets.union(keys[0] as string, key);
  }
  const declaredRoots: { root: string; declared: AliasFile['merge'][number] }[] = [];
  for (const declared of aliasFile.merge) {
    const forms = [...(declared.name ? [declared.name] : []), ...declared.aliases];
    const keys = forms.map((form) => addForm(form, 'alias-file'));
    for (const key of keys.slice(1)) sets.union(keys[0] as string, key);
    declaredRoots.push({ root: keys[0] as string, declared });
  }

  const fullNamesOfShort = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const org of doc.orgs) {
      if (org.text === org.canonical || isNameOfItsOwn(org.text, org.canonical, lexicon, places)) continue;
      const short = keyOf(org.text);
      const full = fullNamesOfShort.get(short) ?? new Set<string>();
      full.add(sets.find(keyOf(org.canonical)));
      fullNamesOfShort.set(short, full);
    }
  }
  for (const [short, fulls] of fullNamesOfShort) {
    if (fulls.size === 1) sets.union([...fulls][0] as string, short);
  }

  const members = new Map<string, string[]>();
  for (const key of sets.keys()) {
    const root = sets.find(key);
    members.set(root, [...(members.get(root) ?? []), key]);
  }
  const declaredByRoot = new Map<string, AliasFile['merge'][number][]>();
  for (const { root, declared } of declaredRoots) {
    const at = sets.find(root);
    declaredByRoot.set(at, [...(declaredByRoot.get(at) ?? []), declared]);
  }
  const knownType = (forms: Iterable<string>): OrgType | null => {
    for (const form of forms) {
      const group = lexicon.knownOrgs.get(form);
      if (group) return group.type;
    }
    return null;
  };

  const drafts: (Omit<OrgEntity, 'id'> & { root: string })[] = [];
  for (const [root, keys] of members) {
    const written = new Map<string, { count: number; asFullName: number }>();
    const types = new Map<OrgType, number>();
    const documents = new Set<number>();
    for (const key of keys) {
      const entry = stats.get(key);
      if (!entry) continue;
      for (const [form, counts] of entry.forms) written.set(form, counts);
      for (const [type, count] of entry.types) types.set(type, (types.get(type) ?? 0) + count);
      for (const id of entry.documents) documents.add(id);
    }
    if (written.size === 0) continue;
    const declared = declaredByRoot.get(root) ?? [];
    const fullForms = [...written].filter(([, counts]) => counts.asFullName > 0);
    const candidates = fullForms.length ? fullForms : [...written];
    candidates.sort(([a, x], [b, y]) => y.count - x.count || b.length - a.length || (a < b ? -1 : 1));
    const name = declared.find((entry) => entry.name)?.name ?? (candidates[0]?.[0] as string);
    const aliases: Alias[] = [...written].map(([form, counts]) => ({
      name: form,
      source: counts.asFullName > 0 ? ('written' as const) : ('short-form' as const),
      count: counts.count,
    }));
    for (const key of keys) {
      for (const [form, source] of extraForms.get(key) ?? []) {
        if (!written.has(form)) aliases.push({ name: form, source, count: 0 });
      }
    }
    types.delete('other');
    const type =
      declared.find((entry) => entry.type)?.type ?? knownType(written.keys()) ?? mostCommon(types) ?? 'other';
    const declaredRegion = declared.find((entry) => entry.region)?.region ?? null;
    const namedRegion = declaredRegion ? null : regionInName(name, places);
    drafts.push({
      root,
      name,
      type,
      region: declaredRegion ?? namedRegion,
      regionSource: declaredRegion ? 'alias-file' : namedRegion ? 'name' : null,
      aliases: aliases.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
      mentions: [...written.values()].reduce((sum, counts) => sum + counts.count, 0),
      documents: documents.size,
    });
  }
  drafts.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  const idByRoot = new Map<string, number>();
  const organizations = drafts.map(({ root, ...draft }, index) => {
    idByRoot.set(root, index + 1);
    return { id: index + 1, ...draft };
  });
  return {
    organizations,
    idOf(name, aliases) {
      const key = keyOf(aliases?.get(name) ?? name);
      if (!stats.has(key) && !extraForms.has(key)) return null;
      return idByRoot.get(sets.find(key)) ?? null;
    },
  };
}
