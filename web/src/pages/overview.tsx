/** `#/`: counts, events by month and type, the latest events and the active alerts (GET /api/stats). */

import { useMemo } from 'preact/hooks';
import { api, type Stats } from '../api.ts';
import { BarChart, colour, monthRange, type Series } from '../chart.tsx';
import { EVENT_TYPES, useI18n } from '../i18n.ts';
import { Async, formatNumber, Section, useApi } from '../ui.tsx';
import { AlertList } from './alerts.tsx';
import { EventTable } from './events.tsx';

function Timeline({ byMonth }: { byMonth: Stats['byMonth'] }) {
  const { t, eventType } = useI18n();
  const { labels, series } = useMemo(() => {
    const labels = monthRange(byMonth.map((row) => row.month));
    // Known types in their usual order (each keeps its colour), then any others.
    const seen = new Set(byMonth.map((row) => row.type));
    const order = [...EVENT_TYPES, ...[...seen].filter((type) => !EVENT_TYPES.includes(type))];
    const series: Series[] = order.flatMap((type, index) => {
      if (!seen.has(type)) return [];
      const counts = new Map<string, number>();
      for (const row of byMonth) {
        if (row.type === type) counts.set(row.month, (counts.get(row.month) ?? 0) + row.events);
      }
      return [
        {
          label: eventType(type),
          data: labels.map((month) => counts.get(month) ?? 0),
          color: colour(index),
        },
      ];
    });
    return { labels, series };
  }, [byMonth, eventType]);
  if (labels.length === 0) return <p class="muted">{t('none')}</p>;
  return <BarChart labels={labels} series={series} stacked label={t('timeline')} />;
}

export function OverviewPage() {
  const { t } = useI18n();
  const stats = useApi(api.stats);
  return (
    <div data-page="overview">
      <h1 id="overview-title">{t('overviewTitle')}</h1>
      <Async state={stats}>
        {(data) => (
          <>
            <ul class="counts" id="counts">
              {(
                [
                  ['documents', data.documents, null],
                  ['events', data.events, '#/events'],
                  ['organizations', data.organizations, '#/chain'],
                  ['people', data.people, null],
                  ['alerts', data.alerts, '#/alerts'],
                ] as const
              ).map(([key, value, link]) => (
                <li key={key} class="count" data-count={key}>
                  <span class="count-value">
                    {link ? <a href={link}>{formatNumber(value)}</a> : formatNumber(value)}
                  </span>
                  <span class="count-label">{t(key)}</span>
                </li>
              ))}
            </ul>
            <Section id="timeline" title={t('timeline')}>
              <Timeline byMonth={data.byMonth ?? []} />
            </Section>
            <div class="columns">
              <Section
                id="latest-events"
                title={t('latestEvents')}
                extra={
                  <a class="more" href="#/events">
                    {t('allEvents')} →
                  </a>
                }
              >
                <EventTable events={data.latestEvents ?? []} compact />
              </Section>
              <Section
                id="active-alerts"
                title={t('activeAlerts')}
                extra={
                  <a class="more" href="#/alerts">
                    {t('allAlerts')} →
                  </a>
                }
              >
                <AlertList alerts={data.activeAlerts ?? []} compact />
              </Section>
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
