import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AlertRule, readAlertRules } from '../analyze/alert-rules.js';
import { createGazetteer, type Gazetteer } from '../annotate/gazetteer.js';
import { type AnnotationLexicon, buildAnnotationLexicon } from '../annotate/lexicon.js';
import { type NameLists, parseNameLists } from '../annotate/name-lists.js';
import { type AttachmentRules, parseAttachmentRules } from '../chain/attachment-rules.js';
import { type KnownBusinesses, parseKnownBusinesses } from '../chain/known-businesses.js';
import { type ListedIndustry, parseListedIndustries } from '../chain/listed-industries.js';
import { type ChainTaxonomy, parseTaxonomy } from '../chain/taxonomy.js';
import { type BoilerplateLexicon, parseBoilerplateLexicon } from '../clean/lexicon.js';
import { EVENT_MODEL_FILE, type EventModel, readEventModel } from '../extract/learned/event-model.js';
import { type EventLexicon, parseEventLexicon } from '../extract/lexicon.js';
import { parseRiskLexicon, type RiskLexicon } from '../extract/risk-lexicon.js';
import {
  ANNOTATION_SCHEME,
  type LexicalSource,
  lexiconFingerprint,
  MODEL_FILES,
  type NerModel,
  type NerScheme,
  readNerModel,
} from '../ner/index.js';
import { projectRoot } from '../project-root.js';
import { type AliasFile, readAliasFile } from '../resolve/alias-file.js';

/** The data folder that ships with Liantu. */
export const BUNDLED_DATA_DIR = join(projectRoot, 'data');

/**
 * Everything the stages read besides the text: lexicons, rules, the chain taxonomy, the name lists and the
 * learned models, loaded once from one data folder, validated, and passed to the stages.
 */
export interface Resources {
  dataDir: string;
  boilerplate: BoilerplateLexicon;
  annotation: AnnotationLexicon;
  names: NameLists;
  places: Gazetteer;
  events: EventLexicon;
  risks: RiskLexicon;
  taxonomy: ChainTaxonomy;
  /** How organizations and events attach to the taxonomy's nodes (chain-attachment.yaml). */
  chainAttachment: AttachmentRules;
  /** Listed companies' industry classes (data/names/listed-industries.tsv), for their place in the chain. */
  listedIndustries: ListedIndustry[];
  /** What well-known companies make (data/chain/known-businesses.yaml). */
  knownBusinesses: KnownBusinesses;
  /** The alert rules that ship with the data (alerts.yaml). */
  alertRules: AlertRule[];
  /** The alias file beside the lexicons (aliases.yaml): merges and splits of organizations. */
  aliasFile: AliasFile;
  aliasFilePath: string;
  /** The learned event layer, or null where the data folder has none. */
  eventModel: EventModel | null;
  /** The lexicons the tagger reads, and their fingerprint, which a model records when trained. */
  lexical: LexicalSource;
  lexiconFingerprint: string;
  /** The tagger of a scheme (read on first use); throws where the data folder has none. */
  nerModel(scheme: NerScheme): NerModel;
  /** Where the tagger of a scheme is (for messages and for worker threads). */
  nerModelPath(scheme: NerScheme): string;
  /** A tagger from another file (`--model`), tagging with these lexicons; read once. */
  nerModelAt(path: string): NerModel;
  /** The tagger annotation uses, or null (said once) where it cannot be read: extraction then uses the rules. */
  tagger(): NerModel | null;
}

/** The files of a data folder that the tagger's features read: a change in one calls for retraining. */
const LEXICON_FILES = [
  ['annotate', 'surnames.txt'],
  ['annotate', 'titles.yaml'],
  ['annotate', 'org-suffixes.yaml'],
  ['annotate', 'known-orgs.yaml'],
  ['names', 'listed-companies.tsv'],
  ['names', 'government-bodies.tsv'],
] as const;

/** Loads and validates every lexicon, rule file and model of a data folder; a mistake names the file and entry. */
export function loadResources(dataDir: string = BUNDLED_DATA_DIR): Resources {
  const path = (...parts: string[]): string => join(dataDir, ...parts);
  const text = (...parts: string[]): string => {
    const file = path(...parts);
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`${file}: cannot read (${(error as Error).message})`);
    }
  };
  const file = (...parts: string[]) => ({ content: text(...parts), where: path(...parts) });
  const annotation = buildAnnotationLexicon({
    surnames: text('annotate', 'surnames.txt'),
    titles: file('annotate', 'titles.yaml'),
    suffixes: file('annotate', 'org-suffixes.yaml'),
    knownOrgs: file('annotate', 'known-orgs.yaml'),
  });
  const names = parseNameLists({
    governmentBodies: text('names', 'government-bodies.tsv'),
    listedCompanies: text('names', 'listed-companies.tsv'),
  });
  const places = createGazetteer(
    text('annotate', 'countries.txt')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join(' ')
      .split(/\s+/u)
      .filter(Boolean),
  );
  const lexical: LexicalSource = { lexicon: annotation, names, places };
  const fingerprint = lexiconFingerprint(LEXICON_FILES.map((parts) => text(...parts)));
  const models = new Map<string, NerModel>();
  const nerModelAt = (file: string): NerModel => {
    let model = models.get(file);
    if (!model) {
      model = readNerModel(file, lexical, fingerprint);
      models.set(file, model);
    }
    return model;
  };
  const nerModelPath = (scheme: NerScheme): string => path('ner', MODEL_FILES[scheme]);
  const nerModel = (scheme: NerScheme): NerModel => nerModelAt(nerModelPath(scheme));
  let tagger: NerModel | null | undefined;
  const taxonomy = parseTaxonomy(text('chain.yaml'), path('chain.yaml'));
  const aliasFilePath = path('aliases.yaml');
  return {
    dataDir,
    boilerplate: parseBoilerplateLexicon(
      text('clean', 'boilerplate.yaml'),
      path('clean', 'boilerplate.yaml'),
    ),
    annotation,
    names,
    places,
    events: parseEventLexicon(text('extract', 'events.yaml'), path('extract', 'events.yaml')),
    risks: parseRiskLexicon(text('extract', 'risks.yaml'), path('extract', 'risks.yaml')),
    taxonomy,
    chainAttachment: parseAttachmentRules(
      text('chain-attachment.yaml'),
      path('chain-attachment.yaml'),
      taxonomy,
    ),
    listedIndustries: parseListedIndustries(text('names', 'listed-industries.tsv')),
    knownBusinesses: parseKnownBusinesses(
      text('chain', 'known-businesses.yaml'),
      path('chain', 'known-businesses.yaml'),
      taxonomy,
    ),
    alertRules: readAlertRules(path('alerts.yaml')),
    aliasFile: existsSync(aliasFilePath) ? readAliasFile(places, aliasFilePath) : { merge: [], split: [] },
    aliasFilePath,
    eventModel: readEventModel(path(...EVENT_MODEL_FILE)),
    lexical,
    lexiconFingerprint: fingerprint,
    nerModel,
    nerModelPath,
    nerModelAt,
    tagger() {
      if (tagger === undefined) {
        try {
          tagger = nerModel(ANNOTATION_SCHEME);
        } catch (error) {
          process.emitWarning(
            `learned tagger unavailable, extraction uses the rules alone: ${(error as Error).message}`,
          );
          tagger = null;
        }
      }
      return tagger;
    },
  };
}

let bundled: Resources | null = null;

/**
 * The bundled data folder's resources, loaded on first use: what the stages use when a caller (a test, a script)
 * passes none. Front ends load theirs with `loadResources` and pass them down.
 */
export function bundledResources(): Resources {
  bundled ??= loadResources();
  return bundled;
}
