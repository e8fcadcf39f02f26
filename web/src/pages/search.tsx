/** `#/search?q=`: full-text search over the stored articles (GET /api/search?q=). */

import { api } from '../api.ts';
import { useI18n } from '../i18n.ts';
import type { Route } from '../router.ts';
import { Async, Section, useApi } from '../ui.tsx';

/** The snippet with the matched words (between 【 and 】) marked, as text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/【([^【】]*)】/);
  return (
    <>{parts.map((part, index) => (index % 2 === 1 ? <mark key={`${index}-${part}`}>{part}</mark> : part))}</>
  );
}

export function SearchPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const query = route.query.get('q')?.trim() ?? '';
  const hits = useApi(query ? api.search : null, { query: { q: query } });
  return (
    <div data-page="search">
      <h1 id="search-title">
        {t('searchResults')}
        {query && <span class="subtitle">{query}</span>}
      </h1>
      {query && (
        <Section id="search-hits" title={t('searchResults')}>
          <Async state={hits}>
            {(data) =>
              data.items.length === 0 ? (
                <p class="muted">{t('noResults')}</p>
              ) : (
                <ul class="hits">
                  {data.items.map((hit) => (
                    <li key={hit.id} data-document={hit.id}>
                      <strong>{hit.title ?? `#${hit.id}`}</strong>{' '}
                      <span class="muted small">{hit.published ?? ''}</span>
                      <p class="snippet">
                        <Snippet text={hit.snippet} />
                      </p>
                    </li>
                  ))}
                </ul>
              )
            }
          </Async>
        </Section>
      )}
    </div>
  );
}
