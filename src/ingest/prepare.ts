import { type AnnotateOptions, annotate } from '../annotate/index.js';
import { searchTokens } from '../annotate/segment.js';
import type { Annotated } from '../annotate/types.js';
import { clean } from '../clean/index.js';
import { signature } from '../cluster/minhash.js';
import { extract } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import type { SourceDoc } from '../read/types.js';
import type { NewDocument, StoredMention } from '../store/types.js';

/** The mentions worth keeping for search and resolution, with the names they resolve to in this article. */
export function mentionsOf(annotated: Annotated, extraction: Extraction): StoredMention[] {
  const canonical = new Map<string, string>();
  for (const [full, shorts] of Object.entries(extraction.aliases))
    for (const short of shorts) canonical.set(short, full);
  return [
    ...annotated.orgs.map((org) => ({
      label: 'org' as const,
      start: org.start,
      end: org.end,
      text: org.text,
      canonical: canonical.get(org.text) ?? org.text,
      detail: org.orgType,
      foundBy: org.source,
    })),
    ...annotated.people.map((person) => ({
      label: 'person' as const,
      start: person.start,
      end: person.end,
      text: person.text,
      canonical: person.text,
      detail: person.title,
      org: person.org?.text ?? null,
    })),
    ...annotated.places.map((place) => ({
      label: 'place' as const,
      start: place.start,
      end: place.end,
      text: place.text,
      canonical: null,
      detail: place.level,
    })),
    ...annotated.dates.map((date) => ({
      label: 'date' as const,
      start: date.start,
      end: date.end,
      text: date.text,
      canonical: date.value,
      detail: null,
    })),
    ...annotated.money.map((money) => ({
      label: 'money' as const,
      start: money.start,
      end: money.end,
      text: money.text,
      canonical: money.amount === null ? null : String(money.amount),
      detail: money.currency,
    })),
    ...extraction.headquarters.map((statement) => ({
      label: 'headquarters' as const,
      start: statement.evidence.start,
      end: statement.evidence.end,
      text: statement.org,
      canonical: statement.place,
      detail: null,
    })),
  ].sort((a, b) => a.start - b.start);
}

/** The CPU-bound part of ingesting one document: clean, annotate, extract, cut search words, sign. Pure. */
export function prepareDocument(doc: SourceDoc, options: AnnotateOptions = { ner: true }): NewDocument {
  const cleaned = clean({ uri: doc.uri, format: doc.format, text: doc.text, metadata: doc.metadata });
  const annotated = annotate(cleaned.text, cleaned.published, options);
  const extraction = extract(
    { file: doc.uri, title: cleaned.title, published: cleaned.published, text: cleaned.text },
    annotated,
  );
  return {
    hash: doc.hash,
    uri: doc.uri,
    file: doc.file,
    format: doc.format,
    container: doc.container,
    encoding: doc.encoding,
    byteLength: doc.byteLength,
    metadata: doc.metadata,
    sourceText: doc.text,
    title: cleaned.title,
    published: cleaned.published,
    author: cleaned.author,
    sourceName: cleaned.source,
    cleanText: cleaned.text,
    removed: cleaned.removed,
    offsets: cleaned.offsets,
    titleWords: cleaned.title ? searchTokens(cleaned.title).join(' ') : '',
    bodyWords: searchTokens(cleaned.text).join(' '),
    signature: signature(cleaned.text),
    events: extraction.events,
    mentions: mentionsOf(annotated, extraction),
  };
}

/** Extracts a stored document again from its clean text: its events and the mentions worth keeping. Pure. */
export function reextractDocument(
  input: { uri: string; title: string | null; published: string | null; cleanText: string },
  options: AnnotateOptions = { ner: true },
): Pick<NewDocument, 'events' | 'mentions'> {
  const annotated = annotate(input.cleanText, input.published, options);
  const extraction = extract(
    { file: input.uri, title: input.title, published: input.published, text: input.cleanText },
    annotated,
  );
  return { events: extraction.events, mentions: mentionsOf(annotated, extraction) };
}
