import type { Alert } from '../domain/alerts.js';
import { type IngestProgress, type IngestSummary, ingest, storeDocument } from '../ingest/run.js';
import { raiseAlerts, rebuildCorpus, updateCorpus, withRun } from '../pipeline/corpus.js';
import { processDocument, reprocessDocument } from '../pipeline/document.js';
import { contentHash } from '../read/hash.js';
import type { BodyFormat, ReadFailure, ReadOptions } from '../read/types.js';
import type { GraphBuild } from '../store/types.js';
import type { ServiceContext } from './context.js';
import { LiantuError } from './errors.js';

export interface IngestFilesOptions {
  read?: ReadOptions;
  workers?: number | 'auto';
  ner?: boolean;
  command?: string;
  /** Whether the graph is resolved again and alerts raised after (on by default; off for bulk loads). */
  resolve?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  onFailure?: (failure: ReadFailure) => void;
  /** Called before the graph is resolved again (to say so: it may take a while). */
  onResolving?: () => void;
  /** A rules file for the alerts raised after (else liantu-alerts.yaml beside the store). */
  rulesPath?: string;
}

export interface CorpusUpdate {
  build: GraphBuild;
  seconds: number;
  alerts: Alert[];
}

/** Files, folders, JSON Lines and WARC ingested; then the graph and the alerts brought up to date. */
export async function ingestFiles(
  context: ServiceContext,
  paths: readonly string[],
  options: IngestFilesOptions = {},
): Promise<{ summary: IngestSummary; corpus: CorpusUpdate | null }> {
  const { store, resources, warn } = context;
  // A new document or a new source of a known one changes entities, merged events and their sources.
  const changed: number[] = [];
  const summary = await ingest(paths, store, {
    ...options,
    resources,
    onChanged: (id) => changed.push(id),
  });
  if (options.resolve === false) return { summary, corpus: null };
  if (changed.length === 0 && (await store.graph.lastBuild())) return { summary, corpus: null };
  options.onResolving?.();
  const alertOptions = {
    runId: summary.runId,
    ...(options.rulesPath ? { rulesPath: options.rulesPath } : {}),
  };
  const corpus = await updateCorpus(store, resources, { documents: changed }, alertOptions, warn);
  return { summary, corpus };
}

export interface Upload {
  text: string;
  format: BodyFormat;
  uri?: string;
  title?: string;
  published?: string;
}

/** One uploaded document stored (or a new source of one stored already), the graph and alerts brought up to date. */
export async function ingestText(
  context: ServiceContext,
  upload: Upload,
): Promise<{ id: number; duplicate: boolean; events: number; alerts: number }> {
  const { store, resources, warn } = context;
  const hash = contentHash(upload.text, upload.title);
  const uri = upload.uri ?? `upload:${hash.slice(0, 16)}`;
  type Stored = { id: number; duplicate: boolean; events: number; alerts: number };
  return withRun<Stored>(store, 'api ingest', [uri], async (runId) => {
    const existing = await store.documents.findByHash(hash);
    if (existing !== null) {
      const added = await store.documents.addSource(existing, uri, runId);
      await updateCorpus(store, resources, { documents: added ? [existing] : [] }, { runId }, warn);
      return {
        result: { id: existing, duplicate: true, events: 0, alerts: 0 },
        counts: { ingested: 0, duplicates: 1, failed: 0 },
      };
    }
    const processed = processDocument(
      {
        uri,
        file: uri,
        format: upload.format,
        container: null,
        encoding: 'utf-8',
        text: upload.text,
        byteLength: Buffer.byteLength(upload.text),
        hash,
        metadata: {
          ...(upload.title ? { title: upload.title } : {}),
          ...(upload.published ? { date: upload.published } : {}),
        },
      },
      resources,
    );
    if (!processed.ok)
      throw new LiantuError(
        'invalid',
        `cannot ${processed.failure.stage}: ${processed.failure.reason}`,
        'text',
      );
    if (processed.document.cleanText.trim() === '')
      throw new LiantuError(
        'invalid',
        'no article text left after cleaning (only markup or boilerplate)',
        'text',
      );
    const outcome = await storeDocument(store, processed.document, runId);
    const update = await updateCorpus(store, resources, { documents: [outcome.id] }, { runId }, warn);
    return {
      result: {
        id: outcome.id,
        duplicate: false,
        events: processed.document.events.length,
        alerts: update?.alerts.length ?? 0,
      },
      counts: { ingested: 1, duplicates: 0, failed: 0 },
    };
  });
}

/** Every stored document extracted again from its clean text (after an upgrade), then the graph and alerts. */
export async function reprocess(
  context: ServiceContext,
  options: {
    ner?: boolean;
    args?: readonly string[];
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<{ documents: number; corpus: CorpusUpdate }> {
  const { store, resources, warn } = context;
  return withRun(store, 'reprocess', options.args ?? [], async (runId) => {
    const ids = await store.documents.ids();
    for (const [index, id] of ids.entries()) {
      const input = await store.documents.extractionInput(id);
      if (input)
        await store.documents.replaceExtraction(
          id,
          reprocessDocument(input, resources, { ner: options.ner }),
        );
      options.onProgress?.(index + 1, ids.length);
    }
    const corpus = await rebuildCorpus(store, resources, { runId }, warn);
    return {
      result: { documents: ids.length, corpus },
      counts: { ingested: ids.length, duplicates: 0, failed: 0 },
    };
  });
}

/** The knowledge graph rebuilt from every stored document (with another alias file, if given), then alerts. */
export async function resolveGraph(
  context: ServiceContext,
  options: { aliasPath?: string; rulesPath?: string; args?: readonly string[] } = {},
): Promise<CorpusUpdate> {
  const { store, resources, warn } = context;
  const { args = [], ...update } = options;
  return withRun(store, 'resolve', args, async (runId) => ({
    result: await rebuildCorpus(store, resources, { runId, ...update }, warn),
    counts: { ingested: 0, duplicates: 0, failed: 0 },
  }));
}

/** The alert rules evaluated again (another rules file, another end of the spike windows): the alerts raised. */
export async function checkAlerts(
  context: ServiceContext,
  options: { rulesPath?: string; now?: string; args?: readonly string[] } = {},
): Promise<{ added: Alert[]; rules: number }> {
  const { store, resources, warn } = context;
  return withRun(store, 'alerts', options.args ?? [], async (runId) => ({
    result: await raiseAlerts(store, resources, { runId, ...options }, warn),
    counts: { ingested: 0, duplicates: 0, failed: 0 },
  }));
}
