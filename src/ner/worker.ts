import { parentPort } from 'node:worker_threads';
import { loadResources, type Resources } from '../resources/index.js';
import { type NerSpan, recognize } from './index.js';

export interface TagRequest {
  id: number;
  texts: string[];
  /** The data folder whose lexicons the model tags with, and the model's file. */
  dataDir: string;
  modelPath: string;
}

export type TagResponse =
  | { id: number; ok: true; spans: NerSpan[][] }
  | { id: number; ok: false; reason: string };

const resources = new Map<string, Resources>();

parentPort?.on('message', (request: TagRequest) => {
  let response: TagResponse;
  try {
    let loaded = resources.get(request.dataDir);
    if (!loaded) {
      loaded = loadResources(request.dataDir);
      resources.set(request.dataDir, loaded);
    }
    const model = loaded.nerModelAt(request.modelPath);
    response = { id: request.id, ok: true, spans: request.texts.map((text) => recognize(model, text)) };
  } catch (error) {
    response = { id: request.id, ok: false, reason: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
