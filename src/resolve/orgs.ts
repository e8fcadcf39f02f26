import type { Gazetteer } from '../annotate/gazetteer.js';
import type { AnnotationLexicon } from '../annotate/lexicon.js';
import type { OrgType } from '../annotate/types.js';
import type { AliasFile } from './alias-file.js';
import { pushTo } from './group.js';
import { stableId } from './ids.js';
import { nameKey, normaliseName } from './names.js';
import type { Alias, AliasSource, DocumentFacts, OrgEntity, OrgFact, Region } from './types.js';
import { UnionFind } from './union-find.js';

export interface OrgContext {
  places: Gazetteer;
  lexicon: AnnotationLexicon;
  aliasFile: AliasFile;
}

export interface OrgResolution {
  organizations: OrgEntity[];
  /** Alias-file entries that could not be applied, and why. */
  warnings: string[];
  /** The entity a name stands for, reading short forms (and 市政府) as the given document reads them. */
  idOf(name: string, documentAliases?: ReadonlyMap<string, string>, documentId?: number): number | null;
}

interface KeyStats {
  forms: Map<string, FormCounts>;
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

/** Whether an article's short form stands for its full name: stated (简称), local (市政府), or no name of its own. */
function isShortFormOf(org: OrgFact, lexicon: AnnotationLexicon, places: Gazetteer): boolean {
  if (org.foundBy === 'abbreviation' || isLocalName(normaliseName(org.text), lexicon)) return true;
  return !isNameOfItsOwn(org.text, org.canonical, lexicon, places);
}

/** A document's own words for a government body (市政府, 区政协, 经信局): which one depends on the article. */
function isLocalName(form: string, lexicon: AnnotationLexicon): boolean {
  const suffix = lexicon.orgSuffixes.find(
    (entry) => entry.type === 'government' && form.endsWith(entry.suffix),
  );
  if (!suffix) return false;
  const prefix = form.slice(0, -suffix.suffix.length);
  if (/^(省|市|区|县|州|镇|乡|本市|我市|该市|全市|本省|我省|该省|本区|当地)$/.test(prefix)) return true;
  // A bare 经信局 or 政府 is local too; a ministry (生态环境部, 工信部) is one of a kind.
  return prefix === '' && !form.endsWith('部');
}

interface FormCounts {
  count: number;
  asFullName: number;
  /** Times an article used it as the short form of a longer name: such a form never names the entity. */
  asShortForm: number;
}

/**
 * Organizations across the corpus. Forms with one key (legal form, script, 人民政府, leading place) are one; so are
 * the forms of a known organization or of an alias-file merge, and a short form with the one full name every
 * article that uses it gives it. A short form counts for the full name its article gives it. Split lists keep
 * forms apart; a body named only by its kind (市政府) is one of its article's own.
 */
export function resolveOrganizations(docs: readonly DocumentFacts[], context: OrgContext): OrgResolution {
  const { places, lexicon, aliasFile } = context;
  const keyOf = (name: string, documentId?: number): string => {
    const key = nameKey(name, places);
    return documentId !== undefined && isLocalName(normaliseName(name), lexicon)
      ? `${key}@${documentId}`
      : key;
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
  const count = (
    key: string,
    form: string,
    asFullName: boolean,
    documentId: number,
    type: OrgType | null,
  ): void => {
    const entry = statsOf(key);
    const counts = entry.forms.get(form) ?? { count: 0, asFullName: 0, asShortForm: 0 };
    if (type !== null) counts.count++;
    if (asFullName) counts.asFullName++;
    else if (type !== null) counts.asShortForm++;
    entry.forms.set(form, counts);
    if (type !== null && asFullName) entry.types.set(type, (entry.types.get(type) ?? 0) + 1);
    entry.documents.add(documentId);
  };
  const sets = new UnionFind();
  sets.keepApart(aliasFile.split.map((group) => group.map((form) => keyOf(form))));
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
      // A short form the article gives a longer name, but which names a body of its own, is that body.
      const ownName = org.text !== org.canonical && !isShortFormOf(org, lexicon, places);
      const key = keyOf(ownName ? org.text : org.canonical, doc.id);
      sets.add(key);
      count(key, org.text, ownName || org.text === org.canonical, doc.id, org.type);
    }
    const aliases = documentAliases(doc);
    for (const event of doc.events) {
      for (const party of event.parties) {
        const full = aliases.get(party) ?? party;
        const key = keyOf(full, doc.id);
        sets.add(key);
        count(key, full, true, doc.id, null);
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
  const warnings: string[] = [];
  const declaredRoots: { root: string; declared: AliasFile['merge'][number] }[] = [];
  for (const declared of aliasFile.merge) {
    const forms = [...(declared.name ? [declared.name] : []), ...declared.aliases];
    const keys = forms.map((form) => addForm(form, 'alias-file'));
    keys.slice(1).forEach((key, index) => {
      if (!sets.union(keys[0] as string, key)) {
        warnings.push(
          `alias file: ${forms[0]} and ${forms[index + 1]} are merged but also split; kept apart`,
        );
      }
    });
    declaredRoots.push({ root: keys[0] as string, declared });
  }

  const fullNamesOfShort = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const org of doc.orgs) {
      if (org.text === org.canonical || !isShortFormOf(org, lexicon, places)) continue;
      if (isLocalName(normaliseName(org.text), lexicon)) continue;
      const short = keyOf(org.text);
      const full = fullNamesOfShort.get(short) ?? new Set<string>();
      full.add(sets.find(keyOf(org.canonical, doc.id)));
      fullNamesOfShort.set(short, full);
    }
  }
  for (const [short, fulls] of fullNamesOfShort) {
    if (fulls.size === 1) sets.union([...fulls][0] as string, short);
  }

  const members = new Map<string, string[]>();
  for (const key of sets.keys()) {
    const root = sets.find(key);
    const list = members.get(root);
    if (list) list.push(key);
    else members.set(root, [key]);
  }
  const declaredByRoot = new Map<string, AliasFile['merge'][number][]>();
  for (const { root, declared } of declaredRoots) {
    const at = sets.find(root);
    pushTo(declaredByRoot, at, declared);
  }
  const knownType = (forms: Iterable<string>): OrgType | null => {
    for (const form of forms) {
      const group = lexicon.knownOrgs.get(form);
      if (group) return group.type;
    }
    return null;
  };

  const idByRoot = new Map<string, number>();
  const organizations: OrgEntity[] = [];
  for (const [root, keys] of members) {
    const written = new Map<string, FormCounts>();
    const types = new Map<OrgType, number>();
    const documents = new Set<number>();
    for (const key of keys) {
      const entry = stats.get(key);
      if (!entry) continue;
      for (const [form, counts] of entry.forms) {
        const sum = written.get(form) ?? { count: 0, asFullName: 0, asShortForm: 0 };
        written.set(form, {
          count: sum.count + counts.count,
          asFullName: sum.asFullName + counts.asFullName,
          asShortForm: sum.asShortForm + counts.asShortForm,
        });
      }
      for (const [type, n] of entry.types) types.set(type, (types.get(type) ?? 0) + n);
      for (const id of entry.documents) documents.add(id);
    }
    if (written.size === 0) continue;
    const declared = declaredByRoot.get(root) ?? [];
    const fullForms = [...written].filter(([, counts]) => counts.asFullName > 0);
    const candidates = fullForms.length ? fullForms : [...written];
    const everShort = (counts: FormCounts): number => (counts.asShortForm > 0 ? 1 : 0);
    candidates.sort(
      ([a, x], [b, y]) =>
        everShort(x) - everShort(y) ||
        y.asFullName - x.asFullName ||
        y.count - x.count ||
        b.length - a.length ||
        (a < b ? -1 : 1),
    );
    const name = declared.find((entry) => entry.name)?.name ?? (candidates[0]?.[0] as string);
    const aliases: Alias[] = [...written].map(([form, counts]) => ({
      name: form,
      normalised: normaliseName(form),
      key: nameKey(form, places),
      source:
        counts.asShortForm > 0 || counts.asFullName === 0 ? ('short-form' as const) : ('written' as const),
      count: counts.count,
    }));
    for (const key of keys) {
      for (const [form, source] of extraForms.get(key) ?? []) {
        if (!written.has(form))
          aliases.push({
            name: form,
            normalised: normaliseName(form),
            key: nameKey(form, places),
            source,
            count: 0,
          });
      }
    }
    types.delete('other');
    const type =
      declared.find((entry) => entry.type)?.type ?? knownType(written.keys()) ?? mostCommon(types) ?? 'other';
    const declaredRegion = declared.find((entry) => entry.region)?.region ?? null;
    const namedRegion = declaredRegion ? null : regionInName(name, places);
    const identity = keys.filter((key) => stats.has(key)).sort()[0] ?? root;
    const id = stableId(`org:${identity}`);
    idByRoot.set(root, id);
    organizations.push({
      id,
      name,
      type,
      region: declaredRegion ?? namedRegion,
      regionSource: declaredRegion ? 'alias-file' : namedRegion ? 'name' : null,
      regionEvidence: null,
      aliases: aliases.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
      mentions: [...written.values()].reduce((sum, counts) => sum + counts.count, 0),
      documents: documents.size,
    });
  }
  organizations.sort(
    (a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.name < b.name ? -1 : 1),
  );
  return {
    organizations,
    warnings,
    idOf(name, aliases, documentId) {
      const key = keyOf(aliases?.get(name) ?? name, documentId);
      if (!stats.has(key) && !extraForms.has(key)) return null;
      return idByRoot.get(sets.find(key)) ?? null;
    },
  };
}
