import type { Sentence } from '../annotate/types.js';
import type { EventLexicon } from './lexicon.js';

const ITEM_SPLIT = /[、，,]|和|及|与|以及/u;

/** What a cooperation covers, as listed in the text: 围绕A、B、C等多个领域, 在A、B等方面. */
export function domainsIn(sentences: readonly Sentence[], lexicon: EventLexicon): string[] {
  const domains: string[] = [];
  const pattern = new RegExp(
    `${lexicon.domainOpen.source}([^。；，,]{2,120}?)${lexicon.domainClose.source}`,
    'gu',
  );
  for (const sentence of sentences) {
    if (domains.length > 0) break;
    for (const match of sentence.text.matchAll(pattern)) {
      if (domains.length > 0) break;
      const list = match[2] ?? '';
      for (const raw of list.split(ITEM_SPLIT)) {
        const item = raw.replace(/^(在|对|于|将|等|围绕|推动|加快|提升|全力|深化|共同)+/u, '').trim();
        if (item.length >= 2 && item.length <= 16 && !domains.includes(item)) domains.push(item);
      }
    }
  }
  return domains;
}
