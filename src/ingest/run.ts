import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { lookupBands, placeDocument } from '../cluster/placement.js';
import { expandInputs, type InputFile, readFile } from '../read/index.js';
import type { ReadFailure, ReadOptions, ReadResult, SourceDoc } from '../read/types.js';
import type { Resources } from '../resources/index.js';
import type { NewDocument, StoreApi } from '../store/types.js';
import { type Prepared, workerPreparer } from './pool.js';

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  ingested: number;
  duplicates: number;
  failed: number;
}

export interface IngestSummary {
  runId: number;
  ingested: number;
  duplicates: number;
  failed: number;
  /** New documents that joined the cluster of an article already stored (reposts). */
  nearDuplicates: number;
  failures: ReadFailure[];
  bytes: number;
  seconds: number;
}

export interface IngestOptions {
  /** The lexicons, rules and models the documents are prepared with. */
  resources: Resources;
  read?: ReadOptions;
  /** Worker threads for cleaning; `auto` uses none for small inputs and one per core for large ones. */
  workers?: number | 'auto';
  /** Whether the learned tagger runs in extraction (on by default). */
  ner?: boolean;
  /** Documents being prepared at once; bounds memory on huge inputs. */
  inFlight?: number;
  command?: string;
  onProgress?: (progress: IngestProgress) => void;
  onFailure?: (failure: ReadFailure) => void;
  /** Called with each document stored or given a new source: what changed for the corpus loop after. */
  onChanged?: (documentId: number) => void;
}

/** Reads, prepares and stores every document under `inputs`; a failure is counted and reported, never fatal. */
export async function ingest(
  inputs: readonly string[],
  store: StoreApi,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const runId = await store.runs.start(options.command ?? 'ingest', inputs);
  const failures: ReadFailure[] = [];
  const counts = { ingested: 0, duplicates: 0, failed: 0, nearDuplicates: 0 };
  const expanded = await expandInputs([...inputs]);
  const inputFailures = expanded.failures;
  const files = expanded.files.filter((file) => !isStoreFile(file.path, store.location));
  const progress: IngestProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
    ingested: 0,
    duplicates: 0,
    failed: 0,
  };
  const workers = chooseWorkers(options.workers ?? 'auto', progress.bytesTotal);
  const preparer = workerPreparer(workers, options.resources, { ner: options.ner ?? true });
  const report = (): void => options.onProgress?.({ ...progress, ...counts });

  const fail = async (failure: ReadFailure): Promise<void> => {
    counts.failed++;
    failures.push(failure);
    await store.runs.recordFailure(runId, failure);
    options.onFailure?.(failure);
  };
  const duplicateOf = async (doc: { hash: string; uri: string }): Promise<boolean> => {
    const existing = await store.documents.findByHash(doc.hash);
    if (existing === null) return false;
    if (await store.documents.addSource(existing, doc.uri, runId)) options.onChanged?.(existing);
    counts.duplicates++;
    return true;
  };

  const queue: { doc: SourceDoc; result: Promise<Prepared> }[] = [];
  let batched = 0;
  let lastCommit = performance.now();
  const commit = async (item: { doc: SourceDoc; result: Promise<Prepared> }): Promise<void> => {
    const result = await item.result;
    if (!result.ok) {
      await fail({ uri: item.doc.uri, reason: `cannot ${result.failure.stage}: ${result.failure.reason}` });
      return;
    }
    if (result.document.cleanText.trim() === '') {
      await fail({
        uri: item.doc.uri,
        reason: 'no article text left after cleaning (only markup or boilerplate)',
      });
      return;
    }
    if (await duplicateOf(item.doc)) return;
    if (batched === 0) await store.documents.beginBatch();
    const outcome = await storeDocument(store, result.document, runId);
    options.onChanged?.(outcome.id);
    counts.ingested++;
    if (++batched >= BATCH_DOCUMENTS) {
      await store.documents.commitBatch();
      batched = 0;
    }
    if (outcome.nearDuplicateOf !== null) counts.nearDuplicates++;
  };

  for (const failure of inputFailures) await fail(failure);
  const limit = Math.max(1, options.inFlight ?? 128 * Math.max(1, workers));
  try {
    for await (const { file, results } of prefetched(files, options.read)) {
      for await (const read of results) {
        if (!read.ok) {
          await fail(read.failure);
          continue;
        }
        if (await duplicateOf(read.doc)) continue;
        queue.push({ doc: read.doc, result: preparer.prepare(read.doc) });
        while (queue.length >= limit) await commit(queue.shift() as (typeof queue)[number]);
      }
      progress.filesDone++;
      progress.bytesDone += file.size;
      report();
      if (performance.now() - lastCommit > COMMIT_INTERVAL_MS) {
        await store.documents.commitBatch();
        batched = 0;
        lastCommit = performance.now();
      }
    }
    while (queue.length > 0) await commit(queue.shift() as (typeof queue)[number]);
  } finally {
    await store.documents.commitBatch();
    await preparer.close();
  }

  await store.runs.finish(runId, counts);
  return {
    runId,
    ...counts,
    failures,
    bytes: progress.bytesTotal,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Stores a prepared document in the cluster of the article it reposts, if any (`placeDocument`). */
export async function storeDocument(store: StoreApi, document: NewDocument, runId: number | null) {
  const candidates = await store.documents.clusterCandidates(lookupBands(document.signature));
  return store.documents.insert(document, placeDocument(document.signature, candidates), runId);
}

/** Documents per commit, and the longest a commit waits: a crash loses at most this much, which re-ingest redoes. */
const BATCH_DOCUMENTS = 200;
const COMMIT_INTERVAL_MS = 2000;

/** Below this much input, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

export function chooseWorkers(requested: number | 'auto', totalBytes: number): number {
  if (requested !== 'auto') return Math.max(0, Math.floor(requested));
  // The main thread reads and writes the store, which keeps one core busy; cleaning gets the others.
  return totalBytes < WORKER_THRESHOLD_BYTES ? 0 : Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** Small files read ahead, in parallel; larger ones (containers, big pages) are streamed in their turn. */
const PREFETCH_FILES = 16;
const PREFETCH_MAX_BYTES = 1024 * 1024;

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

async function* fromArray(results: Promise<ReadResult[]>): AsyncGenerator<ReadResult> {
  yield* await results;
}

/** The files' read results in input order, with the reading of small files overlapped to hide I/O latency. */
async function* prefetched(
  files: readonly InputFile[],
  options: ReadOptions | undefined,
): AsyncGenerator<{ file: InputFile; results: AsyncIterable<ReadResult> }> {
  const ahead = new Map<number, Promise<ReadResult[]>>();
  const small = (file: InputFile): boolean => file.size > 0 && file.size <= PREFETCH_MAX_BYTES;
  for (let index = 0; index < files.length; index++) {
    for (let next = index; next < Math.min(files.length, index + PREFETCH_FILES); next++) {
      const file = files[next] as InputFile;
      if (!ahead.has(next) && small(file)) ahead.set(next, collect(readFile(file, options)));
    }
    const file = files[index] as InputFile;
    const pending = ahead.get(index);
    ahead.delete(index);
    yield { file, results: pending ? fromArray(pending) : readFile(file, options) };
  }
}

/** The store's own database, journal and WAL files, which a folder being ingested may contain. */
function isStoreFile(path: string, storePath: string): boolean {
  if (storePath === ':memory:' || path === '-') return false;
  const full = resolve(path);
  const store = resolve(storePath);
  return [store, `${store}-wal`, `${store}-shm`, `${store}-journal`].includes(full);
}
