import type { Worker } from 'node:worker_threads';
import type { AnnotateOptions } from '../annotate/index.js';
import type { SourceDoc } from '../read/types.js';
import type { NewDocument } from '../store/types.js';
import { startModuleWorker } from '../worker-thread.js';
import { prepareDocument } from './prepare.js';
import type { PrepareRequest, PrepareResponse } from './worker.js';

export type Prepared = { ok: true; prepared: NewDocument } | { ok: false; reason: string };

/** Prepares documents on worker threads (or inline with size 0), one request per idle worker. */
export interface Preparer {
  prepare(doc: SourceDoc): Promise<Prepared>;
  close(): Promise<void>;
}

export function inlinePreparer(options: AnnotateOptions = { ner: true }): Preparer {
  return {
    async prepare(doc) {
      try {
        return { ok: true, prepared: prepareDocument(doc, options) };
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
    },
    async close() {},
  };
}

/** A worker thread running worker.ts / worker.js. */
function startWorker(): Worker {
  return startModuleWorker(import.meta.url, 'worker');
}

/** Worker restarts allowed before the pool gives up and prepares the rest inline. */
const MAX_RESTARTS = 8;

export function workerPreparer(size: number, options: AnnotateOptions = { ner: true }): Preparer {
  if (!(size > 0)) return inlinePreparer(options);
  const inline = inlinePreparer(options);
  const idle: Worker[] = [];
  const busy = new Map<Worker, { id: number; resolve: (result: Prepared) => void }>();
  const waiting: { request: PrepareRequest; resolve: (result: Prepared) => void }[] = [];
  let nextId = 0;
  let restarts = 0;
  let closing = false;

  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop() as Worker;
      const job = waiting.shift() as (typeof waiting)[number];
      busy.set(worker, { id: job.request.id, resolve: job.resolve });
      worker.postMessage(job.request);
    }
  };

  const spawn = (): void => {
    const worker = startWorker();
    worker.on('message', (response: PrepareResponse) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      job?.resolve(
        response.ok ? { ok: true, prepared: response.prepared } : { ok: false, reason: response.reason },
      );
      dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails only the document it held; a fresh worker takes its place.
      const job = busy.get(worker);
      busy.delete(worker);
      job?.resolve({ ok: false, reason: `worker failed: ${error.message}` });
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (closing) return;
      if (restarts++ < MAX_RESTARTS) spawn();
      else if (idle.length === 0 && busy.size === 0) {
        for (const job of waiting.splice(0)) void inline.prepare(job.request.doc).then(job.resolve);
      }
      dispatch();
    });
    idle.push(worker);
  };
  for (let i = 0; i < size; i++) spawn();

  return {
    prepare(doc) {
      if (restarts > MAX_RESTARTS && idle.length === 0 && busy.size === 0) return inline.prepare(doc);
      return new Promise((resolve) => {
        waiting.push({ request: { id: nextId++, doc, ner: options.ner }, resolve });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
