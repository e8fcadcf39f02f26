/** Shared pieces: loading from the API, loading and error states, links, pagination. */

import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Args, call, type Endpoint, type Ok } from './api.ts';
import { useI18n } from './i18n.ts';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/** An endpoint's arguments, which may be left out when the route takes none that are required. */
type ArgsOf<E extends Endpoint> =
  Partial<Args<E['$get']>> extends Args<E['$get']> ? [args?: Args<E['$get']>] : [args: Args<E['$get']>];

/**
 * GETs an endpoint of the client (`useApi(api.events, { query })`; null: nothing yet) and again whenever its
 * path (with the query) changes; the latest answer wins.
 */
export function useApi<E extends Endpoint>(endpoint: E | null, ...[args]: ArgsOf<E>): Loaded<Ok<E['$get']>> {
  type T = Ok<E['$get']>;
  const path = endpoint ? endpoint.$path(args as never) : null;
  // The path says all that is asked; the endpoint and its arguments of the latest render make the call.
  const latest = useRef({ endpoint, args });
  latest.current = { endpoint, args };
  const [state, setState] = useState<{ path: string | null; data: T | null; error: Error | null }>({
    path: null,
    data: null,
    error: null,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const { endpoint, args } = latest.current;
    if (path === null || endpoint === null) return;
    const controller = new AbortController();
    setState((old) => (old.path === path ? { ...old, error: null } : { path, data: null, error: null }));
    call(endpoint.$get, (args ?? {}) as never, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ path, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ path, data: null, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [path, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const current = state.path === path;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: path !== null && (!current || (state.data === null && state.error === null)),
    reload,
  };
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div class="error" role="alert">
      <strong>{t('error')}</strong>: {error.message}
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>
              {issue.field ? <code>{issue.field}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Renders the loaded data, or the loading or error state in its place. */
export function Async<T>({
  state,
  children,
}: {
  state: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) {
  if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} />;
  if (state.data === null) return <Loading />;
  return <>{children(state.data)}</>;
}

export function OrgLink({ id, name }: { id: number | string | null | undefined; name: string }) {
  if (id === null || id === undefined || id === '') return <span>{name}</span>;
  return <a href={`#/org/${encodeURIComponent(String(id))}`}>{name}</a>;
}

export function EventLink({ id, children }: { id: number | string; children: ComponentChildren }) {
  return <a href={`#/events/${encodeURIComponent(String(id))}`}>{children}</a>;
}

export function SeverityBadge({ severity }: { severity: string | null }) {
  const { severity: label } = useI18n();
  if (!severity) return null;
  return <span class={`badge sev-${severity}`}>{label(severity)}</span>;
}

export function Pager({
  offset,
  limit,
  total,
  count,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number | undefined;
  count: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useI18n();
  const page = Math.floor(offset / limit) + 1;
  const known = total ?? offset + count + (count === limit ? 1 : 0);
  const pages = Math.max(1, Math.ceil(known / limit));
  const hasNext = total === undefined ? count === limit : offset + limit < total;
  return (
    <nav class="pager" aria-label="pagination">
      <button type="button" disabled={offset <= 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t('previous')}
      </button>
      <span>{t('pageOf', { page, pages: total === undefined ? '?' : pages, total: total ?? '?' })}</span>
      <button type="button" disabled={!hasNext} onClick={() => onPage(offset + limit)}>
        {t('next')}
      </button>
    </nav>
  );
}

/** A titled section whose heading has a stable id for links and tests. */
export function Section({
  id,
  title,
  children,
  extra,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
  extra?: ComponentChildren;
}) {
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <h2 id={id}>{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function place(province: string | null | undefined, city: string | null | undefined): string {
  const parts = [province, city].filter((part): part is string => Boolean(part));
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.join(' ') || '—';
}
