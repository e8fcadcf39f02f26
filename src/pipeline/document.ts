import { annotate } from '../annotate/index.js';
import { searchTokens } from '../annotate/segment.js';
import type { Annotated } from '../annotate/types.js';
import { clean } from '../clean/index.js';
import { toSourceRange } from '../clean/tracked.js';
import { signature } from '../cluster/minhash.js';
import type { OffsetSegment } from '../domain/text.js';
import { type ExtractInput, type ExtractOptions, extract } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import type { SourceDoc } from '../read/types.js';
import { bundledResources, type Resources } from '../resources/index.js';
import type { DocumentExtraction, ExtractionInput, NewDocument, StoredMention } from '../store/types.js';

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
  ].sort((a, b) => a.start - b.start);
}

/** What the store keeps of a document's extraction: evidence located in the source too, mentions, statements. */
export function storedExtraction(
  annotated: Annotated,
  extraction: Extraction,
  offsets: readonly OffsetSegment[],
): DocumentExtraction {
  return {
    events: extraction.events.map((event) => ({
      ...event,
      evidence: event.evidence.map((evidence) => {
        const [sourceStart, sourceEnd] = toSourceRange(offsets, evidence.start, evidence.end);
        return { ...evidence, sourceStart, sourceEnd };
      }),
    })),
    mentions: mentionsOf(annotated, extraction),
    headquarters: extraction.headquarters.map((statement) => ({
      org: statement.org,
      place: statement.place,
      kind: statement.kind,
      start: statement.evidence.start,
      end: statement.evidence.end,
    })),
    supplies: extraction.supplies.map(({ supplier, customer, evidence }) => ({
      supplier,
      customer,
      start: evidence.start,
      end: evidence.end,
    })),
    business: extraction.business.map(({ org, phrase, evidence }) => ({
      org,
      phrase,
      start: evidence.start,
      end: evidence.end,
    })),
  };
}

/** How far a document got: the stage that failed, and why (the batch goes on without it). */
export interface StageFailure {
  uri: string;
  /** `worker`: the thread preparing it died. */
  stage: 'clean' | 'annotate' | 'extract' | 'worker';
  reason: string;
}

export type Processed =
  | { ok: true; document: NewDocument; extraction: Extraction }
  | { ok: false; failure: StageFailure };

export interface ProcessOptions {
  /** Whether the learned tagger weighs in (on by default). */
  ner?: boolean;
  /** How the rules and the learned event model meet (the default policy unless given). */
  eventPolicy?: ExtractOptions['eventPolicy'];
  /** Another event model than the resources' (null: the rules alone). */
  eventModel?: ExtractOptions['eventModel'];
}

/** A clean text annotated and extracted: what every caller with a clean text (eval, reprocess, tests) needs. */
export function extractText(
  input: ExtractInput,
  resources: Resources = bundledResources(),
  options: ProcessOptions = {},
): { annotated: Annotated; extraction: Extraction } {
  const annotated = annotate(input.text, input.published, { ner: options.ner ?? true, resources });
  const extraction = extract(input, annotated, {
    resources,
    eventPolicy: options.eventPolicy,
    ...(options.eventModel !== undefined ? { eventModel: options.eventModel } : {}),
  });
  return { annotated, extraction };
}

/**
 * The one place the per-document stages are chained: read's document cleaned, annotated and extracted, its search
 * words cut and its MinHash signature taken. A stage that throws yields a failure naming it; nothing is thrown.
 */
export function processDocument(
  doc: SourceDoc,
  resources: Resources = bundledResources(),
  options: ProcessOptions = {},
): Processed {
  let stage: StageFailure['stage'] = 'clean';
  try {
    const cleaned = clean(
      { uri: doc.uri, format: doc.format, text: doc.text, metadata: doc.metadata },
      resources.boilerplate,
    );
    stage = 'annotate';
    const input = { file: doc.uri, title: cleaned.title, published: cleaned.published, text: cleaned.text };
    const annotated = annotate(cleaned.text, cleaned.published, { ner: options.ner ?? true, resources });
    stage = 'extract';
    const extraction = extract(input, annotated, {
      resources,
      eventPolicy: options.eventPolicy,
      ...(options.eventModel !== undefined ? { eventModel: options.eventModel } : {}),
    });
    const document: NewDocument = {
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
      ...storedExtraction(annotated, extraction, cleaned.offsets),
    };
    return { ok: true, document, extraction };
  } catch (error) {
    return { ok: false, failure: { uri: doc.uri, stage, reason: (error as Error).message } };
  }
}

/** Extracts a stored document again from its clean text: what the store keeps of the new extraction. */
export function reprocessDocument(
  input: ExtractionInput,
  resources: Resources,
  options: ProcessOptions = {},
): DocumentExtraction {
  const { annotated, extraction } = extractText(
    { file: input.uri, title: input.title, published: input.published, text: input.cleanText },
    resources,
    options,
  );
  return storedExtraction(annotated, extraction, input.offsets);
}
