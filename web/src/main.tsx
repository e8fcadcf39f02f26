/** The dashboard's shell: header, language switch, search and the page of the current hash. */

import './style.css';
import type { ComponentType } from 'preact';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { I18nContext, type Lang, makeI18n, storedLang, storeLang, useI18n } from './i18n.ts';
import { AlertsPage } from './pages/alerts.tsx';
import { ChainPage } from './pages/chain.tsx';
import { EventPage } from './pages/event.tsx';
import { EventsPage } from './pages/events.tsx';
import { OrgPage } from './pages/org.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { SearchPage } from './pages/search.tsx';
import { href, navigate, type Route, useRoute } from './router.ts';
import { ErrorBox, Loading } from './ui.tsx';

/** The graph explorer (sigma, graphology, the layout) loads only when it is opened. */
function LazyGraph({ route }: { route: Route }) {
  const [page, setPage] = useState<{ Page: ComponentType<{ route: Route }> } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    import('./pages/graph.tsx').then(
      (module) => setPage({ Page: module.GraphPage }),
      (failure: unknown) => setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
  }, []);
  if (error) {
    return (
      <div data-page="graph">
        <ErrorBox error={error} />
      </div>
    );
  }
  if (!page) {
    return (
      <div data-page="graph">
        <Loading />
      </div>
    );
  }
  return <page.Page route={route} />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div data-page="notfound">
      <h1 id="notfound-title">{t('notFound')}</h1>
      <p>
        <a href="#/">{t('backHome')}</a>
      </p>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  const [first, second] = route.parts;
  switch (first) {
    case undefined:
      return <OverviewPage />;
    case 'events':
      return second === undefined ? <EventsPage route={route} /> : <EventPage id={second} />;
    case 'org':
      return second === undefined ? <NotFound /> : <OrgPage id={second} />;
    case 'graph':
      return <LazyGraph route={route} />;
    case 'chain':
      return <ChainPage route={route} />;
    case 'alerts':
      return <AlertsPage route={route} />;
    case 'search':
      return <SearchPage route={route} />;
    default:
      return <NotFound />;
  }
}

function SearchBox({ initial }: { initial: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState(initial);
  useEffect(() => setQuery(initial), [initial]);
  return (
    <form
      class="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (query.trim()) navigate(href('/search', { q: query.trim() }));
      }}
    >
      <input
        type="search"
        value={query}
        placeholder={t('search')}
        aria-label={t('search')}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
    </form>
  );
}

const NAV = [
  { path: '', key: 'navOverview' },
  { path: 'events', key: 'navEvents' },
  { path: 'graph', key: 'navGraph' },
  { path: 'chain', key: 'navChain' },
  { path: 'alerts', key: 'navAlerts' },
] as const;

function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const route = useRoute();
  const section = route.parts[0] ?? '';
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${i18n.t('appName')} · ${i18n.t('tagline')}`;
  }, [lang, i18n]);
  // A new page starts at the top; a new query of the same page keeps its place.
  const path = route.parts.join('/');
  useEffect(() => {
    document.body.dataset.path = path;
    window.scrollTo(0, 0);
  }, [path]);
  const { t } = i18n;
  return (
    <I18nContext.Provider value={i18n}>
      <header class="top">
        <a class="brand" href="#/">
          <span class="logo">{t('appName')}</span>
          <span class="tagline">{t('tagline')}</span>
        </a>
        <nav class="main-nav">
          {NAV.map((item) => (
            <a
              key={item.path}
              href={`#/${item.path}`}
              class={section === item.path ? 'active' : ''}
              aria-current={section === item.path ? 'page' : undefined}
            >
              {t(item.key)}
            </a>
          ))}
        </nav>
        <SearchBox initial={section === 'search' ? (route.query.get('q') ?? '') : ''} />
        <button
          type="button"
          class="lang"
          onClick={() => {
            const next: Lang = lang === 'zh' ? 'en' : 'zh';
            storeLang(next);
            setLang(next);
          }}
        >
          {t('switchLang')}
        </button>
      </header>
      <main>
        <Page route={route} />
      </main>
    </I18nContext.Provider>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
