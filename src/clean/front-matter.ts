import { parse } from 'yaml';

export interface FrontMatter {
  /** Source range of the whole block, fences included. */
  start: number;
  end: number;
  fields: Record<string, unknown>;
}

const FENCE = /^\uFEFF?\s*---[ \t]*\r?\n/;

/** A YAML front-matter block at the top of the text, if there is one. */
export function findFrontMatter(text: string): FrontMatter | null {
  const open = FENCE.exec(text);
  if (!open) return null;
  const bodyStart = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(bodyStart);
  const closing = close.exec(rest);
  if (!closing) return null;
  const yamlText = rest.slice(0, closing.index);
  const fields = parseFields(yamlText);
  if (Object.keys(fields).length === 0) return null;
  let end = bodyStart + closing.index + closing[0].length;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start: 0, end, fields };
}

function parseFields(yamlText: string): Record<string, unknown> {
  try {
    const parsed: unknown = parse(yamlText);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Front matter that is not valid YAML is still front matter: read its `key: value` lines.
  }
  const fields: Record<string, unknown> = {};
  for (const line of yamlText.split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (pair?.[1]) fields[pair[1]] = (pair[2] ?? '').replace(/^['"]|['"]$/g, '');
  }
  return fields;
}

/** The first field present among `names`, as a trimmed string. */
export function pickField(fields: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const value = fields[name];
    if (value === undefined || value === null || value === '') continue;
    return typeof value === 'string' ? value.trim() : value;
  }
  return undefined;
}
