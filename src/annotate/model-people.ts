import type { NerSpan } from '../ner/index.js';
import type { AnnotationLexicon } from './lexicon.js';
import type { OrgMention, PersonMention, Span } from './types.js';

/** Titles of bylines and credits: people named with them are not extracted (gold rules). */
const CREDIT_TITLES = /^(记者|通讯员|编辑|责编|责任编辑|摄影|实习生|主编|特约记者|见习记者)$/u;

export interface ModelPeopleContext {
  text: string;
  lexicon: AnnotationLexicon;
  orgs: readonly OrgMention[];
  /** The people the rules found, with their titles: they win wherever the tagger disagrees. */
  rulePeople: readonly PersonMention[];
}

/** The title word of the lexicon that ends exactly at `end`, as a span, longest first. */
function titleWordBefore(text: string, end: number, lexicon: AnnotationLexicon): NerSpan | null {
  for (const word of lexicon.titleWordsByLast.get(text[end - 1] ?? '') ?? []) {
    if (end >= word.length && text.startsWith(word, end - word.length))
      return { label: 'position', start: end - word.length, end, text: word };
  }
  return null;
}

/**
 * Titled people the learned tagger finds that the rules did not: a tagger name (`name`, or `PER` of the MSRA
 * scheme) directly after a title (a tagger `position`, or a title word of the lexicon), neither overlapping an
 * organization, person or title the rules found, the name two to four Han characters starting with a surname
 * from the lexicon, and the title no byline credit. The organization that ends where the title starts is the
 * person's organization (华夏电池董事长李明).
 */
export function findModelPeople(spans: readonly NerSpan[], context: ModelPeopleContext): PersonMention[] {
  const { text, lexicon, orgs, rulePeople } = context;
  const taken = new Uint8Array(text.length + 1);
  const cover = (span: Span | null): void => {
    if (span) taken.fill(1, span.start, span.end);
  };
  for (const person of rulePeople) {
    cover(person);
    cover(person.titleSpan);
  }
  for (const org of orgs) cover(org);
  const free = (span: Span): boolean => !taken.subarray(span.start, span.end).includes(1);
  const found: PersonMention[] = [];
  spans.forEach((name, index) => {
    if (name.label !== 'name' && name.label !== 'PER') return;
    const tagged = spans[index - 1];
    const title =
      tagged?.label === 'position' && tagged.end === name.start
        ? tagged
        : titleWordBefore(text, name.start, lexicon);
    if (!title) return;
    if (!/^[\u4e00-\u9fff]{2,4}$/u.test(name.text) || CREDIT_TITLES.test(title.text)) return;
    const surname =
      lexicon.compoundSurnames.has(name.text.slice(0, 2)) || lexicon.surnames.has(name.text[0] ?? '');
    if (!surname || !free(name) || !free(title)) return;
    const org = orgs.find((candidate) => candidate.end === title.start) ?? null;
    found.push({
      label: 'person',
      start: name.start,
      end: name.end,
      text: name.text,
      title: title.text,
      titleSpan: { start: title.start, end: title.end, text: title.text },
      org,
    });
  });
  return found;
}
