import type { Worker } from 'node:worker_threads';
import { type Processed, type ProcessOptions, processDocument } from '../pipeline/document.js';
import type { SourceDoc } from '../read/types.js';
import type { Resources } from '../resources/index.js';
import { startModuleWorker } from '../worker-thread.js';
import type { PrepareRequest, PrepareResponse } from './worker.js';

export type Prepared = Processed;

/** Prepares documents on worker threads (or inline with size 0), one request per idle worker. */
export interface Preparer {
  prepare(doc: SourceDoc): Promise<Prepared>;
  close(): Promise<void>;
}

export function inlinePreparer(resources: Resources, options: ProcessOptions = {}): Preparer {
  return {
    async prepare(doc) {
      return processDocument(doc, resources, options);
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

export function workerPreparer(size: number, resources: Resources, options: ProcessOptions = {}): Preparer {
  if (!(size > 0)) return inlinePreparer(resources, options);
  const inline = inlinePreparer(resources, options);
  const idle: Worker[] = [];
  const busy = new Map<Worker, { id: number; uri: string; resolve: (result: Prepared) => void }>();
  const waiting: { request: PrepareRequest; resolve: (result: Prepared) => void }[] = [];
  let nextId = 0;
  let restarts = 0;
  let closing = false;

  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop() as Worker;
      const job = waiting.shift() as (typeof waiting)[number];
      busy.set(worker, { id: job.request.id, uri: job.request.doc.uri, resolve: job.resolve });
      worker.postMessage(job.request);
    }
  };

  const spawn = (): void => {
    const worker = startWorker();
    worker.on('message', (response: PrepareResponse) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      const { id: _id, ...processed } = response;
      job?.resolve(processed);
      dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails only the document it held; a fresh worker takes its place.
      const job = busy.get(worker);
      busy.delete(worker);
      if (job)
        job.resolve({
          ok: false,
          failure: { uri: job.uri, stage: 'worker', reason: `worker failed: ${error.message}` },
        });
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
        waiting.push({
          request: { id: nextId++, doc, ner: options.ner ?? true, dataDir: resources.dataDir },
          resolve,
        });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
