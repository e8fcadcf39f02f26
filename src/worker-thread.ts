import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` beside `base` (pass `import.meta.url`): `name.js` from the built
 * package, or `name.ts` from the TypeScript sources (tests, benchmarks), where tsx is registered first.
 */
export function startModuleWorker(base: string, name: string): Worker {
  const fromSource = base.endsWith('.ts');
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, base);
  if (!fromSource) return new Worker(url);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
