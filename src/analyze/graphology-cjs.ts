import { createRequire } from 'node:module';

// These graphology libraries are CommonJS whose typings declare an ES default export; loading them with
// require gives the function itself under the types they declare.
const require = createRequire(import.meta.url);

export const louvain =
  require('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;
export const betweennessCentrality =
  require('graphology-metrics/centrality/betweenness.js') as typeof import('graphology-metrics/centrality/betweenness.js').default;
