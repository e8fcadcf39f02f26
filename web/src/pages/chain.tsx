/**
 * `#/chain?region=浙江`: the chain tree with organization and event counts per node (GET /api/chain?region=),
 * the region's weak links marked in it and listed with their evidence (GET /api/diagnosis?region=), with its
 * partner candidates, single points, choke points (suppliers many customers depend on), concentration, and its
 * governments, alliances and research bodies apart.
 */

import { useEffect, useState } from 'preact/hooks';
import {
  api,
  type ChainCount,
  type ChokePoint,
  chainNodes,
  type Diagnosis,
  given,
  type Institution,
} from '../api.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate, type Route } from '../router.ts';
import { Async, EventLink, formatNumber, type Loaded, OrgLink, place, Section, useApi } from '../ui.tsx';

type WeakLink = Diagnosis['weakLinks'][number];

/** A node with something attached, or a weak link, at it or below. */
function worthShowing(node: ChainCount, weak: Map<string, WeakLink>): boolean {
  return (
    node.totalEntities > 0 ||
    node.totalEvents > 0 ||
    weak.has(node.id) ||
    (node.children ?? []).some((child) => worthShowing(child, weak))
  );
}

function TreeNode({
  node,
  weak,
  nation,
  focus,
  hideEmpty,
  chokes,
}: {
  node: ChainCount;
  weak: Map<string, WeakLink>;
  nation: Map<string, number>;
  focus: string;
  hideEmpty: boolean;
  chokes: Map<string, number>;
}) {
  const { t, lang } = useI18n();
  const choke = chokes.get(node.id) ?? 0;
  const national = nation.get(node.id);
  const link = weak.get(node.id);
  const children = (node.children ?? []).filter((child) => !hideEmpty || worthShowing(child, weak));
  const classes = [
    'chain-node',
    link ? 'weak' : '',
    node.id === focus ? 'focus' : '',
    node.totalEntities ? '' : 'empty',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li class={classes} data-node={node.id} id={`node-${node.id}`}>
      <div class="chain-row">
        <span class="chain-name">
          {lang === 'zh' ? node.name : node.en || node.name}
          {lang === 'zh' && node.en && <span class="muted small"> {node.en}</span>}
        </span>
        <span class="chain-counts">
          {t('chainCounts', {
            orgs: formatNumber(node.totalEntities),
            events: formatNumber(node.totalEvents),
          })}
          {national !== undefined && ` · ${t('nationOrgs', { n: formatNumber(national) })}`}
        </span>
        {link && (
          <span class={`badge weak-badge ${link.status}`} title={t('weakLinks')}>
            {t('weak')} · {t(link.status)}
          </span>
        )}
        {choke > 0 && (
          <span class="badge choke-badge" title={t('chokePoints')}>
            {t('chokeBadge')}
            {choke > 1 ? ` ×${choke}` : ''}
          </span>
        )}
      </div>
      {(node.organizations ?? []).length > 0 && (
        <details class="chain-orgs">
          <summary>
            {t('direct', { orgs: node.entities })}:{' '}
            {node.organizations
              .slice(0, 3)
              .map((org) => org.name)
              .join('、')}
            {node.organizations.length > 3 ? '…' : ''}
          </summary>
          <ul class="chips">
            {node.organizations.map((org) => (
              <li key={org.id}>
                <OrgLink id={org.id} name={org.name} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <TreeNode
              key={child.id}
              node={child}
              weak={weak}
              nation={nation}
              focus={focus}
              hideEmpty={hideEmpty}
              chokes={chokes}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A chain node's name in the language shown: the diagnosis gives each node's English name in its nodes. */
function nodeNamer(diagnosis: Diagnosis, lang: string): (node: string, name: string) => string {
  const english = new Map(diagnosis.nodes.map((node) => [node.node, node.en]));
  return (node, name) => (lang === 'zh' ? name : english.get(node) || name);
}

function WeakLinks({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t, lang } = useI18n();
  const nodeName = nodeNamer(diagnosis, lang);
  return (
    <>
      <Section id="weak-links" title={`${t('weakLinks')} · ${diagnosis.region?.label ?? ''}`}>
        {diagnosis.weakLinks.length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <ul class="findings">
            {diagnosis.weakLinks.map((link) => (
              <li key={link.node} class="weak" data-node={link.node}>
                <a href={`#node-${link.node}`} onClick={(event) => scrollToNode(event, link.node)}>
                  <strong>{nodeName(link.node, link.name)}</strong>
                </a>{' '}
                <span class={`badge weak-badge ${link.status}`}>
                  {t('weak')} · {t(link.status)}
                </span>{' '}
                <span class="muted">
                  {t('regionNation', { region: link.regionOrganizations, nation: link.nationOrganizations })}
                </span>
                <Evidence items={link.evidence} collapsed={link.evidence.length > 4} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {diagnosis.partners.length > 0 && (
        <Section id="partner-candidates" title={t('partnerCandidates')}>
          <ul class="findings">
            {diagnosis.partners.map((partner) => (
              <li key={`${partner.node}-${partner.organization.id}`}>
                <OrgLink id={partner.organization.id} name={partner.organization.name} />{' '}
                <span class="muted">
                  {nodeName(partner.node, partner.name)} ·{' '}
                  {[partner.organization.province, partner.organization.city].filter(Boolean).join(' ')} ·{' '}
                  {t('score')} {formatNumber(partner.score, 2)}
                </span>
                <Evidence items={partner.evidence} collapsed />
              </li>
            ))}
          </ul>
        </Section>
      )}
      {diagnosis.singlePoints.length > 0 && (
        <Section id="single-points" title={t('singlePoints')}>
          <ul class="findings">
            {diagnosis.singlePoints.map((point) => (
              <li key={`${point.node}-${point.organization.id}`}>
                <OrgLink id={point.organization.id} name={point.organization.name} />{' '}
                <span class="muted">{nodeName(point.node, point.name)}</span>
                <details>
                  <summary class="small muted">{t('separates', { n: point.separates.length })}</summary>
                  <ul class="evidence-list">
                    {point.separates.map((group) => (
                      <li key={group.join('|')}>{group.join('、')}</li>
                    ))}
                  </ul>
                </details>
                <Evidence items={point.evidence} collapsed />
              </li>
            ))}
          </ul>
        </Section>
      )}
      {diagnosis.chokePoints.length > 0 && <ChokePoints items={diagnosis.chokePoints} nodeName={nodeName} />}
      {diagnosis.concentration.length > 0 && (
        <Section id="concentration" title={t('concentration')}>
          <table>
            <thead>
              <tr>
                <th>{t('segment')}</th>
                <th>{t('org')}</th>
                <th>HHI</th>
              </tr>
            </thead>
            <tbody>
              {diagnosis.concentration.map((item) => (
                <tr key={item.node}>
                  <td>{nodeName(item.node, item.name)}</td>
                  <td>
                    {item.top ? (
                      <>
                        <OrgLink id={item.top.id} name={item.top.name} /> (
                        {formatNumber(item.top.share * 100, 1)}%)
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td class="num">{formatNumber(item.hhi, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      {diagnosis.institutions.length > 0 && <Institutions items={diagnosis.institutions} />}
    </>
  );
}

/** The facts behind a finding: events (linked, their type translated) and organizations (linked). */
export function Evidence({
  items,
  collapsed = false,
}: {
  items: Diagnosis['weakLinks'][number]['evidence'];
  collapsed?: boolean;
}) {
  const { t, eventType, tieType } = useI18n();
  if (!items || items.length === 0) return null;
  // An event's label starts with its type (`accident 2025-11-03`) or a tie's (`supplies → …`).
  const label = (text: string) => {
    const match = /^([a-z_]+)(\s.*)?$/.exec(text);
    if (!match?.[1]) return text;
    const name = tieType(match[1]) !== match[1] ? tieType(match[1]) : eventType(match[1]);
    return `${name}${match[2] ?? ''}`;
  };
  const list = (
    <ul class="evidence-list">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          {item.kind === 'event' ? (
            <EventLink id={item.id}>{label(item.label)}</EventLink>
          ) : (
            <OrgLink id={item.id} name={item.label} />
          )}
          {item.text && <span class="quote"> {item.text}</span>}
        </li>
      ))}
    </ul>
  );
  if (!collapsed) return list;
  return (
    <details>
      <summary class="small muted">
        {t('evidence')} ({items.length})
      </summary>
      {list}
    </details>
  );
}

function scrollToNode(event: Event, node: string): void {
  event.preventDefault();
  document.getElementById(`node-${node}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

/**
 * The choke points: per chain node, a supplier several customers depend on and those customers (the region's
 * marked). A supplier with the same customers at several nodes is shown once, with its nodes.
 */
function ChokePoints({
  items,
  nodeName,
}: {
  items: readonly ChokePoint[];
  nodeName: (node: string, name: string) => string;
}) {
  const { t, lang } = useI18n();
  const groups = new Map<string, { first: ChokePoint; nodes: { node: string; name: string }[] }>();
  for (const item of items) {
    const key = `${item.supplier.id}|${item.customers.map((customer) => customer.id).join(',')}`;
    const group = groups.get(key);
    const node = { node: item.node, name: nodeName(item.node, item.name) };
    if (group) group.nodes.push(node);
    else groups.set(key, { first: item, nodes: [node] });
  }
  return (
    <Section id="choke-points" title={t('chokePoints')}>
      <p class="muted small">{t('chokeHint')}</p>
      <ul class="findings">
        {[...groups.values()].map(({ first, nodes }) => {
          const local = first.customers.filter((customer) => customer.inRegion).length;
          return (
            <li
              key={`${first.supplier.id}-${first.node}`}
              data-choke-supplier={first.supplier.id}
              data-nodes={nodes.map((node) => node.node).join(' ')}
            >
              <div>
                <span class="muted small">{t('supplier')} </span>
                <OrgLink id={first.supplier.id} name={first.supplier.name} />
                {first.supplier.province && (
                  <span class="muted small"> {place(first.supplier.province, first.supplier.city)}</span>
                )}
              </div>
              <div class="small">
                <span class="muted">{t('segment')} </span>
                {nodes.map((node, index) => (
                  <span key={node.node}>
                    {index > 0 && (lang === 'zh' ? '、' : ', ')}
                    <a href={`#node-${node.node}`} onClick={(event) => scrollToNode(event, node.node)}>
                      {node.name}
                    </a>
                  </span>
                ))}
              </div>
              <div class="small">
                <span class="muted">
                  {t('customers')} ({first.customers.length}
                  {local > 0 ? ` · ${t('inRegion')} ${local}` : ''}){' '}
                </span>
                <ul class="chips customers">
                  {first.customers.map((customer) => (
                    <li
                      key={customer.id}
                      class={customer.inRegion ? 'in-region' : ''}
                      data-customer={customer.id}
                      data-in-region={String(customer.inRegion)}
                    >
                      <OrgLink id={customer.id} name={customer.name} />
                      <span class={`badge region-badge${customer.inRegion ? '' : ' out'}`}>
                        {t(customer.inRegion ? 'inRegion' : 'outOfRegion')}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
              <Evidence items={first.evidence} collapsed={first.evidence.length > 2} />
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

const ROLES: { role: Institution['role']; title: 'roleHost' | 'roleConvener' | 'roleResearch' }[] = [
  { role: 'host', title: 'roleHost' },
  { role: 'convener', title: 'roleConvener' },
  { role: 'research', title: 'roleResearch' },
];

/** The region's governments, alliances and research bodies, apart from the companies, with whom each is tied. */
function Institutions({ items }: { items: readonly Institution[] }) {
  const { t, orgType } = useI18n();
  return (
    <Section id="institutions" title={t('institutions')}>
      <p class="muted small">{t('institutionsHint')}</p>
      <div class="findings">
        {ROLES.map(({ role, title }) => {
          const list = items.filter((item) => item.role === role);
          if (list.length === 0) return null;
          return (
            <div key={role} data-role={role}>
              <h3>
                {t(title)} ({list.length})
              </h3>
              <ul class="findings">
                {list.map((item) => (
                  <li key={item.organization.id} data-institution={item.organization.id}>
                    <OrgLink id={item.organization.id} name={item.organization.name} />{' '}
                    <span class="muted small">{orgType(item.organization.type)}</span>
                    {item.tied.length > 0 && (
                      <div class="small">
                        <span class="muted">
                          {t('tied')} ({item.tied.length}){' '}
                        </span>
                        <ul class="chips">
                          {item.tied.map((other) => (
                            <li key={other.id}>
                              <OrgLink id={other.id} name={other.name} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </Section>
  );
}

export function ChainPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const region = route.query.get('region') ?? '';
  const focus = route.query.get('node') ?? '';
  const [draft, setDraft] = useState(region);
  const [hideEmpty, setHideEmpty] = useState(true);
  useEffect(() => setDraft(region), [region]);
  const chain = useApi(api.chain, { query: given({ region }) });
  const diagnosis: Loaded<Diagnosis> = useApi(region ? api.diagnosis : null, { query: { region } });
  const weak = new Map((diagnosis.data?.weakLinks ?? []).map((link) => [link.node, link]));
  const nation = new Map((diagnosis.data?.nodes ?? []).map((node) => [node.node, node.nation.organizations]));
  const chokes = new Map<string, number>();
  for (const choke of diagnosis.data?.chokePoints ?? [])
    chokes.set(choke.node, (chokes.get(choke.node) ?? 0) + 1);
  useEffect(() => {
    if (focus && chain.data) document.getElementById(`node-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus, chain.data]);
  return (
    <div data-page="chain">
      <h1 id="chain-title">
        {t('chainTitle')}
        {region && <span class="subtitle">{region}</span>}
      </h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href('/chain', { region: draft.trim() }));
        }}
      >
        <label>
          {t('regionInput')}
          <input
            id="chain-region"
            type="text"
            value={draft}
            placeholder="浙江"
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('show')}</button>
        <label class="check">
          <input
            type="checkbox"
            checked={hideEmpty}
            onChange={(event) => setHideEmpty(event.currentTarget.checked)}
          />
          {t('hideEmpty')}
        </label>
      </form>
      {!region && <p class="muted">{t('weakHint')}</p>}
      <div class="chain-layout">
        <Section id="chain-tree" title={t('chainTitle')}>
          <Async state={chain}>
            {(data) => (
              <ul class="chain-tree">
                {chainNodes(data).map((node) => (
                  <TreeNode
                    key={node.id}
                    node={node}
                    weak={weak}
                    nation={nation}
                    focus={focus}
                    hideEmpty={hideEmpty}
                    chokes={chokes}
                  />
                ))}
              </ul>
            )}
          </Async>
        </Section>
        {region && (
          <div class="chain-side">
            <Async state={diagnosis}>{(data) => <WeakLinks diagnosis={data} />}</Async>
          </div>
        )}
      </div>
    </div>
  );
}
