/** Where a phrase of a sentence stops: a clause mark. */
const CLAUSE_END = /[，。；,;！？!?]/u;
/** Where a phrase before a cue starts: a clause mark, a list mark or 的. */
const PHRASE_START = /[，。；,;！？!?、：:的“”"（）()]/u;
const AFTER_CUE_LENGTH = 30;
const BEFORE_CUE_LENGTH = 12;

/**
 * The phrases a pair of cue lists frames in a sentence: what follows a `before` cue up to an `after` cue or the end
 * of its clause (建设|年产10万吨正极材料|项目, 供应|电池级碳酸锂), and what precedes an `after` cue back to the start of
 * its words (的|电池|供应商). The chain's keywords are then looked up in them.
 */
export function cuePhrases(
  sentence: string,
  cues: { before: readonly string[]; after: readonly string[] },
): string[] {
  const phrases = new Set<string>();
  const firstAfterCue = (text: string): number =>
    Math.min(...cues.after.map((cue) => text.indexOf(cue)).filter((at) => at >= 0), text.length);
  for (const cue of cues.before) {
    for (let at = sentence.indexOf(cue); at >= 0; at = sentence.indexOf(cue, at + cue.length)) {
      let phrase = sentence.slice(at + cue.length, at + cue.length + AFTER_CUE_LENGTH);
      const clauseEnd = phrase.search(CLAUSE_END);
      if (clauseEnd >= 0) phrase = phrase.slice(0, clauseEnd);
      phrase = phrase.slice(0, firstAfterCue(phrase));
      if (phrase.length >= 2) phrases.add(phrase);
    }
  }
  for (const cue of cues.after) {
    for (let at = sentence.indexOf(cue); at >= 0; at = sentence.indexOf(cue, at + cue.length)) {
      let start = at;
      while (start > 0 && at - start < BEFORE_CUE_LENGTH && !PHRASE_START.test(sentence[start - 1] ?? ''))
        start--;
      const phrase = sentence.slice(start, at);
      if (phrase.length >= 2) phrases.add(phrase);
    }
  }
  return [...phrases];
}
