/**
 * `#/graph`, `#/graph?entity=ID&depth=2`, `#/graph?segment=&region=&since=`: the cooperation network
 * (GET /api/graph) drawn with sigma after a fixed number of ForceAtlas2 iterations; node size is degree,
 * colour is community, and a click opens the organization. Loaded on demand (sigma is most of the bundle).
 */

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { api, type ChainCount, call, chainNodes, type GraphData, given } from '../api.ts';
import { colour } from '../chart.tsx';
import { useI18n } from '../i18n.ts';
import { href, navigate, type Route } from '../router.ts';
import { Async, ErrorBox, formatNumber, OrgLink, place, useApi } from '../ui.tsx';

interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  community: number | null;
  forceLabel?: boolean;
  highlighted?: boolean;
}

interface EdgeAttributes {
  size: number;
  weight: number;
  color: string;
}

/** ForceAtlas2 iterations for a graph of n nodes: fewer on large graphs to keep the page responsive. */
function iterationsFor(n: number): number {
  if (n <= 100) return 400;
  if (n <= 1000) return 150;
  return 40;
}

/**
 * The graphology graph of an API answer, laid out (ForceAtlas2, or the circle it starts from if that fails),
 * the centre (if any) labelled and highlighted.
 */
export function buildGraph(data: GraphData, centre = ''): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false });
  const maxDegree = Math.max(1, ...data.nodes.map((node) => node.degree ?? 0));
  const count = Math.max(1, data.nodes.length);
  data.nodes.forEach((node, index) => {
    if (graph.hasNode(node.id)) return;
    const angle = (2 * Math.PI * index) / count;
    graph.addNode(String(node.id), {
      label: node.label,
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      size: 3 + 12 * Math.sqrt(Math.max(0, node.degree ?? 0) / maxDegree),
      color: node.community === null || node.community === undefined ? '#94a3b8' : colour(node.community),
      community: node.community ?? null,
      ...(String(node.id) === centre ? { forceLabel: true, highlighted: true } : {}),
    });
  });
  const maxWeight = Math.max(1, ...data.edges.map((edge) => edge.weight ?? 1));
  for (const edge of data.edges) {
    const source = String(edge.source);
    const target = String(edge.target);
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const weight = edge.weight ?? 1;
    if (graph.hasEdge(source, target)) {
      graph.updateEdgeAttribute(source, target, 'weight', (old) => (old ?? 0) + weight);
      continue;
    }
    graph.addEdge(source, target, {
      weight,
      size: 0.5 + 3 * (weight / maxWeight),
      color: '#cbd5e1',
    });
  }
  if (graph.order > 1 && graph.size > 0) {
    try {
      forceAtlas2.assign(graph, {
        iterations: iterationsFor(graph.order),
        getEdgeWeight: 'weight',
        settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: graph.order <= 2000, scalingRatio: 20 },
      });
    } catch {
      // The circle stays: still a readable drawing.
    }
  }
  return graph;
}

function SigmaView({ data, centre }: { data: GraphData; centre: string }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    element.removeAttribute('data-ready');
    let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
    try {
      const graph = buildGraph(data, centre);
      let hovered: string | null = null;
      renderer = new Sigma(graph, element, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 6,
        labelFont: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
        zIndex: true,
        nodeReducer: (node, attributes) => {
          if (!hovered || node === hovered || graph.areNeighbors(node, hovered)) {
            return node === hovered ? { ...attributes, highlighted: true, zIndex: 1 } : attributes;
          }
          return {
            ...attributes,
            color: '#e2e8f0',
            label: '',
            zIndex: 0,
            highlighted: false,
            forceLabel: false,
          };
        },
        edgeReducer: (edge, attributes) => {
          if (!hovered) return attributes;
          return graph.hasExtremity(edge, hovered)
            ? { ...attributes, color: '#64748b', zIndex: 1 }
            : { ...attributes, hidden: true };
        },
      });
      const sigma = renderer;
      sigma.on('clickNode', ({ node }) => navigate(`#/org/${encodeURIComponent(node)}`));
      sigma.on('enterNode', ({ node }) => {
        hovered = node;
        element.style.cursor = 'pointer';
        sigma.refresh({ skipIndexation: true });
      });
      sigma.on('leaveNode', () => {
        hovered = null;
        element.style.cursor = '';
        sigma.refresh({ skipIndexation: true });
      });
      // The constructor has drawn the first frame already.
      element.setAttribute('data-ready', 'true');
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      element.setAttribute('data-error', 'true');
    }
    return () => {
      renderer?.kill();
      element.removeAttribute('data-ready');
      element.removeAttribute('data-error');
    };
  }, [data, centre]);
  return (
    <>
      {error && <ErrorBox error={new Error(`${t('renderFailed')}: ${error.message}`)} />}
      <div class="graph-canvas" id="graph-canvas" ref={container} role="img" aria-label={t('graphTitle')} />
    </>
  );
}

function flatten(nodes: readonly ChainCount[], depth = 0, out: { id: string; label: string }[] = []) {
  for (const node of nodes) {
    out.push({ id: node.id, label: `${'\u3000'.repeat(depth)}${node.name}` });
    flatten(node.children ?? [], depth + 1, out);
  }
  return out;
}

const KEYS = ['entity', 'depth', 'segment', 'region', 'since'] as const;
type Filters = Record<(typeof KEYS)[number], string>;

export function GraphPage({ route }: { route: Route }) {
  const { t, orgType } = useI18n();
  const applied: Filters = {
    entity: route.query.get('entity') ?? '',
    depth: route.query.get('depth') ?? '',
    segment: route.query.get('segment') ?? '',
    region: route.query.get('region') ?? '',
    since: route.query.get('since') ?? '',
  };
  const key = JSON.stringify(applied);
  const [draft, setDraft] = useState<Filters>(applied);
  useEffect(() => setDraft(applied), [key]);
  const params = applied.entity ? { ...applied, depth: applied.depth || 2 } : { ...applied, depth: null };
  const graph = useApi(api.graph, { query: given(params) });
  const chain = useApi(api.chain, { query: {} });
  const segments = useMemo(() => flatten(chain.data ? chainNodes(chain.data) : []), [chain.data]);
  const [lookup, setLookup] = useState<Error | null>(null);
  const set = (name: keyof Filters) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <div data-page="graph">
      <h1 id="graph-title">{t('graphTitle')}</h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setLookup(null);
          const name = draft.entity.trim();
          if (!name || /^\d+$/.test(name)) {
            navigate(href('/graph', { ...draft, entity: name }));
            return;
          }
          // A name: the best-matching organization is the centre.
          call(api.entities.$get, { query: { q: name, limit: 1 } }).then(
            (found) => {
              const first = found.items[0];
              if (first) navigate(href('/graph', { ...draft, entity: String(first.id) }));
              else setLookup(new Error(t('noMatch', { name })));
            },
            (failure: unknown) => setLookup(failure instanceof Error ? failure : new Error(String(failure))),
          );
        }}
      >
        <label>
          {t('centre')}
          <input
            id="graph-entity"
            type="text"
            inputMode="numeric"
            value={draft.entity}
            onInput={set('entity')}
          />
        </label>
        <label>
          {t('depth')}
          <select id="graph-depth" value={draft.depth || '2'} onChange={set('depth')}>
            {['1', '2', '3', '4'].map((depth) => (
              <option key={depth} value={depth}>
                {depth}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('segment')}
          <select id="graph-segment" value={draft.segment} onChange={set('segment')}>
            <option value="">{t('anySegment')}</option>
            {draft.segment && !segments.some((segment) => segment.id === draft.segment) && (
              <option value={draft.segment}>{draft.segment}</option>
            )}
            {segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('region')}
          <input
            id="graph-region"
            type="text"
            value={draft.region}
            onInput={set('region')}
            placeholder="浙江"
          />
        </label>
        <label>
          {t('since')}
          <input id="graph-since" type="date" value={draft.since} onInput={set('since')} />
        </label>
        <button type="submit">{t('apply')}</button>
        <button type="button" class="secondary" onClick={() => navigate('#/graph')}>
          {t('reset')}
        </button>
      </form>
      {lookup && <ErrorBox error={lookup} />}
      <Async state={graph}>
        {(data) => {
          const top = [...data.nodes].sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0)).slice(0, 15);
          const centre = applied.entity
            ? data.nodes.find((node) => String(node.id) === applied.entity)
            : undefined;
          return (
            <>
              <p class="muted" id="graph-summary">
                {centre && (
                  <>
                    {t('centreIs')} <OrgLink id={centre.id} name={centre.label} /> ·{' '}
                  </>
                )}
                {t('nodesEdges', { nodes: data.nodes.length, edges: data.edges.length })} · {t('graphHint')}
              </p>
              {data.nodes.length === 0 ? (
                <p class="muted">{t('emptyGraph')}</p>
              ) : (
                <div class="graph-layout">
                  <SigmaView data={data} centre={applied.entity} />
                  <aside class="card graph-side">
                    <h2 id="graph-top">{t('topNodes')}</h2>
                    <ol class="plain">
                      {top.map((node) => (
                        <li key={node.id}>
                          <span
                            class="dot"
                            style={{
                              background: node.community === null ? '#94a3b8' : colour(node.community),
                            }}
                          />
                          <OrgLink id={node.id} name={node.label} />
                          <div class="muted small">
                            {orgType(node.type)} · {place(node.province, node.city)} · {t('degree')}{' '}
                            {formatNumber(node.degree)}
                          </div>
                        </li>
                      ))}
                    </ol>
                  </aside>
                </div>
              )}
            </>
          );
        }}
      </Async>
    </div>
  );
}
