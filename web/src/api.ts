/**
 * The HTTP API of `liantu serve` as the dashboard reads it: JSON under /api, errors as { error, issues }.
 * Calls go through Hono's typed client over the server's own routes (`AppType`), so a path, a parameter or a
 * response field that the server does not have fails `tsc -p web`; the types below are the server's answers.
 */

import {
  type ClientRequestOptions,
  type ClientResponse,
  hc,
  type InferRequestType,
  type InferResponseType,
} from 'hono/client';
import type { AppType } from '../../src/server/app.ts';

/** The typed client: `api.events.$get({ query })`, `api.events[':id'].$get({ param: { id } })`, … */
export const api = hc<AppType>('/').api;

/** A call of the client: what any of its `$get`, `$post`, `$delete` looks like. */
type Call = (
  args: never,
  options?: ClientRequestOptions,
) => Promise<ClientResponse<unknown, number, 'json' | 'text' | 'redirect'>>;

/** A GET endpoint of the client (`api.stats`, `api.events[':id']`): called by `$get`, its path from `$path`. */
export interface Endpoint {
  $get: Call;
  $path: (args?: never) => string;
}

/** What a call is given: `{ query }`, `{ param }`, `{ json }` as the route declares them. */
export type Args<F extends Call> = InferRequestType<F>;

/** What a call answers when it succeeds. */
export type Ok<F extends Call> = InferResponseType<F, 200 | 201>;

export type Stats = Ok<typeof api.stats.$get>;
export type EventsPage = Ok<typeof api.events.$get>;
export type MergedEvent = Ok<(typeof api.events)[':id']['$get']>;
export type StoredDocument = Ok<(typeof api.documents)[':id']['$get']>;
export type SearchHit = Ok<typeof api.search.$get>['items'][number];
export type EntityRow = Ok<typeof api.entities.$get>['items'][number];
export type EntityProfile = Ok<(typeof api.entities)[':id']['$get']>;
export type GraphData = Ok<typeof api.graph.$get>;
export type GraphNode = GraphData['nodes'][number];
export type GraphEdge = GraphData['edges'][number];
export type ChainTree = Ok<typeof api.chain.$get>;
export type Diagnosis = Ok<typeof api.diagnosis.$get>;
export type Alert = Ok<typeof api.alerts.$get>['items'][number];
export type FindingEvidence = Alert['evidence'][number];
export type Severity = Alert['severity'];
export type Watch = Ok<typeof api.watches.$get>['items'][number];
export type Ref = MergedEvent['parties'][number];
/** A typed tie of an organization's profile, seen from it (`out`: it supplies, invests, joins or hosts). */
export type Tie = EntityProfile['ties'][number];
export type TieType = Tie['type'];
/** How a supplier's risk reached a watched organization, link by link (A supplies B, B supplies C). */
export type SupplyPath = NonNullable<Alert['path']>;
export type ChokePoint = Diagnosis['chokePoints'][number];
export type Institution = Diagnosis['institutions'][number];
/** The body of a refusal (400, 401, 403, 404). */
export type ErrorBody = InferResponseType<typeof api.events.$get, 400>;

/**
 * A node of the chain tree. The client's types stop at a recursive type (hono's JSONParsed makes the second
 * level `JSONValue`), so the children are given back the node's own type; every other field is the server's.
 */
export type ChainCount = Omit<ChainTree['nodes'][number], 'children'> & { children: ChainCount[] };

/** The chain tree's top nodes, typed all the way down (see ChainCount). */
export function chainNodes(tree: ChainTree): ChainCount[] {
  return tree.nodes as ChainCount[];
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

/** The parameters that are set: the empty and missing ones left out (the server would take '' as a value). */
export function given<T extends Record<string, string | number | null | undefined>>(
  params: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}

interface Answer {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

async function failure(response: Answer): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let issues: { field: string; message: string }[] = [];
  try {
    const body = JSON.parse(await response.text()) as Partial<Record<keyof ErrorBody, unknown>>;
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

/**
 * Calls the API through the client (`call(api.watches.$post, { json }, { token })`): its JSON answer, or an
 * ApiError with the server's message and field issues (status 0 when the server could not be reached).
 * Aborting (the signal) rejects with the AbortError itself.
 */
export async function call<F extends Call>(
  method: F,
  args: Args<F>,
  init: { token?: string; signal?: AbortSignal } = {},
): Promise<Ok<F>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let response: Answer;
  try {
    response = await method(args as never, { headers, init: { signal: init.signal ?? null } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(`network error: ${error instanceof Error ? error.message : String(error)}`, 0);
  }
  if (!response.ok) throw await failure(response);
  const text = await response.text();
  try {
    return JSON.parse(text) as Ok<F>;
  } catch {
    throw new ApiError(`${response.status}: the server did not answer with JSON`, response.status);
  }
}
