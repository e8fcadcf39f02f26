/** Hash routing: `#/events/12`, `#/graph?entity=3`. */

import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path's parts: `#/events/12` → ['events', '12']. */
  parts: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const mark = raw.indexOf('?');
  const path = mark >= 0 ? raw.slice(0, mark) : raw;
  const query = new URLSearchParams(mark >= 0 ? raw.slice(mark + 1) : '');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return { parts, query };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseHash(hash);
}

/** `#/path?query` with the empty parameters left out. */
export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(target: string): void {
  if (location.hash !== target) location.hash = target;
}
