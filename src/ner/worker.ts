import { parentPort } from 'node:worker_threads';
import { loadNerModel, type NerSpan, recognize } from './index.js';

export interface TagRequest {
  id: number;
  texts: string[];
  modelPath: string;
}

export type TagResponse =
  | { id: number; ok: true; spans: NerSpan[][] }
  | { id: number; ok: false; reason: string };

parentPort?.on('message', (request: TagRequest) => {
  let response: TagResponse;
  try {
    const model = loadNerModel(request.modelPath);
    response = {
      id: request.id,
      ok: true,
      spans: request.texts.map((text) => recognize(text, undefined, model)),
    };
  } catch (error) {
    response = { id: request.id, ok: false, reason: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
