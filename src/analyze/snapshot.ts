export type * from '../domain/snapshot.js';
