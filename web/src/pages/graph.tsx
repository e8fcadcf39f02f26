/**
 * `#/graph`, `#/graph?entity=ID&depth=2`, `#/graph?segment=&region=&since=`: the network of typed ties
 * (GET /api/graph) drawn with sigma after a fixed number of ForceAtlas2 iterations; node size is degree,
 * colour is community; an edge's colour is its tie type and a directed tie has an arrow; a click opens the
 * organization. Loaded on demand (sigma is most of the bundle).
 */

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { api, type ChainCount, call, chainNodes, type GraphData, given } from '../api.ts';
import { colour } from '../chart.tsx';
import { useI18n } from '../i18n.ts';
import { href, navigate, type Route } from '../router.ts';
import { TIE_ORDER, tieColour, tieRank } from '../ties.ts';
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
  /** sigma's program: `arrow` for a directed tie (source → target), `line` otherwise. */
  type: 'arrow' | 'line';
  /** The tie type drawn, the strongest of the pair's. */
  tie: string;
  /** Every tie type of the pair, strongest first; shown as the edge's label on hover. */
  ties: string[];
  label?: string | null;
  hidden?: boolean;
  zIndex?: number;
}

/** ForceAtlas2 iterations for a graph of n nodes: fewer on large graphs to keep the page responsive. */
function iterationsFor(n: number): number {
  if (n <= 100) return 400;
  if (n <= 1000) return 150;
  return 40;
}

type Edge = GraphData['edges'][number];

/**
 * The ties of each pair of organizations, as one drawn edge: the strongest type (supplies > invests_in >
 * cooperates > hosts > member_of; the heavier tie between two of a type), arrowed from its source when it is
 * directed and not matched by the same type the other way.
 */
export function pairEdges(edges: readonly Edge[]): {
  source: string;
  target: string;
  tie: string;
  ties: string[];
  directed: boolean;
  weight: number;
}[] {
  const pairs = new Map<string, Edge[]>();
  for (const edge of edges) {
    const source = String(edge.source);
    const target = String(edge.target);
    if (source === target) continue;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = pairs.get(key);
    if (list) list.push(edge);
    else pairs.set(key, [edge]);
  }
  return [...pairs.values()].map((ties) => {
    const sorted = [...ties].sort(
      (a, b) => tieRank(a.type) - tieRank(b.type) || (b.weight ?? 1) - (a.weight ?? 1),
    );
    const best = sorted[0] as Edge;
    const mutual = ties.some((tie) => tie.type === best.type && String(tie.source) === String(best.target));
    return {
      source: String(best.source),
      target: String(best.target),
      tie: best.type,
      ties: [...new Set(sorted.map((tie) => tie.type))],
      directed: best.directed && !mutual,
      weight: ties.reduce((sum, tie) => sum + (tie.weight ?? 1), 0),
    };
  });
}

/**
 * The graphology graph of an API answer, laid out (ForceAtlas2, or the circle it starts from if that fails),
 * the centre (if any) labelled and highlighted; one edge per pair, coloured by its tie type (see pairEdges).
 */
export function buildGraph(data: GraphData, centre = ''): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'mixed', multi: false });
  const ids = new Set(data.nodes.map((node) => String(node.id)));
  const pairs = pairEdges(data.edges).filter((pair) => ids.has(pair.source) && ids.has(pair.target));
  // A node's size is its degree: the network's (business ties), or the organizations drawn tied to it when
  // that is more (a government or an alliance has no business ties, yet may tie many here).
  const drawn = new Map<string, number>();
  for (const pair of pairs)
    for (const end of [pair.source, pair.target]) drawn.set(end, (drawn.get(end) ?? 0) + 1);
  const degreeOf = (node: GraphData['nodes'][number]) =>
    Math.max(node.degree ?? 0, drawn.get(String(node.id)) ?? 0);
  const maxDegree = Math.max(1, ...data.nodes.map(degreeOf));
  const count = Math.max(1, data.nodes.length);
  data.nodes.forEach((node, index) => {
    if (graph.hasNode(String(node.id))) return;
    const angle = (2 * Math.PI * index) / count;
    graph.addNode(String(node.id), {
      label: node.label,
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      size: 3 + 12 * Math.sqrt(degreeOf(node) / maxDegree),
      color: node.community === null || node.community === undefined ? '#94a3b8' : colour(node.community),
      community: node.community ?? null,
      ...(String(node.id) === centre ? { forceLabel: true, highlighted: true } : {}),
    });
  });
  const maxWeight = Math.max(1, ...pairs.map((pair) => pair.weight));
  for (const pair of pairs) {
    const attributes: EdgeAttributes = {
      weight: pair.weight,
      // An arrow head is as wide as its line: directed ties are drawn a little thicker to keep it visible.
      size: (pair.directed ? 1.5 : 0.8) + 3 * (pair.weight / maxWeight),
      color: tieColour(pair.tie),
      type: pair.directed ? 'arrow' : 'line',
      tie: pair.tie,
      ties: pair.ties,
    };
    if (pair.directed) graph.addDirectedEdge(pair.source, pair.target, attributes);
    else graph.addUndirectedEdge(pair.source, pair.target, attributes);
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

/** The tie types with their colours, how a directed one reads, and how many ties of each the graph holds. */
function Legend({ edges }: { edges: readonly Edge[] }) {
  const { t, tieType, tieReading } = useI18n();
  const counts = new Map<string, number>();
  for (const edge of edges) counts.set(edge.type, (counts.get(edge.type) ?? 0) + 1);
  const types = [...TIE_ORDER, ...[...counts.keys()].filter((type) => tieRank(type) === TIE_ORDER.length)];
  return (
    <section class="graph-legend" id="graph-legend" aria-labelledby="graph-legend-title">
      <h2 id="graph-legend-title">{t('legend')}</h2>
      <ul class="plain">
        {types.map((type) => (
          <li key={type} data-tie-type={type} class={counts.get(type) ? '' : 'absent'}>
            <span
              class={`tie-swatch${type === 'cooperates' ? '' : ' directed'}`}
              style={{ color: tieColour(type) }}
            />
            <strong>{tieType(type)}</strong> <span class="muted small">{tieReading(type)}</span>{' '}
            <span class="tie-count" data-count={counts.get(type) ?? 0}>
              {formatNumber(counts.get(type) ?? 0)}
            </span>
          </li>
        ))}
      </ul>
      <p class="muted small">{t('legendNote')}</p>
    </section>
  );
}

function SigmaView({ data, centre }: { data: GraphData; centre: string }) {
  const { t, tieType } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  // The labels follow the language without drawing the graph again: the reducer reads the latest names.
  const names = useRef(tieType);
  names.current = tieType;
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    element.removeAttribute('data-ready');
    let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
    try {
      const graph = buildGraph(data, centre);
      let hovered: string | null = null;
      // The drawn edges, for tests and for whoever inspects the page: how many, and how many arrowed.
      element.setAttribute('data-edges', String(graph.size));
      element.setAttribute('data-arrows', String(graph.directedSize));
      renderer = new Sigma(graph, element, {
        // Edge labels (the pair's tie types) only on the hovered node's edges: see edgeReducer.
        renderEdgeLabels: true,
        edgeLabelFont: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
        edgeLabelSize: 12,
        edgeLabelColor: { color: '#334155' },
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
          if (!hovered) return { ...attributes, label: null };
          return graph.hasExtremity(edge, hovered)
            ? {
                ...attributes,
                size: attributes.size + 1,
                zIndex: 1,
                label: attributes.ties.map(names.current).join(' · '),
                forceLabel: true,
              }
            : { ...attributes, hidden: true, label: null };
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
                    <Legend edges={data.edges} />
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
