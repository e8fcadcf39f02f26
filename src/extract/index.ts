import { annotate } from '../annotate/index.js';
import type { Annotated } from '../annotate/types.js';
import { domainsIn } from './domains.js';
import { findEvents } from './events.js';
import { eventLexicon } from './lexicon.js';
import { OrgNames } from './names.js';
import { documentPeople, eventPeople } from './people.js';
import type { ExtractedEvent, Extraction } from './types.js';

export type * from './types.js';

export interface ExtractInput {
  file: string;
  title: string | null;
  published: string | null;
  text: string;
}

/** Events, organizations and people of one clean document, per the extraction contract. Pure. */
export function extract(
  input: ExtractInput,
  annotated: Annotated = annotate(input.text, input.published),
): Extraction {
  const lexicon = eventLexicon();
  const names = new OrgNames(annotated);
  const candidates = findEvents(annotated, names, lexicon);
  const sentenceAt = new Map(annotated.sentences.map((sentence) => [sentence.start, sentence]));
  const events: ExtractedEvent[] = candidates.map((candidate, index) => {
    const sentences = candidate.evidence
      .map((evidence) => sentenceAt.get(evidence.start))
      .filter((sentence) => sentence !== undefined);
    const following = annotated.sentences.slice(candidate.sentence.index, candidate.sentence.index + 3);
    return {
      type: candidate.type,
      date: candidate.date,
      location: candidate.location,
      parties: candidate.parties,
      // The people of an article's occasion belong to its first event (the signing, not the settlement it announces).
      people: index === 0 ? eventPeople(annotated, names, lexicon, sentences, candidate.type) : [],
      domains: domainsIn(
        candidate.type === 'cooperation_agreement' ? following : [candidate.sentence],
        lexicon,
      ),
      evidence: candidate.evidence,
    };
  });
  // Government bodies named only inside titles (浙江省经信厅副厅长) are no organizations of the article.
  const inTitle = new Uint8Array(annotated.text.length + 1);
  for (const person of annotated.people) {
    if (person.titleSpan) inTitle.fill(1, person.titleSpan.start, person.titleSpan.end);
  }
  const withinTitle = (org: Annotated['orgs'][number]): boolean =>
    inTitle.subarray(org.start, org.end).every((covered) => covered === 1);
  const titleOnly = new Set(
    annotated.orgs.filter((org) => org.orgType === 'government' && withinTitle(org)).map((org) => org.text),
  );
  const outsideTitles = new Set(annotated.orgs.filter((org) => !withinTitle(org)).map((org) => org.text));
  const organizations = [
    ...new Set(
      annotated.orgs
        .filter((org) => !(titleOnly.has(org.text) && !outsideTitles.has(org.text)))
        .map((org) => names.canonicalOf(org)),
    ),
  ];
  return {
    file: input.file,
    title: input.title,
    published: input.published,
    events,
    organizations,
    people: documentPeople(annotated),
    aliases: names.aliasesByName(),
  };
}
