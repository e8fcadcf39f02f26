import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dataPath } from '../data-path.js';

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

interface BoilerplateFile {
  headlineMarkers: string[];
  shareWords: string[];
  disclaimers: string[];
  contacts: string[];
  credits: string[];
  navigationLines: string[];
  promos: string[];
  breadcrumbStarts: string[];
  breadcrumbSeparators: string[];
  menuWords: string[];
  noiseLines: string[];
  metadataKeys: string[];
}

function compileAll(patterns: string[], file: string, field: string): RegExp[] {
  return patterns.map((pattern, index) => {
    try {
      return new RegExp(pattern, 'u');
    } catch (error) {
      throw new Error(
        `${file}: ${field}[${index}] is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  });
}

export function parseBoilerplateLexicon(yamlText: string, file = 'boilerplate.yaml'): BoilerplateLexicon {
  const raw = parse(yamlText) as BoilerplateFile;
  return {
    headlineMarkers: compileAll(raw.headlineMarkers, file, 'headlineMarkers'),
    shareWords: new Set(raw.shareWords.map(String)),
    disclaimers: compileAll(raw.disclaimers, file, 'disclaimers'),
    contacts: compileAll(raw.contacts, file, 'contacts'),
    credits: compileAll(raw.credits, file, 'credits'),
    navigationLines: compileAll(raw.navigationLines, file, 'navigationLines'),
    promos: compileAll(raw.promos, file, 'promos'),
    breadcrumbStarts: raw.breadcrumbStarts.map(String),
    breadcrumbSeparators: raw.breadcrumbSeparators.map(String),
    menuWords: new Set(raw.menuWords.map(String)),
    noiseLines: compileAll(raw.noiseLines, file, 'noiseLines'),
    metadataKeys: raw.metadataKeys.map(String),
  };
}

let cached: BoilerplateLexicon | null = null;

export function boilerplateLexicon(): BoilerplateLexicon {
  if (!cached) {
    const file = dataPath('clean', 'boilerplate.yaml');
    cached = parseBoilerplateLexicon(readFileSync(file, 'utf8'), file);
  }
  return cached;
}
