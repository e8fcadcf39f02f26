/** `#/org/:id`: the profile of an organization or person (GET /api/entities/:id). */

import { useMemo } from 'preact/hooks';
import { api, type EntityProfile, type Tie } from '../api.ts';
import { BarChart, colour, monthRange } from '../chart.tsx';
import { type StringKey, useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import { tieColour } from '../ties.ts';
import { Async, EventLink, formatNumber, OrgLink, place, Section, useApi } from '../ui.tsx';

function EventsByMonth({ events }: { events: EntityProfile['events'] }) {
  const { t } = useI18n();
  const { labels, series } = useMemo(() => {
    const counts = new Map<string, number>();
    for (const event of events) {
      const month = event.date?.slice(0, 7);
      if (month && /^\d{4}-\d{2}$/.test(month)) counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    const labels = monthRange([...counts.keys()]);
    return {
      labels,
      series: [{ label: t('events'), data: labels.map((month) => counts.get(month) ?? 0), color: colour(0) }],
    };
  }, [events, t]);
  if (labels.length === 0) return <p class="muted">{t('none')}</p>;
  return <BarChart labels={labels} series={series} label={t('eventsOverTime')} height={180} />;
}

/** The groups of the ties section: which ties each holds, in the order shown (cooperations are the partners'). */
const TIE_GROUPS: { id: string; title: StringKey; type: Tie['type']; direction: Tie['direction'] }[] = [
  { id: 'suppliers', title: 'tieSuppliers', type: 'supplies', direction: 'in' },
  { id: 'customers', title: 'tieCustomers', type: 'supplies', direction: 'out' },
  { id: 'investors', title: 'tieInvestors', type: 'invests_in', direction: 'in' },
  { id: 'investments', title: 'tieInvestments', type: 'invests_in', direction: 'out' },
  { id: 'memberships', title: 'tieMemberships', type: 'member_of', direction: 'out' },
  { id: 'members', title: 'tieMembers', type: 'member_of', direction: 'in' },
  { id: 'hosts', title: 'tieHosts', type: 'hosts', direction: 'in' },
  { id: 'hosted', title: 'tieHosted', type: 'hosts', direction: 'out' },
];

/** Suppliers, customers, investors and investments, memberships and hosts: each tie's other side and evidence. */
function Ties({ ties }: { ties: readonly Tie[] }) {
  const { t } = useI18n();
  const groups = TIE_GROUPS.map((group) => ({
    ...group,
    ties: ties
      .filter((tie) => tie.type === group.type && tie.direction === group.direction)
      .sort(
        (a, b) =>
          b.documents - a.documents ||
          b.events - a.events ||
          (b.lastDate ?? '').localeCompare(a.lastDate ?? ''),
      ),
  })).filter((group) => group.ties.length > 0);
  if (groups.length === 0) return <p class="muted">{t('noTies')}</p>;
  return (
    <div class="tie-groups">
      {groups.map((group) => (
        <div key={group.id} class="tie-group" data-tie-group={group.id}>
          <h3>
            <span class="tie-swatch directed" style={{ color: tieColour(group.type) }} />
            {t(group.title)} <span class="count">({group.ties.length})</span>
          </h3>
          <ul class="plain tie-list">
            {group.ties.map((tie) => (
              <li key={tie.id} data-tie={tie.id} data-other={tie.other.id}>
                <OrgLink id={tie.other.id} name={tie.other.name} />
                <div class="muted small">
                  {t('tieCounts', {
                    events: formatNumber(tie.events),
                    documents: formatNumber(tie.documents),
                  })}
                  {(tie.firstDate || tie.lastDate) && (
                    <>
                      {' · '}
                      {tie.firstDate === tie.lastDate || !tie.lastDate
                        ? tie.firstDate
                        : `${tie.firstDate ?? '—'} – ${tie.lastDate}`}
                    </>
                  )}
                </div>
                {tie.evidence && <q class="quote">{tie.evidence}</q>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function orgOf(org: EntityProfile['org']) {
  if (!org) return null;
  return <OrgLink id={org.id} name={org.name ?? `#${org.id}`} />;
}

function Profile({ data }: { data: EntityProfile }) {
  const { t, eventType, orgType, role, tieType } = useI18n();
  const person = data.kind === 'person';
  const events = [...(data.events ?? [])].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return (
    <>
      {!person && (
        <p class="actions">
          <a class="button" href={href('/graph', { entity: data.id })} id="view-in-graph">
            {t('viewInGraph')}
          </a>
        </p>
      )}
      <dl class="facts">
        <dt>{t('type')}</dt>
        <dd data-field="type">{orgType(person ? 'person' : data.type)}</dd>
        {person && (
          <>
            <dt>{t('title')}</dt>
            <dd>{data.title ?? '—'}</dd>
            <dt>{t('orgOf')}</dt>
            <dd>{orgOf(data.org) ?? '—'}</dd>
          </>
        )}
        <dt>{t('region')}</dt>
        <dd data-field="region">
          {data.region ? place(data.region.province, data.region.city) : '—'}
          {data.region?.source && <span class="muted"> ({data.region.source})</span>}
        </dd>
        <dt>{t('aliases')}</dt>
        <dd data-field="aliases">
          {(data.aliases ?? []).length === 0 ? (
            '—'
          ) : (
            <ul class="chips">
              {data.aliases.map((alias) => (
                <li key={alias.name} title={`${alias.source} · ${alias.count}`}>
                  {alias.name} <span class="muted">×{alias.count}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {data.metrics && (
          <>
            <dt>{t('metrics')}</dt>
            <dd>
              {t('degree')} {formatNumber(data.metrics.degree)} · {t('betweenness')}{' '}
              {formatNumber(data.metrics.betweenness, 3)} · {t('community')} {data.metrics.community ?? '—'}
            </dd>
          </>
        )}
      </dl>
      <Section id="org-segments" title={t('segments')}>
        {(data.segments ?? []).length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('segment')}</th>
                <th>{t('score')}</th>
                <th>{t('keywords')}</th>
              </tr>
            </thead>
            <tbody>
              {data.segments.map((segment) => {
                const keywords = [...new Set((segment.evidence ?? []).map((item) => item.keyword))];
                return (
                  <tr key={segment.node} data-segment={segment.node}>
                    <td>
                      <a href={href('/chain', { node: segment.node })}>
                        {(segment.path ?? [segment.name]).join(' › ')}
                      </a>
                    </td>
                    <td class="num">
                      <span
                        class="score"
                        style={{ '--score': String(Math.min(1, Math.max(0, segment.score))) }}
                      >
                        {formatNumber(segment.score, 2)}
                      </span>
                    </td>
                    <td>
                      <details>
                        <summary>{keywords.join('、') || '—'}</summary>
                        <ul class="evidence-list">
                          {(segment.evidence ?? []).map((item, index) => (
                            <li key={index}>
                              <strong>{item.keyword}</strong> {item.text}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      {!person && (
        <Section id="org-ties" title={t('ties')}>
          <Ties ties={data.ties ?? []} />
        </Section>
      )}
      <div class="columns">
        <Section id="org-partners" title={t('partners')}>
          {(data.partners ?? []).length === 0 ? (
            <p class="muted">{t('none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('org')}</th>
                  <th>{t('partnerEvents')}</th>
                  <th>{t('firstLast')}</th>
                </tr>
              </thead>
              <tbody>
                {data.partners.map((partner) => (
                  <tr key={partner.id}>
                    <td>
                      <OrgLink id={partner.id} name={partner.name} />
                      <div class="muted small">{(partner.types ?? []).map(tieType).join('、')}</div>
                    </td>
                    <td class="num">{partner.events}</td>
                    <td class="nowrap">
                      {partner.firstDate ?? '—'} / {partner.lastDate ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section id="org-people" title={t('people')}>
          {(data.people ?? []).length === 0 ? (
            <p class="muted">{t('none')}</p>
          ) : (
            <ul class="plain">
              {data.people.map((one) => (
                <li key={one.id}>
                  <OrgLink id={one.id} name={one.name} /> <span class="muted">{one.title ?? ''}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section id="org-events" title={`${t('eventsOf')} (${data.eventCount ?? events.length})`}>
        <EventsByMonth events={data.events ?? []} />
        {events.length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <table class="events">
            <thead>
              <tr>
                <th>{t('date')}</th>
                <th>{t('type')}</th>
                <th>{t('role')}</th>
                <th>{t('parties')}</th>
                <th>{t('place')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td class="nowrap">
                    <EventLink id={event.id}>{event.date ?? '—'}</EventLink>
                  </td>
                  <td>
                    <EventLink id={event.id}>{eventType(event.type)}</EventLink>
                    {typeof event.evidence === 'string' && event.evidence && (
                      <div class="muted small quote">{event.evidence}</div>
                    )}
                  </td>
                  <td class="nowrap">{event.role ? role(event.role) : '—'}</td>
                  <td>{(event.parties ?? []).join('、')}</td>
                  <td>{event.location ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

export function OrgPage({ id }: { id: string }) {
  const { t } = useI18n();
  const profile = useApi(api.entities[':id'], { param: { id: encodeURIComponent(id) } });
  const person = profile.data?.kind === 'person';
  return (
    <div data-page="org">
      <h1 id="org-title">
        {profile.data ? profile.data.name : `${person ? t('personTitle') : t('orgTitle')} #${id}`}
        {profile.data && <span class="subtitle">{person ? t('personTitle') : t('orgTitle')}</span>}
      </h1>
      <Async state={profile}>{(data) => <Profile data={data} />}</Async>
    </div>
  );
}
