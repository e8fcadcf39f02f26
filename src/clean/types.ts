import type { BodyFormat, SourceMetadata } from '../read/types.js';

/** What cleaning needs from a read document. */
export interface CleanInput {
  uri: string;
  format: BodyFormat;
  text: string;
  metadata: SourceMetadata;
}

export type { OffsetSegment, RemovedKind, RemovedSpan } from '../domain/text.js';

import type { OffsetSegment, RemovedSpan } from '../domain/text.js';

export interface CleanDoc {
  uri: string;
  title: string | null;
  /** `YYYY-MM-DD`, `YYYY-MM` or null. */
  published: string | null;
  author: string | null;
  /** The outlet or source line, when stated. */
  source: string | null;
  /** Normalised Simplified text, paragraphs separated by a single newline. */
  text: string;
  removed: RemovedSpan[];
  offsets: OffsetSegment[];
}
