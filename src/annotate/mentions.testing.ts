// Builders for tests of the tagger policies (kept out of the build with the tests).
import assert from 'node:assert/strict';
import type { NerSpan } from '../ner/index.js';
import type { OrgMention } from './types.js';

/** The tagger span of the first occurrence of `surface` in `text`. */
export function spanOf(text: string, label: NerSpan['label'], surface: string): NerSpan {
  const start = text.indexOf(surface);
  assert.ok(start >= 0, `${surface} is in the text`);
  return { label, start, end: start + surface.length, text: surface };
}

/** A company the rules found by its ending, at the first occurrence of `name` in `text`. */
export function ruleCompany(text: string, name: string): OrgMention {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `${name} is in the text`);
  return { label: 'org', start, end: start + name.length, text: name, orgType: 'company', source: 'suffix' };
}
