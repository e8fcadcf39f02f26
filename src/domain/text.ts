/** What cleaning removes from a source and how clean offsets lead back to it: shared by every stage and the store. */

export type RemovedKind =
  | 'html-markup'
  | 'html-script'
  | 'html-nav'
  | 'markdown-markup'
  | 'navigation'
  | 'front-matter'
  | 'metadata'
  | 'title'
  | 'breadcrumb'
  | 'headline-list'
  | 'share'
  | 'disclaimer'
  | 'contact'
  | 'byline'
  | 'pinyin'
  | 'noise';

/** A span of the source text that cleaning removed, and why. Offsets index the source text (UTF-16 units). */
export interface RemovedSpan {
  kind: RemovedKind;
  start: number;
  end: number;
  text: string;
}

/**
 * Maps clean-text offsets to source-text offsets. Each segment says that clean[cleanStart, cleanStart+length)
 * came from source[sourceStart, sourceStart+sourceLength); within a segment of equal lengths the mapping is
 * one to one, otherwise (an entity such as `&amp;`) the whole clean run maps to the whole source run.
 */
export interface OffsetSegment {
  cleanStart: number;
  sourceStart: number;
  length: number;
  sourceLength: number;
}
