import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../random.js';
import { spanProbabilities, type TransitionScores, viterbi } from './decode.js';
import { CLUENER_LABELS, tagSetOf } from './labels.js';

const NER_LABELS = CLUENER_LABELS;
const TRANSITIONS = tagSetOf('cluener');
const TAG_COUNT = TRANSITIONS.count;

const PARTS = { B: 0, I: 1, E: 2, S: 3 } as const;
function tag(label: (typeof NER_LABELS)[number], part: keyof typeof PARTS): number {
  return 1 + 4 * NER_LABELS.indexOf(label) + PARTS[part];
}

function zeroScores(): TransitionScores {
  return {
    pair: new Float64Array(TAG_COUNT * TAG_COUNT),
    first: new Float64Array(TAG_COUNT),
    last: new Float64Array(TAG_COUNT),
  };
}

/** Emission scores where every tag scores `floor` except the ones given per character. */
function emissionOf(rows: Record<number, number>[], floor = -10): Float64Array {
  const emission = new Float64Array(rows.length * TAG_COUNT).fill(floor);
  rows.forEach((row, i) => {
    for (const [t, score] of Object.entries(row)) emission[i * TAG_COUNT + Number(t)] = score;
  });
  return emission;
}

function wellFormed(tags: ArrayLike<number>): boolean {
  if (tags.length === 0) return true;
  if (!TRANSITIONS.canStart[tags[0] as number]) return false;
  for (let i = 1; i < tags.length; i++) {
    if (!(TRANSITIONS.allowedBefore[tags[i] as number] as Int32Array).includes(tags[i - 1] as number))
      return false;
  }
  return TRANSITIONS.canEnd[tags[tags.length - 1] as number] === true;
}

function pathScore(emission: ArrayLike<number>, scores: TransitionScores, tags: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as number;
    total += emission[i * TAG_COUNT + t] as number;
    if (i === 0) total += scores.first[t] as number;
    else total += scores.pair[(tags[i - 1] as number) * TAG_COUNT + t] as number;
  }
  if (tags.length > 0) total += scores.last[tags[tags.length - 1] as number] as number;
  return total;
}

/** The best-scoring well-formed sequence, by enumerating every well-formed sequence of the given length. */
function bruteForce(
  emission: ArrayLike<number>,
  length: number,
  scores: TransitionScores,
): { tags: number[]; score: number; count: number } {
  let best: number[] = [];
  let bestScore = -Infinity;
  let count = 0;
  const path: number[] = [];
  const extend = (i: number, score: number): void => {
    if (i === length) {
      const previous = path[length - 1] as number;
      if (!TRANSITIONS.canEnd[previous]) return;
      count++;
      const total = score + (scores.last[previous] as number);
      if (total > bestScore) {
        bestScore = total;
        best = [...path];
      }
      return;
    }
    for (let t = 0; t < TAG_COUNT; t++) {
      let step: number;
      if (i === 0) {
        if (!TRANSITIONS.canStart[t]) continue;
        step = scores.first[t] as number;
      } else {
        const previous = path[i - 1] as number;
        if (!(TRANSITIONS.allowedBefore[t] as Int32Array).includes(previous)) continue;
        step = scores.pair[previous * TAG_COUNT + t] as number;
      }
      path.push(t);
      extend(i + 1, score + step + (emission[i * TAG_COUNT + t] as number));
      path.pop();
    }
  };
  extend(0, 0);
  return { tags: best, score: bestScore, count };
}

test('an empty text gives an empty tag sequence', () => {
  assert.deepEqual([...viterbi(new Float64Array(0), 0, TRANSITIONS, zeroScores())], []);
});

test('where the per-character argmax is ill-formed (Begin then outside), Viterbi closes the entity', () => {
  const begin = tag('name', 'B');
  const end = tag('name', 'E');
  const single = tag('name', 'S');
  const emission = emissionOf([
    { [begin]: 5, 0: 0, [single]: 1 },
    { 0: 3, [end]: 2.5 },
  ]);
  const greedy = [0, 1].map((i) => {
    const row = emission.subarray(i * TAG_COUNT, (i + 1) * TAG_COUNT);
    return row.indexOf(Math.max(...row));
  });
  assert.deepEqual(greedy, [begin, 0]);
  assert.ok(!wellFormed(greedy));
  // B E scores 7.5; the best alternatives are S O (4) and O O (3).
  assert.deepEqual([...viterbi(emission, 2, TRANSITIONS, zeroScores())], [begin, end]);
});

test('Viterbi never starts on Inside/End nor ends on Begin/Inside, however high they score', () => {
  const emission = emissionOf([
    { [tag('company', 'I')]: 9, [tag('company', 'B')]: 1, 0: 0.5 },
    { [tag('company', 'I')]: 9, [tag('company', 'E')]: 1 },
    { [tag('company', 'B')]: 9, [tag('company', 'E')]: 2, 0: 1 },
  ]);
  const tags = [...viterbi(emission, 3, TRANSITIONS, zeroScores())];
  assert.ok(wellFormed(tags), String(tags));
  assert.deepEqual(tags, [tag('company', 'B'), tag('company', 'I'), tag('company', 'E')]);
});

test('a high score on a forbidden pair is ignored: Inside of one label never follows another label', () => {
  const scores = zeroScores();
  scores.pair[tag('name', 'B') * TAG_COUNT + tag('address', 'E')] = 1000;
  scores.pair[0 * TAG_COUNT + tag('address', 'I')] = 1000;
  const emission = emissionOf([
    { [tag('name', 'B')]: 4, 0: 1 },
    { [tag('address', 'E')]: 4, [tag('name', 'E')]: 1, 0: 0 },
  ]);
  const tags = [...viterbi(emission, 2, TRANSITIONS, scores)];
  assert.ok(wellFormed(tags), String(tags));
  assert.deepEqual(tags, [tag('name', 'B'), tag('name', 'E')]);
});

test('first and last scores steer the choice at the ends of the text', () => {
  const emission = emissionOf([{ 0: 1, [tag('book', 'S')]: 0.5 }]);
  assert.deepEqual([...viterbi(emission, 1, TRANSITIONS, zeroScores())], [0]);
  const scores = zeroScores();
  scores.last[tag('book', 'S')] = 1;
  assert.deepEqual([...viterbi(emission, 1, TRANSITIONS, scores)], [tag('book', 'S')]);
  const other = zeroScores();
  other.first[tag('book', 'S')] = 0.6;
  assert.deepEqual([...viterbi(emission, 1, TRANSITIONS, other)], [tag('book', 'S')]);
});

test('a closer behind the best one still wins when its pair score makes up the gap', () => {
  const single = tag('name', 'S');
  const emission = emissionOf([{ 0: 1, [single]: 0 }, { 0: 0 }]);
  const scores = zeroScores();
  scores.pair[single * TAG_COUNT + 0] = 1.5;
  assert.deepEqual([...viterbi(emission, 2, TRANSITIONS, scores)], [single, 0]);
  const weaker = zeroScores();
  weaker.pair[single * TAG_COUNT + 0] = 0.5;
  assert.deepEqual([...viterbi(emission, 2, TRANSITIONS, weaker)], [0, 0]);
});

/**
 * Random emission and transition scores: emissions spread wider than pair scores, so that many predecessors are
 * pruned, or narrower, so that few are.
 */
function randomCase(
  random: () => number,
  length: number,
  emissionRange: number,
  pairRange: number,
): { emission: Float64Array; scores: TransitionScores } {
  const uniform = (range: number): number => (random() * 2 - 1) * range;
  const emission = Float64Array.from({ length: length * TAG_COUNT }, () => uniform(emissionRange));
  const scores: TransitionScores = {
    pair: Float64Array.from({ length: TAG_COUNT * TAG_COUNT }, () => uniform(pairRange)),
    first: Float64Array.from({ length: TAG_COUNT }, () => uniform(pairRange)),
    last: Float64Array.from({ length: TAG_COUNT }, () => uniform(pairRange)),
  };
  return { emission, scores };
}

test('the pruned Viterbi finds the same best path as enumerating every well-formed sequence', () => {
  const random = seededRandom(20240611);
  const settings = [
    { emissionRange: 10, pairRange: 0.5 },
    { emissionRange: 3, pairRange: 3 },
    { emissionRange: 0.5, pairRange: 5 },
  ];
  let cases = 0;
  for (const { emissionRange, pairRange } of settings) {
    for (const length of [1, 2, 3]) {
      for (let round = 0; round < 8; round++) {
        const { emission, scores } = randomCase(random, length, emissionRange, pairRange);
        const expected = bruteForce(emission, length, scores);
        const got = [...viterbi(emission, length, TRANSITIONS, scores)];
        assert.ok(wellFormed(got), `ill-formed ${got}`);
        assert.ok(
          Math.abs(pathScore(emission, scores, got) - expected.score) < 1e-9,
          `length ${length}: ${pathScore(emission, scores, got)} < ${expected.score}`,
        );
        assert.deepEqual(got, expected.tags);
        cases++;
      }
    }
  }
  assert.equal(cases, 72);
});

test('the same holds for length 4 with a pruning-heavy spread, on a few seeded cases', () => {
  const random = seededRandom(7);
  for (let round = 0; round < 4; round++) {
    const { emission, scores } = randomCase(random, 4, 8, 1);
    const expected = bruteForce(emission, 4, scores);
    const got = [...viterbi(emission, 4, TRANSITIONS, scores)];
    assert.deepEqual(got, expected.tags);
  }
});

test('the brute force itself enumerates exactly the well-formed sequences', () => {
  // Two characters: outside or Single then outside or Single (11 x 11), or Begin then End of one label (10).
  const { count } = bruteForce(new Float64Array(2 * TAG_COUNT), 2, zeroScores());
  assert.equal(count, 11 * 11 + 10);
  assert.equal(bruteForce(new Float64Array(TAG_COUNT), 1, zeroScores()).count, 11);
});

test('results do not depend on a spread remembered from an earlier call with the same pair array', () => {
  const scores = zeroScores();
  const emission = emissionOf([{ 0: 1, [tag('name', 'S')]: 0 }, { 0: 0 }]);
  assert.deepEqual([...viterbi(emission, 2, TRANSITIONS, scores)], [0, 0]);
  scores.pair[tag('name', 'S') * TAG_COUNT + 0] = 10;
  assert.deepEqual([...viterbi(emission, 2, TRANSITIONS, scores)], [tag('name', 'S'), 0]);
});

/** Every well-formed sequence of a length with its score, by enumeration. */
function allPaths(
  emission: ArrayLike<number>,
  length: number,
  scores: TransitionScores,
): [number[], number][] {
  const paths: [number[], number][] = [];
  const path: number[] = [];
  const extend = (i: number): void => {
    if (i === length) {
      if (wellFormed(path)) paths.push([[...path], pathScore(emission, scores, path)]);
      return;
    }
    for (let t = 0; t < TAG_COUNT; t++) {
      path.push(t);
      if (wellFormedSoFar(path)) extend(i + 1);
      path.pop();
    }
  };
  const wellFormedSoFar = (tags: number[]): boolean =>
    tags.length === 1
      ? TRANSITIONS.canStart[tags[0] as number] === true
      : (TRANSITIONS.allowedBefore[tags[tags.length - 1] as number] as Int32Array).includes(
          tags[tags.length - 2] as number,
        );
  extend(0);
  return paths;
}

test('span probabilities equal the share of all well-formed sequences that carry the span, by enumeration', () => {
  const random = seededRandom(99);
  let checked = 0;
  for (let round = 0; round < 6; round++) {
    const { emission, scores } = randomCase(random, 3, 3, 2);
    const tags = viterbi(emission, 3, TRANSITIONS, scores);
    const spans = TRANSITIONS.tagsToSpans('甲乙丙', tags);
    const paths = allPaths(emission, 3, scores);
    const top = Math.max(...paths.map(([, score]) => score));
    const total = paths.reduce((sum, [, score]) => sum + Math.exp(score - top), 0);
    const got = spanProbabilities(emission, 3, TRANSITIONS, scores, tags, spans);
    spans.forEach((span, index) => {
      const carrying = paths
        .filter(([path]) => path.slice(span.start, span.end).every((t, k) => t === tags[span.start + k]))
        .reduce((sum, [, score]) => sum + Math.exp(score - top), 0);
      assert.ok(
        Math.abs((got[index] as number) - carrying / total) < 1e-9,
        `${got[index]} vs ${carrying / total}`,
      );
      checked++;
    });
  }
  assert.ok(checked > 0);
});
