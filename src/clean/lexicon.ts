import { z } from 'zod';
import { parseYaml, pattern, words } from '../resources/yaml.js';

/** data/clean/boilerplate.yaml: the lines a page's chrome is made of. */
export const BOILERPLATE_FILE = z.object({
  headlineMarkers: z.array(pattern()),
  shareWords: words,
  disclaimers: z.array(pattern()),
  contacts: z.array(pattern()),
  credits: z.array(pattern()),
  navigationLines: z.array(pattern()),
  promos: z.array(pattern()),
  breadcrumbStarts: words,
  breadcrumbSeparators: words,
  menuWords: words,
  noiseLines: z.array(pattern()),
  metadataKeys: words,
});

export interface BoilerplateLexicon {
  headlineMarkers: RegExp[];
  shareWords: Set<string>;
  disclaimers: RegExp[];
  contacts: RegExp[];
  credits: RegExp[];
  navigationLines: RegExp[];
  promos: RegExp[];
  breadcrumbStarts: string[];
  breadcrumbSeparators: string[];
  menuWords: Set<string>;
  noiseLines: RegExp[];
  metadataKeys: string[];
}

/** The boilerplate lexicon from the text of its file; a mistake names the file and the entry. */
export function parseBoilerplateLexicon(content: string, where: string): BoilerplateLexicon {
  const raw = parseYaml(content, where, BOILERPLATE_FILE);
  return { ...raw, shareWords: new Set(raw.shareWords), menuWords: new Set(raw.menuWords) };
}
