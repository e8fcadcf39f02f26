/** The HTTP API of `liantu serve` as the dashboard reads it: JSON under /api, errors as { error, issues }. */

import type { ChainCount } from '../../src/analyze/coverage.ts';
import type { Alert, Diagnosis, FindingEvidence, Severity } from '../../src/analyze/types.ts';

export type { Alert, Diagnosis, FindingEvidence, Severity };

export interface Ref {
  id: number | string;
  name: string;
}

export interface MergedEvent {
  id: number;
  type: string;
  date: string | null;
  location: string | null;
  parties: Ref[];
  people: { id: number | string; name: string; title: string | null; role: string }[];
  domains: string[];
  sources: string[];
  reports: { eventId: number; documentId: number; title: string | null; uri: string | null }[];
  evidence: { documentId: number; start: number; end: number; text: string }[];
  severity: Severity | null;
}

export interface Stats {
  documents: number;
  events: number;
  organizations: number;
  people: number;
  alerts: number;
  byMonth: { month: string; type: string; events: number }[];
  latestEvents: MergedEvent[];
  activeAlerts: Alert[];
}

export interface Page<T> {
  total?: number;
  items: T[];
}

export interface StoredDocument {
  id: number;
  title: string | null;
  published: string | null;
  uri: string | null;
  sourceUris: string[];
  cleanText: string;
  removed: { kind: string; start: number; end: number }[];
}

export interface EntityRow {
  id: number | string;
  kind: string;
  name: string;
  type: string | null;
  province: string | null;
  city: string | null;
  segments: { node: string; score: number }[];
  documents: number;
  degree: number;
}

export interface EntityProfile {
  id: number | string;
  kind: string;
  name: string;
  type: string | null;
  title?: string | null;
  org?: string | Ref | null;
  region: { province: string | null; city: string | null; source: string | null } | null;
  aliases: { name: string; source: string; count: number }[];
  segments: {
    node: string;
    name: string;
    path: string[];
    score: number;
    evidence: { keyword: string; text: string; source: string }[];
  }[];
  metrics: { degree: number; betweenness: number; community: number | null } | null;
  partners: {
    id: number | string;
    name: string;
    events: number;
    types: string[];
    firstDate: string | null;
    lastDate: string | null;
  }[];
  people: { id: number | string; name: string; title: string | null }[];
  events: {
    id: number;
    type: string;
    date: string | null;
    location: string | null;
    parties: string[];
    role: string | null;
    sources: unknown;
    evidence: unknown;
  }[];
  eventCount: number;
}

export interface GraphNode {
  id: string;
  label: string;
  type: string | null;
  province: string | null;
  city: string | null;
  segments: string[];
  degree: number;
  betweenness: number;
  community: number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  types: string[];
  first_date: string | null;
  last_date: string | null;
  sources: unknown;
  events: number[];
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ChainTree {
  region: unknown;
  nodes: ChainCount[];
}

export interface Watch {
  id: number;
  kind: 'entity' | 'segment' | 'region';
  value: string;
  minSeverity: Severity;
  note: string | null;
}

export interface SearchHit {
  id: number;
  title: string | null;
  snippet: string;
  published: string | null;
}

/** A refusal or failure of the API, with the server's own message and its field issues. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `/api/path?…` with the empty and missing parameters left out. */
export function apiPath(
  path: string,
  params: Record<string, string | number | boolean | null | undefined> = {},
) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return `/api/${path}${text ? `?${text}` : ''}`;
}

async function failure(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let issues: { field: string; message: string }[] = [];
  try {
    const body = (await response.json()) as { error?: unknown; issues?: unknown };
    if (typeof body.error === 'string' && body.error) message = `${response.status}: ${body.error}`;
    if (Array.isArray(body.issues)) {
      issues = body.issues
        .filter(
          (issue): issue is { field: unknown; message: unknown } => typeof issue === 'object' && !!issue,
        )
        .map((issue) => ({ field: String(issue.field ?? ''), message: String(issue.message ?? '') }));
    }
  } catch {
    // Not JSON: the status line is all there is.
  }
  return new ApiError(message, response.status, issues);
}

/** Fetches JSON from the API (a path made by apiPath). */
export async function request<T>(
  path: string,
  init: { method?: string; body?: unknown; token?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(`network error: ${error instanceof Error ? error.message : String(error)}`, 0);
  }
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(`${response.status}: the server did not answer with JSON`, response.status);
  }
}

export type { ChainCount };
