import type { ChainLink } from '../../chain/attach.js';
import type { KnowledgeGraph } from '../../domain/graph.js';
import type { ChainSnapshot, NetworkNode, NetworkTie } from '../../domain/snapshot.js';
import type {
  EntityQuery,
  EntitySummary,
  GraphBuild,
  GraphStore,
  MergedEventQuery,
  MergedEventSummary,
  Partner,
  StoredAlias,
  TieSummary,
} from '../types.js';
import type { SqliteDatabase } from './database.js';
import * as entities from './entity-reads.js';
import { replaceGraph } from './graph-writes.js';
import * as merged from './merged-events.js';
import { chainAttachments, snapshot } from './snapshot.js';
import { partnersOf, tiesOf } from './ties.js';

/** The knowledge graph's tables of a SQLite store. */
export class SqliteGraph implements GraphStore {
  constructor(private readonly db: SqliteDatabase) {}

  async replace(graph: KnowledgeGraph, documents: number, aliasFile: string | null): Promise<void> {
    replaceGraph(this.db, graph, documents, aliasFile);
  }

  async lastBuild(): Promise<GraphBuild | null> {
    return entities.lastBuild(this.db);
  }

  async entity(id: number): Promise<EntitySummary | null> {
    return entities.entity(this.db, id);
  }

  async findEntities(query: {
    normalised: string;
    key?: string;
    kind?: 'org' | 'person';
  }): Promise<EntitySummary[]> {
    return entities.findEntities(this.db, query);
  }

  async listEntities(query?: EntityQuery): Promise<EntitySummary[]> {
    return entities.listEntities(this.db, query);
  }

  async aliases(entityId: number): Promise<StoredAlias[]> {
    return entities.aliases(this.db, entityId);
  }

  async links(subject: 'entity' | 'event', id: number): Promise<ChainLink[]> {
    return entities.links(this.db, subject, id);
  }

  async peopleOf(orgId: number): Promise<EntitySummary[]> {
    return entities.peopleOf(this.db, orgId);
  }

  async countMergedEvents(query?: MergedEventQuery): Promise<number> {
    return merged.countMergedEvents(this.db, query);
  }

  async mergedEvents(query?: MergedEventQuery): Promise<MergedEventSummary[]> {
    return merged.mergedEvents(this.db, query);
  }

  async counts(): Promise<{ organizations: number; people: number; events: number; alerts: number }> {
    return merged.graphCounts(this.db);
  }

  async eventsByMonth(): Promise<{ month: string; type: string; events: number }[]> {
    return merged.eventsByMonth(this.db);
  }

  async countEventsOf(entityId: number): Promise<number> {
    return merged.countEventsOf(this.db, entityId);
  }

  async partners(entityId: number): Promise<Partner[]> {
    return partnersOf(this.db, entityId);
  }

  async network(): Promise<{ nodes: NetworkNode[]; ties: NetworkTie[] }> {
    return merged.network(this.db);
  }

  async ties(entityId: number): Promise<TieSummary[]> {
    return tiesOf(this.db, entityId);
  }

  async snapshot(): Promise<ChainSnapshot> {
    return snapshot(this.db);
  }

  async chainAttachments(
    region: { province: string; city: string | null } | null,
  ): Promise<{ entities: Map<string, number[]>; events: Map<string, number[]> }> {
    return chainAttachments(this.db, region);
  }
}
