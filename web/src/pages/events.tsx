/** `#/events`: the events, filtered by type, organization, dates and place, a page at a time (GET /api/events). */

import { useEffect, useState } from 'preact/hooks';
import { api, given, type MergedEvent } from '../api.ts';
import { EVENT_TYPES, useI18n } from '../i18n.ts';
import { href, navigate, type Route } from '../router.ts';
import { Async, EventLink, OrgLink, Pager, SeverityBadge, useApi } from '../ui.tsx';

const LIMIT = 20;
const FILTERS = ['type', 'org', 'since', 'until', 'place'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export function EventTable({ events, compact = false }: { events: MergedEvent[]; compact?: boolean }) {
  const { t, eventType } = useI18n();
  if (events.length === 0) return <p class="muted">{t('noEvents')}</p>;
  return (
    <table class={`events${compact ? ' compact' : ''}`}>
      <thead>
        <tr>
          <th>{t('date')}</th>
          <th>{t('type')}</th>
          <th>{t('parties')}</th>
          {!compact && <th>{t('place')}</th>}
          {!compact && <th>{t('reportsCount')}</th>}
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-event={event.id}>
            <td class="nowrap">
              <EventLink id={event.id}>{event.date ?? '—'}</EventLink>
            </td>
            <td>
              <EventLink id={event.id}>{eventType(event.type)}</EventLink>{' '}
              <SeverityBadge severity={event.severity} />
            </td>
            <td>
              {(event.parties ?? []).map((party, index) => (
                <span key={party.id}>
                  {index > 0 && '、'}
                  <OrgLink id={party.id} name={party.name} />
                </span>
              ))}
            </td>
            {!compact && <td>{event.location ?? '—'}</td>}
            {!compact && <td class="num">{(event.reports ?? []).length}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function readFilters(route: Route): Filters {
  return {
    type: route.query.get('type') ?? '',
    org: route.query.get('org') ?? '',
    since: route.query.get('since') ?? '',
    until: route.query.get('until') ?? '',
    place: route.query.get('place') ?? '',
  };
}

export function EventsPage({ route }: { route: Route }) {
  const { t, eventType } = useI18n();
  const applied = readFilters(route);
  const offset = Math.max(0, Number.parseInt(route.query.get('offset') ?? '0', 10) || 0);
  const [draft, setDraft] = useState<Filters>(applied);
  const key = JSON.stringify(applied);
  useEffect(() => setDraft(readFilters(route)), [key]);
  const events = useApi(api.events, { query: { ...given(applied), limit: LIMIT, offset } });
  const go = (filters: Filters, at: number) => navigate(href('/events', { ...filters, offset: at || null }));
  const field = (name: keyof Filters) => ({
    id: `filter-${name}`,
    name,
    value: draft[name],
    onInput: (event: Event) =>
      setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <div data-page="events">
      <h1 id="events-title">{t('eventsTitle')}</h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          go(draft, 0);
        }}
      >
        <label>
          {t('type')}
          <select
            {...field('type')}
            onChange={(event) => setDraft({ ...draft, type: event.currentTarget.value })}
          >
            <option value="">{t('anyType')}</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {eventType(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('org')}
          <input type="text" {...field('org')} />
        </label>
        <label>
          {t('since')}
          <input type="date" {...field('since')} />
        </label>
        <label>
          {t('until')}
          <input type="date" {...field('until')} />
        </label>
        <label>
          {t('place')}
          <input type="text" {...field('place')} />
        </label>
        <button type="submit">{t('filter')}</button>
        <button type="button" class="secondary" onClick={() => navigate('#/events')}>
          {t('reset')}
        </button>
      </form>
      <Async state={events}>
        {(data) => (
          <section class="card" aria-labelledby="events-list">
            <h2 id="events-list" class="visually-hidden">
              {t('eventsTitle')}
            </h2>
            <EventTable events={data.items} />
            <Pager
              offset={offset}
              limit={LIMIT}
              total={data.total}
              count={data.items.length}
              onPage={(at) => go(applied, at)}
            />
          </section>
        )}
      </Async>
    </div>
  );
}
