import { availableParallelism } from 'node:os';
import { expandInputs, readFile } from '../read/index.js';
import type { ReadFailure, ReadOptions, SourceDoc } from '../read/types.js';
import type { Store } from '../store/store.js';
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
  read?: ReadOptions;
  /** Worker threads for cleaning; `auto` uses none for small inputs and one per core for large ones. */
  workers?: number | 'auto';
  /** Documents being prepared at once; bounds memory on huge inputs. */
  inFlight?: number;
  command?: string;
  onProgress?: (progress: IngestProgress) => void;
  onFailure?: (failure: ReadFailure) => void;
}

/** Reads, prepares and stores every document under `inputs`; a failure is counted and reported, never fatal. */
export async function ingest(
  inputs: readonly string[],
  store: Store,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const runId = store.startRun(options.command ?? 'ingest', inputs);
  const failures: ReadFailure[] = [];
  const counts = { ingested: 0, duplicates: 0, failed: 0, nearDuplicates: 0 };
  const { files, failures: inputFailures } = await expandInputs([...inputs]);
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
  const preparer = workerPreparer(workers);
  const report = (): void => options.onProgress?.({ ...progress, ...counts });

  const fail = (failure: ReadFailure): void => {
    counts.failed++;
    failures.push(failure);
    store.recordFailure(runId, failure);
    options.onFailure?.(failure);
  };
  const duplicateOf = (doc: { hash: string; uri: string }): boolean => {
    const existing = store.findByHash(doc.hash);
    if (existing === null) return false;
    store.addSource(existing, doc.uri, runId);
    counts.duplicates++;
    return true;
  };

  const queue: { doc: SourceDoc; result: Promise<Prepared> }[] = [];
  const commit = async (item: { doc: SourceDoc; result: Promise<Prepared> }): Promise<void> => {
    const result = await item.result;
    if (!result.ok) {
      fail({ uri: item.doc.uri, reason: `cannot clean: ${result.reason}` });
      return;
    }
    if (duplicateOf(item.doc)) return;
    const outcome = store.insertDocument(result.prepared, runId);
    counts.ingested++;
    if (outcome.nearDuplicateOf !== null) counts.nearDuplicates++;
  };

  for (const failure of inputFailures) fail(failure);
  const limit = Math.max(1, options.inFlight ?? 16 * Math.max(1, workers));
  try {
    for (const file of files) {
      for await (const read of readFile(file, options.read)) {
        if (!read.ok) {
          fail(read.failure);
          continue;
        }
        if (duplicateOf(read.doc)) continue;
        queue.push({ doc: read.doc, result: preparer.prepare(read.doc) });
        while (queue.length >= limit) await commit(queue.shift() as (typeof queue)[number]);
      }
      progress.filesDone++;
      progress.bytesDone += file.size;
      report();
    }
    while (queue.length > 0) await commit(queue.shift() as (typeof queue)[number]);
  } finally {
    await preparer.close();
  }

  store.finishRun(runId, counts);
  return {
    runId,
    ...counts,
    failures,
    bytes: progress.bytesTotal,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Below this much input, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

export function chooseWorkers(requested: number | 'auto', totalBytes: number): number {
  if (requested !== 'auto') return Math.max(0, Math.floor(requested));
  return totalBytes < WORKER_THRESHOLD_BYTES ? 0 : Math.min(4, availableParallelism());
}
