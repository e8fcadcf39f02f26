import { searchTokens } from '../annotate/segment.js';
import { clean } from '../clean/index.js';
import { signature } from '../cluster/minhash.js';
import type { SourceDoc } from '../read/types.js';
import type { NewDocument } from '../store/types.js';

/** The CPU-bound part of ingesting one document: clean it, cut its words, sign it. Pure. */
export function prepareDocument(doc: SourceDoc): NewDocument {
  const cleaned = clean({ uri: doc.uri, format: doc.format, text: doc.text, metadata: doc.metadata });
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
  };
}
