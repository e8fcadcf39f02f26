import { parentPort } from 'node:worker_threads';
import type { SourceDoc } from '../read/types.js';
import { prepareDocument } from './prepare.js';

export interface PrepareRequest {
  id: number;
  doc: SourceDoc;
  /** Whether the learned tagger runs in extraction. */
  ner: boolean;
}

export type PrepareResponse =
  | { id: number; ok: true; prepared: ReturnType<typeof prepareDocument> }
  | { id: number; ok: false; reason: string };

parentPort?.on('message', (request: PrepareRequest) => {
  let response: PrepareResponse;
  try {
    response = { id: request.id, ok: true, prepared: prepareDocument(request.doc, { ner: request.ner }) };
  } catch (error) {
    response = { id: request.id, ok: false, reason: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
