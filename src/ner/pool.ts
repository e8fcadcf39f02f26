import type { Worker } from 'node:worker_threads';
import type { Resources } from '../resources/index.js';
import { startModuleWorker } from '../worker-thread.js';
import { type NerSpan, recognize } from './index.js';
import type { TagRequest, TagResponse } from './worker.js';

/** Tags batches of texts, on worker threads or (with no workers) on this one; results come back per batch. */
export interface NerTagger {
  tag(texts: string[]): Promise<NerSpan[][]>;
  close(): Promise<void>;
}

function inlineTagger(resources: Resources, modelPath: string): NerTagger {
  return {
    async tag(texts) {
      const model = resources.nerModelAt(modelPath);
      return texts.map((text) => recognize(model, text));
    },
    async close() {},
  };
}

/**
 * A tagger on `size` worker threads, each loading the model once with the lexicons of the resources' data folder;
 * with size 0 it tags on this thread.
 */
export function nerTagger(size: number, resources: Resources, modelPath: string): NerTagger {
  if (!(size > 0)) return inlineTagger(resources, modelPath);
  const idle: Worker[] = [];
  const pending = new Map<
    number,
    { resolve: (spans: NerSpan[][]) => void; reject: (error: Error) => void }
  >();
  const waiting: TagRequest[] = [];
  const busy = new Map<Worker, number>();
  let nextId = 0;
  let alive = size;
  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop() as Worker;
      const request = waiting.shift() as TagRequest;
      busy.set(worker, request.id);
      worker.postMessage(request);
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = startModuleWorker(import.meta.url, 'worker');
    worker.on('message', (response: TagResponse) => {
      busy.delete(worker);
      idle.push(worker);
      const job = pending.get(response.id);
      pending.delete(response.id);
      if (response.ok) job?.resolve(response.spans);
      else job?.reject(new Error(response.reason));
      dispatch();
    });
    worker.on('error', (error) => {
      const id = busy.get(worker);
      busy.delete(worker);
      alive--;
      if (id !== undefined) {
        pending.get(id)?.reject(new Error(`tagger worker failed: ${error.message}`));
        pending.delete(id);
      }
      // With no worker left, nothing would ever take the waiting batches.
      if (alive === 0) {
        for (const request of waiting.splice(0)) {
          pending.get(request.id)?.reject(new Error(`tagger workers failed: ${error.message}`));
          pending.delete(request.id);
        }
      }
    });
    idle.push(worker);
    return worker;
  });
  return {
    tag(texts) {
      return new Promise((resolve, reject) => {
        if (alive === 0) {
          reject(new Error('tagger workers failed'));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        waiting.push({ id, texts, dataDir: resources.dataDir, modelPath });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
