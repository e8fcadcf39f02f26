/**
 * `#/alerts?since=&severity=&rule=`: the alerts with their evidence (GET /api/alerts), and the watches
 * (GET /api/watches; POST /api/watches and DELETE /api/watches/:id with a bearer token kept in sessionStorage).
 */

import { useEffect, useState } from 'preact/hooks';
import { type Alert, api, call, given, type Severity, type SupplyPath, type Watch } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate, type Route } from '../router.ts';
import { Async, ErrorBox, EventLink, OrgLink, Section, SeverityBadge, useApi } from '../ui.tsx';
import { Evidence } from './chain.tsx';

const SEVERITIES: Severity[] = ['low', 'medium', 'high'];
const TOKEN_KEY = 'liantu.token';

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function keepToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // No storage: the token lasts while the page is open.
  }
}

/**
 * How a supplier's risk reached the watched organization: the chain of organizations (the risk's source first,
 * the watched one last) and, unless compact, each supply link with the sentence that states it.
 */
export function SupplyChainPath({ path, compact = false }: { path: SupplyPath; compact?: boolean }) {
  const { t, lang } = useI18n();
  const first = path[0];
  if (!first) return null;
  const chain = [first.supplier, ...path.map((link) => link.customer)];
  return (
    <div class="supply-path" data-path={path.length}>
      {!compact && <p class="muted small">{t('viaSupplyChainHint')}</p>}
      <ol class="path-chain">
        {chain.map((org, index) => {
          const role = index === 0 ? 'source' : index === chain.length - 1 ? 'watched' : '';
          return (
            <li key={`${index}-${org.id}`} data-path-org={org.id}>
              {index > 0 && (
                <span class="path-arrow">
                  <span aria-hidden="true">→</span>
                  <span class="visually-hidden">{t('suppliesTo')}</span>
                </span>
              )}
              <span class={`path-org ${role}`}>
                <OrgLink id={org.id} name={org.name} />
                {role && <span class="muted small">{t(role === 'source' ? 'riskSource' : 'watched')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {!compact && (
        <ol class="path-links">
          {path.map((link) => (
            <li key={`${link.supplier.id}-${link.customer.id}`} data-path-link>
              <strong>
                {link.supplier.name} {t('suppliesTo')} {link.customer.name}
              </strong>
              {link.evidence && (
                <span class="quote">
                  {lang === 'zh' ? '：' : ': '}
                  {link.evidence}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function AlertList({ alerts, compact = false }: { alerts: Alert[]; compact?: boolean }) {
  const { t } = useI18n();
  if (alerts.length === 0) return <p class="muted">{t('noAlerts')}</p>;
  return (
    <ul class="alerts">
      {alerts.map((alert) => (
        <li key={alert.id} class={`alert sev-${alert.severity}`} data-alert={alert.id}>
          <div class="alert-head">
            <SeverityBadge severity={alert.severity} />
            {alert.path && alert.path.length > 0 && (
              <span class="badge path-badge" data-via="supply-chain">
                {t('viaSupplyChain')}
              </span>
            )}
            <span class="alert-message">
              {alert.eventId !== null && alert.eventId !== undefined ? (
                <EventLink id={alert.eventId}>{alert.message}</EventLink>
              ) : (
                alert.message
              )}
            </span>
          </div>
          <div class="muted small">
            {alert.date ?? '—'} · {t('rule')} <code>{alert.rule}</code>
            {alert.subject && (
              <>
                {' '}
                · {t('subject')} <OrgLink id={alert.subject.id} name={alert.subject.name} />
              </>
            )}
          </div>
          {alert.path && alert.path.length > 0 && <SupplyChainPath path={alert.path} compact={compact} />}
          {!compact && <Evidence items={alert.evidence ?? []} />}
        </li>
      ))}
    </ul>
  );
}

function Watches() {
  const { t, severity: severityLabel } = useI18n();
  const watches = useApi(api.watches);
  const [token, setToken] = useState(readToken);
  const [form, setForm] = useState<{
    kind: Watch['kind'];
    value: string;
    minSeverity: Severity;
    note: string;
  }>({
    kind: 'entity',
    value: '',
    minSeverity: 'medium',
    note: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState('');
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await work();
      setMessage(t('saved'));
      watches.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  const kinds: { value: Watch['kind']; label: string }[] = [
    { value: 'entity', label: t('kindEntity') },
    { value: 'segment', label: t('kindSegment') },
    { value: 'region', label: t('kindRegion') },
  ];
  return (
    <Section id="watches" title={t('watches')}>
      <div class="token">
        <label>
          {t('token')}
          <input
            id="watch-token"
            type="password"
            autoComplete="off"
            value={token}
            onInput={(event) => {
              setToken(event.currentTarget.value);
              keepToken(event.currentTarget.value);
            }}
          />
        </label>
        <p class="muted small">{t('tokenHint')}</p>
      </div>
      <Async state={watches}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="muted">{t('noWatches')}</p>
          ) : (
            <table class="watches">
              <thead>
                <tr>
                  <th>{t('kind')}</th>
                  <th>{t('value')}</th>
                  <th>{t('minSeverity')}</th>
                  <th>{t('note')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.items.map((watch) => (
                  <tr key={watch.id} data-watch={watch.id}>
                    <td>{kinds.find((kind) => kind.value === watch.kind)?.label ?? watch.kind}</td>
                    <td>{watch.value}</td>
                    <td>{severityLabel(watch.minSeverity)}</td>
                    <td>{watch.note ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy}
                        onClick={() =>
                          act(() =>
                            call(api.watches[':id'].$delete, { param: { id: String(watch.id) } }, { token }),
                          )
                        }
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Async>
      <form
        class="filters watch-form"
        onSubmit={(event) => {
          event.preventDefault();
          const body = {
            kind: form.kind,
            value: form.value.trim(),
            minSeverity: form.minSeverity,
            ...(form.note.trim() ? { note: form.note.trim() } : {}),
          };
          act(async () => {
            await call(api.watches.$post, { json: body }, { token });
            setForm({ ...form, value: '', note: '' });
          });
        }}
      >
        <label>
          {t('kind')}
          <select
            id="watch-kind"
            value={form.kind}
            onChange={(event) => setForm({ ...form, kind: event.currentTarget.value as Watch['kind'] })}
          >
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('value')}
          <input
            id="watch-value"
            type="text"
            required
            value={form.value}
            onInput={(event) => setForm({ ...form, value: event.currentTarget.value })}
          />
        </label>
        <label>
          {t('minSeverity')}
          <select
            id="watch-severity"
            value={form.minSeverity}
            onChange={(event) => setForm({ ...form, minSeverity: event.currentTarget.value as Severity })}
          >
            {SEVERITIES.map((level) => (
              <option key={level} value={level}>
                {severityLabel(level)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('note')}
          <input
            id="watch-note"
            type="text"
            value={form.note}
            onInput={(event) => setForm({ ...form, note: event.currentTarget.value })}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('add')}
        </button>
      </form>
      {error && <ErrorBox error={error} />}
      {message && !error && (
        <p class="ok" role="status">
          {message}
        </p>
      )}
    </Section>
  );
}

export function AlertsPage({ route }: { route: Route }) {
  const { t, severity: severityLabel } = useI18n();
  const applied = {
    since: route.query.get('since') ?? '',
    severity: route.query.get('severity') ?? '',
    rule: route.query.get('rule') ?? '',
  };
  const key = JSON.stringify(applied);
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [key]);
  const alerts = useApi(api.alerts, { query: given(applied) });
  return (
    <div data-page="alerts">
      <h1 id="alerts-title">{t('alertsTitle')}</h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href('/alerts', draft));
        }}
      >
        <label>
          {t('since')}
          <input
            id="alerts-since"
            type="date"
            value={draft.since}
            onInput={(event) => setDraft({ ...draft, since: event.currentTarget.value })}
          />
        </label>
        <label>
          {t('severity')}
          <select
            id="alerts-severity"
            value={draft.severity}
            onChange={(event) => setDraft({ ...draft, severity: event.currentTarget.value })}
          >
            <option value="">{t('anySeverity')}</option>
            {SEVERITIES.map((level) => (
              <option key={level} value={level}>
                ≥ {severityLabel(level)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rule')}
          <input
            id="alerts-rule"
            type="text"
            value={draft.rule}
            onInput={(event) => setDraft({ ...draft, rule: event.currentTarget.value })}
          />
        </label>
        <button type="submit">{t('filter')}</button>
        <button type="button" class="secondary" onClick={() => navigate('#/alerts')}>
          {t('reset')}
        </button>
      </form>
      <div class="columns wide-left">
        <Section id="alert-list" title={t('alerts')}>
          <Async state={alerts}>{(data) => <AlertList alerts={data.items} />}</Async>
        </Section>
        <Watches />
      </div>
    </div>
  );
}
