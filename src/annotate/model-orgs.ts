import type { NerSpan } from '../ner/index.js';
import type { Gazetteer } from './gazetteer.js';
import type { AnnotationLexicon } from './lexicon.js';
import type { OrgMention, OrgType, Token } from './types.js';

const ORG_TYPE_OF_LABEL: Partial<Record<NerSpan['label'], OrgType>> = {
  company: 'company',
  government: 'government',
  organization: 'association',
};

export interface ModelOrgContext {
  text: string;
  tokens: readonly Token[];
  lexicon: AnnotationLexicon;
  gazetteer: Gazetteer;
  /** What the rules found: they win wherever the tagger disagrees. */
  ruleOrgs: readonly OrgMention[];
}

/**
 * Organizations the learned tagger finds that the rules did not, under one policy: the rules are trusted first,
 * the tagger only adds. A tagger span is kept when
 * - it does not overlap an organization the rules found (where both see one, the rules' boundaries stand),
 * - it starts and ends on jieba word boundaries,
 * - jieba's dictionary knows one of its words as an organization (tag `nt`): the tagger then supplies the
 *   boundaries and the type, the dictionary the evidence that a name is there,
 * - and the rules' lexicons do not read it as something else: a place name, a title, a generic word, or a kind of
 *   organization (科研院所) rather than one.
 */
export function findModelOrgs(spans: readonly NerSpan[], context: ModelOrgContext): OrgMention[] {
  if (spans.length === 0) return [];
  const { text, tokens, lexicon, gazetteer, ruleOrgs } = context;
  const ruleCovered = new Uint8Array(text.length + 1);
  for (const org of ruleOrgs) ruleCovered.fill(1, org.start, org.end);
  const tokenStarts = new Set(tokens.map((token) => token.start));
  const tokenEnds = new Set(tokens.map((token) => token.end));
  const found: OrgMention[] = [];
  for (const span of spans) {
    const orgType = ORG_TYPE_OF_LABEL[span.label];
    if (!orgType || span.end - span.start < 2) continue;
    if (ruleCovered.subarray(span.start, span.end).includes(1)) continue;
    if (!tokenStarts.has(span.start) || !tokenEnds.has(span.end)) continue;
    const words = tokens.filter((token) => token.start >= span.start && token.end <= span.end);
    if (!words.some((word) => word.pos === 'nt')) continue;
    if (gazetteer.lookup(span.text) || lexicon.generic.has(span.text) || lexicon.descriptors.has(span.text))
      continue;
    if (lexicon.titleWords.some((title) => span.text.endsWith(title))) continue;
    if (lexicon.kinds.some((kind) => span.text.endsWith(kind))) continue;
    found.push({ label: 'org', start: span.start, end: span.end, text: span.text, orgType, source: 'model' });
  }
  return found;
}
