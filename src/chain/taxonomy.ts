import { parse } from 'yaml';

/** One segment of the industry chain. */
export interface ChainNode {
  id: string;
  name: string;
  en: string;
  keywords: { zh: string[]; en: string[] };
  parent: string | null;
  children: string[];
  depth: number;
}

export interface ChainTaxonomy {
  /** Every node by id, parents before their children. */
  nodes: Map<string, ChainNode>;
  roots: string[];
}

interface NodeFile {
  id?: unknown;
  name?: unknown;
  en?: unknown;
  keywords?: { zh?: unknown; en?: unknown };
  children?: unknown;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function strings(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    throw new Error(`${where}: expected a list of words`);
  }
  return value.map(String);
}

/** Reads the chain tree; every error names the file and the path of the node in the tree. */
export function parseTaxonomy(content: string, where: string): ChainTaxonomy {
  const top = parse(content) as unknown;
  if (!Array.isArray(top)) throw new Error(`${where}: expected a list of top-level chain nodes`);
  const nodes = new Map<string, ChainNode>();
  const keywordOwners = new Map<string, string>();
  const visit = (raw: NodeFile, parent: ChainNode | null, path: string): string => {
    const id = raw.id;
    if (typeof id !== 'string' || !ID.test(id)) throw new Error(`${where}: ${path}: id must be kebab-case`);
    const at = `${where}: ${path}/${id}`;
    if (nodes.has(id)) throw new Error(`${at}: id used twice`);
    if (typeof raw.name !== 'string' || typeof raw.en !== 'string')
      throw new Error(`${at}: needs name and en`);
    const keywords = {
      zh: strings(raw.keywords?.zh, at),
      en: strings(raw.keywords?.en, at).map((w) => w.toLowerCase()),
    };
    if (keywords.zh.length === 0) throw new Error(`${at}: needs Chinese keywords`);
    for (const keyword of [...keywords.zh, ...keywords.en]) {
      const owner = keywordOwners.get(keyword);
      if (owner) throw new Error(`${at}: keyword "${keyword}" already belongs to ${owner}`);
      keywordOwners.set(keyword, id);
    }
    const node: ChainNode = {
      id,
      name: raw.name,
      en: raw.en,
      keywords,
      parent: parent?.id ?? null,
      children: [],
      depth: parent ? parent.depth + 1 : 0,
    };
    nodes.set(id, node);
    const children = raw.children ?? [];
    if (!Array.isArray(children)) throw new Error(`${at}: children must be a list`);
    for (const child of children as NodeFile[]) node.children.push(visit(child, node, `${path}/${id}`));
    return id;
  };
  const roots = (top as NodeFile[]).map((raw) => visit(raw, null, ''));
  return { nodes, roots };
}

/** A node and its ancestors, the node first. */
export function lineage(taxonomy: ChainTaxonomy, id: string): ChainNode[] {
  const line: ChainNode[] = [];
  for (
    let node = taxonomy.nodes.get(id);
    node;
    node = node.parent ? taxonomy.nodes.get(node.parent) : undefined
  ) {
    line.push(node);
  }
  return line;
}

/** The node a user means: by id, name or keyword (case-insensitive), else the highest node whose name holds it. */
export function findNode(taxonomy: ChainTaxonomy, query: string): ChainNode | null {
  const wanted = query.trim().toLowerCase();
  const nodes = [...taxonomy.nodes.values()];
  return (
    nodes.find(
      (node) => node.id === wanted || node.name === query.trim() || node.en.toLowerCase() === wanted,
    ) ??
    nodes.find((node) =>
      [...node.keywords.zh, ...node.keywords.en].some((word) => word.toLowerCase() === wanted),
    ) ??
    nodes
      .filter(
        (node) =>
          wanted.length >= 2 && (node.name.includes(query.trim()) || node.en.toLowerCase().includes(wanted)),
      )
      .sort((a, b) => a.depth - b.depth || a.name.length - b.name.length)[0] ??
    null
  );
}

/** A node and every node below it, the node first. */
export function subtree(taxonomy: ChainTaxonomy, id: string): string[] {
  const ids: string[] = [];
  const visit = (at: string): void => {
    ids.push(at);
    for (const child of taxonomy.nodes.get(at)?.children ?? []) visit(child);
  };
  if (taxonomy.nodes.has(id)) visit(id);
  return ids;
}
