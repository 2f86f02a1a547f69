import type { StrategyMapDto } from '@provdash/shared/contracts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the fixtures live with the data they imitate
import { fixtureMap } from '@provdash/dashboard/scorecards/data-access';
import { edgePath, layoutMapGraph, openingPoint, PositionedMap, strategyMapGraph } from './strategy-map-layout';

/** The fixture map with a strategy per goal and projects in two fiscal years (one cancelled). */
function fullMap(): StrategyMapDto {
  const issues = fixtureMap.issues.map((i) => ({
    ...i,
    goals: i.goals.map((g) => ({
      ...g,
      strategies: [
        {
          id: `s-${g.code}`,
          code: `S${g.code.slice(1)}`,
          seq: 1,
          nameTh: `กลยุทธ์ ${g.code}`,
          nameEn: `Strategy ${g.code}`,
          retired: false,
          version: 1,
        },
      ],
    })),
  }));
  const project = (code: string, goal: string, fiscalYear: number, status: 'delayed' | 'cancelled' = 'delayed') => ({
    id: `p-${code}`,
    code,
    strategyId: `s-${goal}`,
    nameTh: `โครงการ ${code}`,
    nameEn: `Project ${code}`,
    fiscalYear,
    status,
    kpiIds: [],
  });
  return {
    ...fixtureMap,
    issues,
    projects: [
      project('P69-001', 'G1.1', 2569),
      project('P69-002', 'G1.1', 2569),
      project('P69-003', 'G2.1', 2569),
      project('P69-004', 'G1.2', 2569, 'cancelled'),
      project('P69-005', 'G1.2', 2569),
      project('P68-001', 'G1.1', 2568),
    ],
  };
}

const options = {
  lang: 'th' as const,
  fiscalYear: 2569,
  goalStatus: (code: string) => (code === 'G1.2' ? ('red' as const) : ('green' as const)),
  kpiStatus: (id: string) => (id === 'kpi-K1.1.2' ? ('amber' as const) : ('grey' as const)),
};

/** True when an axis-parallel segment enters the inside of a box (touching its border is allowed). */
function crosses(
  a: { x: number; y: number },
  b: { x: number; y: number },
  n: { x: number; y: number; width: number; height: number },
): boolean {
  const e = 0.5;
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > n.x + e && x1 < n.x + n.width - e && y2 > n.y + e && y1 < n.y + n.height - e;
}

function expectClean(m: PositionedMap): void {
  for (const edge of m.edges) {
    expect(edge.points.length).toBeGreaterThanOrEqual(2);
    for (const p of edge.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(m.width);
      expect(p.y).toBeLessThanOrEqual(m.height);
    }
    for (let i = 1; i < edge.points.length; i++) {
      const [a, b] = [edge.points[i - 1], edge.points[i]];
      // Orthogonal: every segment horizontal or vertical.
      expect(a.x === b.x || a.y === b.y).toBe(true);
      for (const n of m.nodes) {
        if (crosses(a, b, n)) throw new Error(`edge ${edge.id} crosses ${n.kind} ${n.code}`);
      }
    }
  }
  for (const n of m.nodes) {
    expect(n.x + n.width).toBeLessThanOrEqual(m.width);
    expect(n.y + n.height).toBeLessThanOrEqual(m.height);
  }
}

describe('strategy map graph', () => {
  it('draws the whole chain: issues, goals, KPIs lit by their status, strategies, the year’s live projects', () => {
    const g = strategyMapGraph(fullMap(), options);
    const codes = (kind: string) => g.nodes.filter((n) => n.kind === kind).map((n) => n.code);
    expect(codes('issue')).toEqual(['I1', 'I2']);
    expect(codes('goal')).toEqual(['G1.1', 'G1.2', 'G2.1']);
    expect(codes('kpi')).toEqual(['K1.1.1', 'K1.1.2', 'K1.2.1', 'K2.1.1']);
    expect(codes('strategy')).toEqual(['S1.1', 'S1.2', 'S2.1']);
    // Grouped by strategy, in plan order: each project beside its own strategy.
    expect(codes('project')).toEqual(['P69-001', 'P69-002', 'P69-005', 'P69-003']);
    expect(g.nodes.find((n) => n.code === 'K1.1.2')?.status).toBe('amber');
    expect(g.nodes.find((n) => n.code === 'G1.2')).toMatchObject({ status: 'red', linkedUp: true });
    expect(g.edges.filter((e) => e.kind === 'cause').map((e) => [e.source, e.target])).toEqual([
      ['goal-G2.1', 'goal-G1.1'],
      ['goal-G1.1', 'goal-G1.2'],
    ]);
    expect(g.edges).toContainEqual(expect.objectContaining({ kind: 'chain', source: 's-G1.1', target: 'p-P69-001' }));
    expect(g.edges).toContainEqual(
      expect.objectContaining({ kind: 'chain', source: 'goal-G1.1', target: 'kpi-K1.1.2' }),
    );
    expect(strategyMapGraph(fullMap(), { ...options, lang: 'en' }).nodes[0].name).toBe('Grassroots economy');
  });
});

describe('strategy map layout (ELK layered, orthogonal)', () => {
  // The first layout loads ELK (1.6 MB of JavaScript): slow on a busy machine.
  jest.setTimeout(60_000);
  it.each([false, true])('routes every edge inside the drawing and around every box (narrow: %s)', async (narrow) => {
    const m = await layoutMapGraph(strategyMapGraph(fullMap(), options), { narrow });
    expect(m.nodes).toHaveLength(16);
    expect(m.edges).toHaveLength(16);
    expectClean(m);
    // The chain reads left to right: issues, then goals, then KPIs and strategies, then projects.
    const left = (kind: string) => Math.min(...m.nodes.filter((n) => n.kind === kind).map((n) => n.x));
    const right = (kind: string) => Math.max(...m.nodes.filter((n) => n.kind === kind).map((n) => n.x + n.width));
    expect(right('issue')).toBeLessThan(left('goal'));
    expect(right('goal')).toBeLessThan(left('kpi'));
    expect(left('kpi')).toBe(left('strategy'));
    expect(right('strategy')).toBeLessThan(left('project'));
    // Issues read top to bottom in plan order.
    const top = (id: string) => m.nodes.find((n) => n.id === id)?.y ?? NaN;
    expect(top('issue-I1')).toBeLessThan(top('issue-I2'));
    // A cause → effect arrow between goals starts on its cause's box and ends on its effect's.
    const arrow = m.edges.find((e) => e.id === 'goal-G2.1~goal-G1.1');
    const effect = m.nodes.find((n) => n.id === 'goal-G1.1');
    const end = arrow?.points.at(-1);
    expect(end && effect && end.x >= effect.x - 0.5 && end.x <= effect.x + effect.width + 0.5).toBe(true);
    expect(edgePath(arrow?.points ?? [])).toMatch(/^M [\d.]+ [\d.]+( L [\d.]+ [\d.]+)+$/);
  });

  it('gives phone boxes a narrower drawing', async () => {
    const g = strategyMapGraph(fullMap(), options);
    const [wide, narrow] = await Promise.all([
      layoutMapGraph(g, { narrow: false }),
      layoutMapGraph(g, { narrow: true }),
    ]);
    expect(narrow.width).toBeLessThan(wide.width);
  });

  it('opens on the first issue and its goals, wherever ELK placed them', async () => {
    for (const narrow of [false, true]) {
      const m = await layoutMapGraph(strategyMapGraph(fullMap(), options), { narrow });
      const at = openingPoint(m);
      const first = m.nodes.filter((n) => ['issue-I1', 'goal-G1.1', 'goal-G1.2'].includes(n.id));
      expect(at).toEqual({ x: Math.min(...first.map((n) => n.x)), y: Math.min(...first.map((n) => n.y)) });
      // The boxes of the first issue all lie right of and below the opening point.
      for (const n of first) expect(n.x >= at.x && n.y >= at.y).toBe(true);
    }
  });
});

describe('openingPoint', () => {
  const node = (id: string, kind: 'issue' | 'goal' | 'kpi', x: number, y: number) =>
    ({ id, kind, code: id, name: id, status: 'none', x, y, width: 100, height: 50 }) as const;
  const chain = (source: string, target: string) => ({ id: `${source}>${target}`, kind: 'chain' as const, source, target, points: [] });

  it('is the top-left of the first issue and its own goals, ignoring the rest of the drawing', () => {
    const m: PositionedMap = {
      width: 2000,
      height: 1500,
      // The issue is centred beside its three goals (ELK's placement): the first goal is higher.
      nodes: [
        node('i1', 'issue', 16, 400),
        node('g1', 'goal', 300, 250),
        node('g2', 'goal', 300, 520),
        node('k1', 'kpi', 600, 10),
        node('i2', 'issue', 16, 900),
        node('g3', 'goal', 300, 120),
      ],
      edges: [chain('i1', 'g1'), chain('i1', 'g2'), chain('g1', 'k1'), chain('i2', 'g3')],
    };
    // Neither the KPI at the top nor the second issue's goal (higher still) moves it.
    expect(openingPoint(m)).toEqual({ x: 16, y: 250 });
  });

  it('is the origin for a map with no issue', () => {
    expect(openingPoint({ width: 0, height: 0, nodes: [], edges: [] })).toEqual({ x: 0, y: 0 });
  });
});
