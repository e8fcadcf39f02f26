import { availableParallelism } from 'node:os';
import { scoreSpans } from '../../ner/evaluate.js';
import { type LabelledSentence, readLabelledFile } from '../../ner/labelled-file.js';
import { MSRA_LABELS, type NerScheme, SCHEME_LABELS, spansIn } from '../../ner/labels.js';
import { nerTagger } from '../../ner/pool.js';
import { scoreTable } from '../../ner/report.js';
import { cliResources } from '../resources-option.js';

/** Sentences sent to a worker at once. */
const BATCH = 256;

/** The scheme a labelled file is in: MSRA's when any of its labels is PER, LOC or ORG. */
function schemeOfLabels(sentences: readonly LabelledSentence[]): NerScheme {
  const msra = new Set<string>(MSRA_LABELS);
  return sentences.some((sentence) => sentence.gold.some((span) => msra.has(span.label)))
    ? 'msra'
    : 'cluener';
}

/**
 * `liantu eval --ner FILE`: tags the sentences of a labelled file with the model of its scheme and prints
 * precision, recall and F1 per label (exact spans), or JSON.
 */
export async function evaluateTagger(
  path: string,
  options: { scheme?: NerScheme; model?: string; format: 'table' | 'json' },
): Promise<void> {
  const sentences: LabelledSentence[] = [];
  let bad = 0;
  for await (const sentence of readLabelledFile(path, (message) => {
    bad++;
    process.stderr.write(`error: ${message}\n`);
  }))
    sentences.push(sentence);
  if (sentences.length === 0) throw new Error(`${path}: no labelled sentence to score`);
  const scheme = options.scheme ?? schemeOfLabels(sentences);
  const resources = cliResources();
  const modelPath = options.model ?? resources.nerModelPath(scheme);
  const model = resources.nerModelAt(modelPath);
  if (model.info.scheme !== scheme)
    throw new Error(`${modelPath} tags the ${model.info.scheme} labels, not those of ${scheme}`);
  const characters = sentences.reduce((sum, sentence) => sum + sentence.text.length, 0);
  const tagger = nerTagger(characters > 200_000 ? availableParallelism() : 0, resources, modelPath);
  const started = performance.now();
  const predicted: Awaited<ReturnType<typeof tagger.tag>> = [];
  try {
    const batches: Promise<Awaited<ReturnType<typeof tagger.tag>>>[] = [];
    for (let at = 0; at < sentences.length; at += BATCH) {
      batches.push(tagger.tag(sentences.slice(at, at + BATCH).map((sentence) => sentence.text)));
    }
    for (const batch of batches) predicted.push(...(await batch));
  } finally {
    await tagger.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const scores = scoreSpans(
    sentences.map((sentence, index) => ({
      gold: spansIn(scheme, sentence.gold),
      predicted: predicted[index] ?? [],
    })),
    SCHEME_LABELS[scheme],
  );
  if (options.format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ file: path, scheme, sentences: sentences.length, ...scores }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${scoreTable(scores, scheme)}\n`);
    process.stdout.write(
      `${sentences.length} sentences (${scheme}), ${characters} characters tagged in ${seconds.toFixed(1)} s\n`,
    );
  }
  if (bad > 0) {
    process.stderr.write(`${bad} line(s) or sentence(s) could not be read and were left out\n`);
    process.exitCode = 1;
  }
}
