import { Worker } from 'node:worker_threads';
import type { SourceDoc } from '../read/types.js';
import type { NewDocument } from '../store/types.js';
import { prepareDocument } from './prepare.js';
import type { PrepareRequest, PrepareResponse } from './worker.js';

export type Prepared = { ok: true; prepared: NewDocument } | { ok: false; reason: string };

/** Prepares documents on worker threads (or inline with size 0), one request per idle worker. */
export interface Preparer {
  prepare(doc: SourceDoc): Promise<Prepared>;
  close(): Promise<void>;
}

export function inlinePreparer(): Preparer {
  return {
    async prepare(doc) {
      try {
        return { ok: true, prepared: prepareDocument(doc) };
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
    },
    async close() {},
  };
}

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

export function workerPreparer(size: number): Preparer {
  if (size <= 0) return inlinePreparer();
  const workers = Array.from({ length: size }, () => new Worker(workerUrl));
  const idle = [...workers];
  const waiting: { request: PrepareRequest; resolve: (result: Prepared) => void }[] = [];
  const pending = new Map<number, (result: Prepared) => void>();
  let nextId = 0;
  let failure: Error | null = null;

  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop() as Worker;
      const job = waiting.shift() as (typeof waiting)[number];
      pending.set(job.request.id, job.resolve);
      worker.postMessage(job.request);
    }
  };

  for (const worker of workers) {
    worker.on('message', (response: PrepareResponse) => {
      const resolve = pending.get(response.id);
      pending.delete(response.id);
      idle.push(worker);
      resolve?.(
        response.ok ? { ok: true, prepared: response.prepared } : { ok: false, reason: response.reason },
      );
      dispatch();
    });
    worker.on('error', (error) => {
      failure = error;
      for (const resolve of pending.values())
        resolve({ ok: false, reason: `worker failed: ${error.message}` });
      pending.clear();
    });
  }

  return {
    prepare(doc) {
      if (failure) return Promise.resolve({ ok: false, reason: `worker failed: ${failure.message}` });
      return new Promise((resolve) => {
        waiting.push({ request: { id: nextId++, doc }, resolve });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
