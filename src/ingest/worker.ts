import { parentPort } from 'node:worker_threads';
import { type Processed, processDocument } from '../pipeline/document.js';
import type { SourceDoc } from '../read/types.js';
import { loadResources, type Resources } from '../resources/index.js';

export interface PrepareRequest {
  id: number;
  doc: SourceDoc;
  /** Whether the learned tagger runs in extraction. */
  ner: boolean;
  /** The data folder whose resources the worker loads, once. */
  dataDir: string;
}

export type PrepareResponse = { id: number } & Processed;

const loaded = new Map<string, Resources>();

parentPort?.on('message', (request: PrepareRequest) => {
  let resources = loaded.get(request.dataDir);
  if (!resources) {
    resources = loadResources(request.dataDir);
    loaded.set(request.dataDir, resources);
  }
  parentPort?.postMessage({
    id: request.id,
    ...processDocument(request.doc, resources, { ner: request.ner }),
  });
});
