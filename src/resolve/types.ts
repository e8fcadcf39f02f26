export type * from '../domain/graph.js';
