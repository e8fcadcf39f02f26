import { z } from '@hono/zod-openapi';
import type { ChainCount } from '../analyze/coverage.js';
import type { Diagnosis } from '../analyze/types.js';
import type { Alert } from '../domain/alerts.js';
import { TIE_TYPES, type TieType } from '../domain/graph.js';
import { SEVERITIES } from '../domain/severity.js';

/**
 * Response shapes: what each route answers, checked against the types the service returns (a schema typed
 * `z.ZodType<T>` fails to compile when it drifts from T), described in the OpenAPI document, and read by the
 * dashboard's typed client.
 */

const severity = z.enum(SEVERITIES as ['low', 'medium', 'high']);
const place = { province: z.string().nullable(), city: z.string().nullable() };
const ref = z.object({ id: z.number(), name: z.string() });

export const ErrorBody = z
  .object({
    error: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Error');

const FindingEvidence = z.object({
  kind: z.enum(['event', 'organization']),
  id: z.number(),
  label: z.string(),
  text: z.string(),
});

export const AlertBody: z.ZodType<Alert> = z
  .object({
    id: z.number(),
    rule: z.string(),
    severity,
    message: z.string(),
    eventId: z.number().nullable(),
    subject: ref.nullable(),
    date: z.string().nullable(),
    evidence: z.array(FindingEvidence),
    path: z
      .array(z.object({ supplier: ref, customer: ref, evidence: z.string() }))
      .nullable()
      .openapi({ description: 'how a supplier’s risk reached the watched organization, link by link' }),
    raisedAt: z.string(),
    runId: z.number().nullable(),
  })
  .openapi('Alert');

export const MergedEventBody = z
  .object({
    id: z.number(),
    type: z.string(),
    date: z.string().nullable(),
    location: z.string().nullable(),
    ...place,
    domains: z.array(z.string()),
    parties: z.array(ref),
    people: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        title: z.string().nullable(),
        role: z.string(),
        orgId: z.number().nullable(),
      }),
    ),
    sources: z.array(z.string()),
    reports: z.array(
      z.object({
        eventId: z.number(),
        documentId: z.number(),
        title: z.string().nullable(),
        uri: z.string(),
      }),
    ),
    evidence: z.array(
      z.object({ documentId: z.number(), start: z.number(), end: z.number(), text: z.string() }),
    ),
    severity: severity.nullable(),
  })
  .openapi('MergedEvent');

export const EventsPage = z.object({ total: z.number(), items: z.array(MergedEventBody) });

export const StatsBody = z.object({
  documents: z.number(),
  organizations: z.number(),
  people: z.number(),
  events: z.number(),
  alerts: z.number(),
  byMonth: z.array(z.object({ month: z.string(), type: z.string(), events: z.number() })),
  latestEvents: z.array(MergedEventBody),
  activeAlerts: z.array(AlertBody),
});

const DocumentSummaryBody = z.object({
  id: z.number(),
  uri: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  encoding: z.string(),
  format: z.enum(['text', 'html', 'markdown']),
  clusterId: z.number(),
  clusterSize: z.number(),
  sources: z.number(),
  chars: z.number(),
  ingestedAt: z.string(),
});

export const DocumentsPage = z.object({
  total: z.number(),
  clusters: z.number(),
  items: z.array(DocumentSummaryBody),
});

export const DocumentBody = DocumentSummaryBody.extend({
  hash: z.string(),
  file: z.string(),
  container: z.enum(['jsonl', 'warc']).nullable(),
  byteLength: z.number(),
  metadata: z.record(z.string(), z.unknown()),
  author: z.string().nullable(),
  sourceName: z.string().nullable(),
  cleanText: z.string(),
  removed: z.array(z.object({ kind: z.string(), start: z.number(), end: z.number(), text: z.string() })),
  sourceUris: z.array(z.string()),
}).openapi('Document');

export const SearchBody = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      uri: z.string(),
      title: z.string().nullable(),
      published: z.string().nullable(),
      snippet: z.string(),
      match: z.enum(['exact', 'words']),
    }),
  ),
});

const EntityBody = z
  .object({
    id: z.number(),
    kind: z.enum(['org', 'person']),
    name: z.string(),
    type: z.string().nullable(),
    ...place,
    regionSource: z.string().nullable(),
    regionEvidence: z.string().nullable(),
    title: z.string().nullable(),
    orgId: z.number().nullable(),
    orgName: z.string().nullable(),
    mentions: z.number(),
    documents: z.number(),
    degree: z.number(),
    betweenness: z.number(),
    community: z.number().nullable(),
    segments: z.array(z.object({ node: z.string(), score: z.number() })),
  })
  .openapi('Entity');

export const EntitiesBody = z.object({ items: z.array(EntityBody) });

export const ProfileBody = z
  .object({
    id: z.number(),
    kind: z.enum(['org', 'person']),
    name: z.string(),
    type: z.string().nullable(),
    title: z.string().nullable().optional(),
    org: ref.extend({ name: z.string().nullable() }).nullable().optional(),
    region: z
      .object({
        ...place,
        province: z.string(),
        source: z.string().nullable(),
        evidence: z.string().nullable(),
      })
      .nullable(),
    aliases: z.array(z.object({ name: z.string(), source: z.string(), count: z.number() })),
    segments: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        path: z.array(z.string()),
        score: z.number(),
        evidence: z.array(z.object({ source: z.string(), keyword: z.string(), text: z.string() })),
      }),
    ),
    metrics: z.object({ degree: z.number(), betweenness: z.number(), community: z.number().nullable() }),
    mentions: z.number(),
    documents: z.number(),
    partners: z.array(
      ref.extend({
        events: z.number(),
        types: z.array(z.string()),
        firstDate: z.string().nullable(),
        lastDate: z.string().nullable(),
      }),
    ),
    ties: z.array(
      z.object({
        id: z.number(),
        type: z.enum(TIE_TYPES as [TieType, ...TieType[]]),
        direction: z.enum(['out', 'in', 'both']),
        other: ref,
        events: z.number(),
        documents: z.number(),
        firstDate: z.string().nullable(),
        lastDate: z.string().nullable(),
        evidence: z.string().nullable(),
      }),
    ),
    eventCount: z.number(),
    people: z.array(ref.extend({ title: z.string().nullable() })),
    events: z.array(
      z.object({
        id: z.number(),
        type: z.string(),
        date: z.string().nullable(),
        location: z.string().nullable(),
        parties: z.array(z.string()),
        role: z.string().nullable(),
        sources: z.number(),
        evidence: z.string().nullable(),
      }),
    ),
  })
  .openapi('Profile');

export const GraphBody = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.string(),
        province: z.string(),
        city: z.string(),
        segments: z.array(z.string()),
        degree: z.number(),
        betweenness: z.number(),
        community: z.number().nullable(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z
          .string()
          .openapi({ description: 'the supplier, investor, member or host of a directed tie' }),
        target: z.string(),
        type: z.string().openapi({ example: 'supplies' }),
        directed: z.boolean(),
        weight: z.number(),
        first_date: z.string().nullable(),
        last_date: z.string().nullable(),
        sources: z.number(),
        events: z.array(z.number()),
      }),
    ),
  })
  .openapi('Network');

/** A chain node; its children are described one level deep (OpenAPI cannot hold the recursion itself). */
const chainNode = {
  id: z.string(),
  name: z.string(),
  en: z.string(),
  entities: z.number(),
  events: z.number(),
  totalEntities: z.number(),
  totalEvents: z.number(),
  organizations: z.array(ref),
};
const ChainNodeBody = z
  .object({ ...chainNode, children: z.array(z.object({ ...chainNode, children: z.array(z.unknown()) })) })
  .openapi('ChainNode') as unknown as z.ZodType<ChainCount>;

export const ChainBody = z.object({
  region: z.object({ province: z.string(), city: z.string().nullable() }).nullable(),
  nodes: z.array(ChainNodeBody),
});

const counts = z.object({ organizations: z.number(), events: z.number(), riskEvents: z.number() });

export const DiagnosisBody: z.ZodType<Diagnosis> = z
  .object({
    region: z.object({ province: z.string(), city: z.string().nullable(), label: z.string() }),
    generatedAt: z.string(),
    totals: z.object({ region: counts, nation: counts }),
    nodes: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        en: z.string(),
        depth: z.number(),
        parent: z.string().nullable(),
        region: counts,
        nation: counts,
        cooperationDensity: z.number(),
        trend: z.array(z.object({ quarter: z.string(), events: z.number() })),
      }),
    ),
    weakLinks: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        status: z.enum(['missing', 'thin']),
        regionOrganizations: z.number(),
        nationOrganizations: z.number(),
        relativeShare: z.number(),
        evidence: z.array(FindingEvidence),
      }),
    ),
    concentration: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        ties: z.number(),
        top: ref.extend({ share: z.number() }).nullable(),
        hhi: z.number(),
      }),
    ),
    singlePoints: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        organization: ref,
        separates: z.array(z.array(z.string())),
        evidence: z.array(FindingEvidence),
      }),
    ),
    partners: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        organization: ref.extend(place),
        score: z.number(),
        evidence: z.array(FindingEvidence),
      }),
    ),
    chokePoints: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        supplier: ref.extend(place),
        customers: z.array(ref.extend({ inRegion: z.boolean() })),
        evidence: z.array(FindingEvidence),
      }),
    ),
    institutions: z.array(
      z.object({
        organization: ref.extend({ type: z.string().nullable() }),
        role: z.enum(['host', 'convener', 'research']),
        tied: z.array(ref),
      }),
    ),
  })
  .openapi('Diagnosis');

export const AlertsBody = z.object({ items: z.array(AlertBody) });

const WatchBody = z
  .object({
    id: z.number(),
    kind: z.enum(['entity', 'segment', 'region']),
    value: z.string(),
    minSeverity: severity,
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Watch');

export const WatchesBody = z.object({ items: z.array(WatchBody) });
export const NewWatchBody = z.object({ watch: WatchBody, alerts: z.number() });
export const RemovedBody = z.object({ removed: z.number() });
export const StoredBody = z.object({
  id: z.number(),
  duplicate: z.boolean(),
  events: z.number(),
  alerts: z.number(),
});
