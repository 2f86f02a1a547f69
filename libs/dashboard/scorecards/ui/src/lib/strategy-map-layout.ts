import type { KpiStatusName, ProjectStatusName, StrategyMapDto } from '@provdash/shared/contracts';
import type { ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api';

/*
 * The strategy map as a graph, and its layout. Kept apart from the drawing so that a plan builder
 * can lay out a map it edits with the same rules: `strategyMapGraph` turns a map into nodes and
 * edges (pure), `layoutMapGraph` places them with ELK's layered algorithm (pure apart from being
 * asynchronous: ELK answers with a promise).
 */

export type MapNodeKind = 'issue' | 'goal' | 'kpi' | 'strategy' | 'project';
/** `chain`: issue → goal → KPI / strategy → project; `cause`: a goal that drives another. */
export type MapEdgeKind = 'chain' | 'cause';

export interface MapGraphNode {
  id: string;
  kind: MapNodeKind;
  code: string;
  name: string;
  /** The light of a goal (rolled up) or a KPI; `none` for the other kinds. */
  status: KpiStatusName;
  /** A project's own state. */
  projectStatus?: ProjectStatusName;
  /** A goal that contributes to a goal of the plan above (cluster). */
  linkedUp?: boolean;
  /** The KPIs a project serves. */
  kpiIds?: string[];
}

export interface MapGraphEdge {
  id: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
}

export interface MapGraph {
  nodes: MapGraphNode[];
  edges: MapGraphEdge[];
}

export interface Point {
  x: number;
  y: number;
}

export interface PositionedNode extends MapGraphNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PositionedEdge extends MapGraphEdge {
  /** Start, bends and end of the orthogonal route, in drawing coordinates. */
  points: Point[];
}

export interface PositionedMap {
  width: number;
  height: number;
  nodes: PositionedNode[];
  edges: PositionedEdge[];
}

export interface MapGraphOptions {
  lang: 'th' | 'en';
  /** Projects of this fiscal year only (a plan spans five); all when null. */
  fiscalYear: number | null;
  goalStatus: (goalCode: string) => KpiStatusName;
  kpiStatus: (kpiId: string) => KpiStatusName;
}

/** The map's chain as a graph, in plan order (issues, their goals, then KPIs and strategies, projects). */
export function strategyMapGraph(map: StrategyMapDto, o: MapGraphOptions): MapGraph {
  const name = (n: { nameTh: string; nameEn: string }) => (o.lang === 'en' ? n.nameEn : n.nameTh);
  const live = <T extends { retired: boolean; seq?: number }>(xs: T[]) =>
    xs.filter((x) => !x.retired).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const nodes: MapGraphNode[] = [];
  const edges: MapGraphEdge[] = [];
  const chain = (source: string, target: string) =>
    edges.push({ id: `${source}>${target}`, kind: 'chain', source, target });
  const strategyIds = new Map<string, number>();
  for (const issue of live(map.issues)) {
    nodes.push({ id: issue.id, kind: 'issue', code: issue.code, name: name(issue), status: 'none' });
    for (const goal of live(issue.goals)) {
      nodes.push({
        id: goal.id,
        kind: 'goal',
        code: goal.code,
        name: name(goal),
        status: o.goalStatus(goal.code),
        linkedUp: goal.contributesToGoalId !== null,
      });
      chain(issue.id, goal.id);
      for (const kpi of live(goal.kpis)) {
        nodes.push({ id: kpi.id, kind: 'kpi', code: kpi.code, name: name(kpi), status: o.kpiStatus(kpi.id) });
        chain(goal.id, kpi.id);
      }
      for (const strategy of live(goal.strategies)) {
        nodes.push({ id: strategy.id, kind: 'strategy', code: strategy.code, name: name(strategy), status: 'none' });
        strategyIds.set(strategy.id, strategyIds.size);
        chain(goal.id, strategy.id);
      }
    }
  }
  // In the order of their strategies, so each sits beside its own (ELK keeps the model order).
  const projects = (map.projects ?? [])
    .filter(
      (p) =>
        strategyIds.has(p.strategyId) &&
        p.status !== 'cancelled' &&
        (o.fiscalYear === null || p.fiscalYear === o.fiscalYear),
    )
    .sort((a, b) => (strategyIds.get(a.strategyId) ?? 0) - (strategyIds.get(b.strategyId) ?? 0));
  for (const p of projects) {
    nodes.push({
      id: p.id,
      kind: 'project',
      code: p.code,
      name: name(p),
      status: 'none',
      projectStatus: p.status,
      kpiIds: p.kpiIds,
    });
    chain(p.strategyId, p.id);
  }
  const goals = new Set(nodes.filter((n) => n.kind === 'goal').map((n) => n.id));
  for (const l of map.links) {
    if (goals.has(l.causeGoalId) && goals.has(l.effectGoalId)) {
      edges.push({
        id: `${l.causeGoalId}~${l.effectGoalId}`,
        kind: 'cause',
        source: l.causeGoalId,
        target: l.effectGoalId,
      });
    }
  }
  return { nodes, edges };
}

/** Column (layer group) of each kind: the chain reads left to right, KPIs beside the strategies. */
const PARTITION: Record<MapNodeKind, number> = { issue: 0, goal: 1, kpi: 2, strategy: 2, project: 3 };
const HEIGHT: Record<MapNodeKind, number> = { issue: 72, goal: 80, kpi: 64, strategy: 56, project: 52 };

export interface MapLayoutOptions {
  /** Narrower boxes for a phone; the drawing is then panned (and zoomed) inside its frame. */
  narrow: boolean;
}

export function nodeSize(kind: MapNodeKind, narrow: boolean): { width: number; height: number } {
  return { width: narrow ? 184 : 232, height: HEIGHT[kind] + (narrow ? 12 : 0) };
}

type ElkLike = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<ElkLike> | undefined;
let inThreadElk: Promise<ElkLike> | undefined;

/**
 * ELK's engine as a worker script the build copies beside the app (project.json assets): 330 KiB
 * of brotli that a phone then neither parses nor runs on its page thread, and that no screen's own
 * JavaScript carries (the map's screen stays within its budget).
 */
export const ELK_WORKER_URL = '/elk/elk-worker.min.js';
/** A layout the worker has not answered within this long is done in the page's thread instead. */
const WORKER_PATIENCE_MS = 20_000;

/** ELK in the page's own thread (its bundled build): where there is no Worker, or the worker failed. */
function loadInThread(): Promise<ElkLike> {
  inThreadElk ??= import('elkjs/lib/elk.bundled.js').then((m) => {
    const Elk = ((m as { default?: unknown }).default ?? m) as new () => ElkLike;
    return new Elk();
  });
  return inThreadElk;
}

/** ELK through its small API module, the engine in a Web Worker; any failure falls back to the page's thread. */
async function loadInWorker(): Promise<ElkLike> {
  const m = await import('elkjs/lib/elk-api.js');
  const Elk = ((m as { default?: unknown }).default ?? m) as new (options: { workerUrl: string }) => ElkLike;
  let worker: ElkLike | null = new Elk({ workerUrl: ELK_WORKER_URL });
  return {
    async layout(graph: ElkNode): Promise<ElkNode> {
      if (worker) {
        const w = worker;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('ELK worker did not answer')), WORKER_PATIENCE_MS);
        });
        try {
          // The worker gets a copy: the caller's graph stays as it was if it has to be laid out again.
          return await Promise.race([w.layout(structuredClone(graph)), late]);
        } catch {
          worker = null;
        } finally {
          clearTimeout(timer);
        }
      }
      return (await loadInThread()).layout(graph);
    },
  };
}

/** Loaded on first use, into the map's chunk only: in a worker where the browser has them. */
function loadElk(): Promise<ElkLike> {
  elk ??= typeof Worker === 'function' ? loadInWorker().catch(() => loadInThread()) : loadInThread();
  return elk;
}

/** Gap between two cause → effect lanes, and the offsets of the ports on a goal's left edge. */
const LANE_GAP = 9;
const PORT_EIGHTHS = [2, 3, 5, 6, 1, 7];

/**
 * Places the graph: ELK layered, left to right, one column group per kind, the chain's edges
 * routed orthogonally in the gaps between columns and around the boxes (long edges get dummy
 * nodes, so they never run through a box), nodes kept in plan order where crossings allow.
 *
 * The goals' cause → effect arrows are not given to ELK: as edges inside one column they would
 * split the goals over several layers, pull each issue away from its goals (a phone then opened on
 * an empty corner) and bundle long vertical lines across the map. They are drawn afterwards, each in
 * its own vertical lane in a strip opened just left of the goal column, leaving and entering the
 * goals by their left edge.
 */
export async function layoutMapGraph(graph: MapGraph, o: MapLayoutOptions): Promise<PositionedMap> {
  const pad = 16;
  const chainEdges = graph.edges.filter((e) => e.kind === 'chain');
  const causes = graph.edges.filter((e) => e.kind === 'cause');
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.partitioning.activate': 'true',
      // Each issue's chain is its own component: laid out together, they keep the plan's order.
      'elk.separateConnectedComponents': 'false',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // Issues top to bottom in plan order, each one's goals, KPIs and strategies beside it.
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.spacing.nodeNodeBetweenLayers': o.narrow ? '44' : '64',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
      'elk.spacing.nodeNode': '14',
      'elk.spacing.edgeNode': '12',
      'elk.spacing.edgeEdge': '8',
      'elk.padding': `[top=${pad},left=${pad},bottom=${pad},right=${pad}]`,
    },
    children: graph.nodes.map((n) => ({
      id: n.id,
      ...nodeSize(n.kind, o.narrow),
      layoutOptions: { 'elk.partitioning.partition': String(PARTITION[n.kind]) },
    })),
    edges: chainEdges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const placed = await (await loadElk()).layout(root);
  const at = new Map((placed.children ?? []).map((c) => [c.id, c]));
  const routes = new Map(((placed.edges ?? []) as ElkExtendedEdge[]).map((e) => [e.id, e]));
  const r = (v: number) => Math.round(v * 10) / 10;

  // The lanes' strip: everything from the goal column rightwards moves right by its width.
  const goalIds = new Set(graph.nodes.filter((n) => n.kind === 'goal').map((n) => n.id));
  const goalLeft = Math.min(...[...goalIds].map((id) => at.get(id)?.x ?? Infinity));
  const strip = causes.length ? (causes.length + 1) * LANE_GAP : 0;
  const shift = (x: number) => (x >= goalLeft - 0.5 ? x + strip : x);

  const nodes = graph.nodes.map((n) => {
    const c = at.get(n.id);
    return { ...n, x: r(shift(c?.x ?? 0)), y: r(c?.y ?? 0), width: c?.width ?? 0, height: c?.height ?? 0 };
  });
  const chain = chainEdges.map((e) => ({
    ...e,
    points: (routes.get(e.id)?.sections ?? [])
      .flatMap((s, i) => [...(i === 0 ? [s.startPoint] : []), ...(s.bendPoints ?? []), s.endPoint])
      .map((p) => ({ x: r(shift(p.x)), y: r(p.y) })),
  }));
  return {
    width: Math.ceil((placed.width ?? 0) + strip),
    height: Math.ceil(placed.height ?? 0),
    nodes,
    edges: [...chain, ...causeRoutes(causes, nodes, goalLeft + strip)],
  };
}

/**
 * The cause → effect arrows in the lane strip left of the goal column (its right end at `column`):
 * the shortest arrow in the lane nearest the goals, so arrows nest instead of crossing; each goal's
 * arrows get their own ports on its left edge, apart from its middle where the issue's line enters.
 */
function causeRoutes(causes: MapGraphEdge[], nodes: PositionedNode[], column: number): PositionedEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ports = new Map<string, number>();
  const port = (id: string) => {
    const n = byId.get(id);
    const k = ports.get(id) ?? 0;
    ports.set(id, k + 1);
    return n ? n.y + (n.height * PORT_EIGHTHS[k % PORT_EIGHTHS.length]) / 8 : 0;
  };
  const mid = (id: string) => (byId.get(id)?.y ?? 0) + (byId.get(id)?.height ?? 0) / 2;
  const span = (e: MapGraphEdge) => Math.abs(mid(e.source) - mid(e.target));
  const routed = causes
    .filter((e) => byId.has(e.source) && byId.has(e.target))
    .sort((a, b) => span(a) - span(b) || a.id.localeCompare(b.id));
  return routed.map((e, lane) => {
    const x = column - (lane + 1) * LANE_GAP;
    const [from, to] = [port(e.source), port(e.target)];
    const left = (id: string) => byId.get(id)?.x ?? column;
    return {
      ...e,
      points: [
        { x: left(e.source), y: from },
        { x, y: from },
        { x, y: to },
        { x: left(e.target), y: to },
      ].map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 })),
    };
  });
}

/**
 * Where a reader starts: the top-left corner of the first issue and its goals, in drawing
 * coordinates. ELK centres an issue beside its chain, so the drawing's own top-left corner can be
 * empty; a phone shows the map at full size in a small frame and must open here instead.
 */
export function openingPoint(map: PositionedMap): Point {
  const issue = map.nodes.find((n) => n.kind === 'issue');
  if (!issue) return { x: 0, y: 0 };
  const goals = new Set(map.edges.filter((e) => e.kind === 'chain' && e.source === issue.id).map((e) => e.target));
  const first = map.nodes.filter((n) => n.id === issue.id || (n.kind === 'goal' && goals.has(n.id)));
  return { x: Math.min(...first.map((n) => n.x)), y: Math.min(...first.map((n) => n.y)) };
}

/** An SVG path through the route's points. */
export function edgePath(points: Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
}
