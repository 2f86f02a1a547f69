import type { KpiStatusName } from './vocabulary';
import {
  DEFAULT_ACHIEVEMENT_CAP,
  KpiStatusItem,
  KpiStatusLeaf,
  StatusRollupNode,
  StatusRollupOptions,
  StatusSummary,
  StatusTreeNode,
  rollUpStatusTree,
  summarizeKpiStatuses,
} from './status-rollup';

let nextId = 0;
/** A KPI with a generated id, for lists where the id does not matter. */
const k = (status: KpiStatusName, achievement: number | null = null, weight?: number): KpiStatusItem => {
  nextId += 1;
  return weight === undefined
    ? { id: `K${nextId}`, status, achievement }
    : { id: `K${nextId}`, status, achievement, weight };
};

const leaf = (id: string, status: KpiStatusName, achievement: number | null, weight?: number): KpiStatusLeaf =>
  weight === undefined ? { kind: 'kpi', id, status, achievement } : { kind: 'kpi', id, status, achievement, weight };

/** The figures a test states; counts are given as [green, amber, red, grey, none]. */
interface Expected {
  readonly counts?: readonly [number, number, number, number, number];
  readonly onTrackShare: number | null;
  readonly index: number | null;
  readonly status: KpiStatusName;
}

function expectSummary(summary: StatusSummary, expected: Expected): void {
  if (expected.counts) {
    const [green, amber, red, grey, none] = expected.counts;
    expect(summary.counts).toEqual({ green, amber, red, grey, none });
    expect(summary.judgedCount).toBe(green + amber + red + grey);
    expect(summary.kpiCount).toBe(green + amber + red + grey + none);
  }
  if (expected.onTrackShare === null) {
    expect(summary.onTrackShare).toBeNull();
  } else {
    expect(summary.onTrackShare).toBeCloseTo(expected.onTrackShare, 12);
  }
  if (expected.index === null) {
    expect(summary.performanceIndex).toBeNull();
  } else {
    expect(summary.performanceIndex).toBeCloseTo(expected.index, 10);
  }
  expect(summary.status).toBe(expected.status);
}

describe('status-rollup', () => {
  describe('summarizeKpiStatuses: one flat list', () => {
    it.each<[string, KpiStatusItem[], Expected]>([
      ['empty list', [], { counts: [0, 0, 0, 0, 0], onTrackShare: null, index: null, status: 'none' }],
      [
        'all none (nothing due yet)',
        [k('none'), k('none'), k('none')],
        { counts: [0, 0, 0, 0, 3], onTrackShare: null, index: null, status: 'none' },
      ],
      [
        'all grey: index 0, but the light is grey, not red',
        [k('grey'), k('grey'), k('grey')],
        { counts: [0, 0, 0, 3, 0], onTrackShare: 0, index: 0, status: 'grey' },
      ],
      [
        'grey and none: every judged KPI is grey',
        [k('grey'), k('none'), k('none')],
        { counts: [0, 0, 0, 1, 2], onTrackShare: 0, index: 0, status: 'grey' },
      ],
      [
        'one green at 100',
        [k('green', 100)],
        { counts: [1, 0, 0, 0, 0], onTrackShare: 1, index: 100, status: 'green' },
      ],
      [
        'green 100, amber 80: (100 + 80) / 2 = 90',
        [k('green', 100), k('amber', 80)],
        { counts: [1, 1, 0, 0, 0], onTrackShare: 0.5, index: 90, status: 'amber' },
      ],
      [
        'index exactly 80 is amber (inclusive)',
        [k('green', 100), k('red', 60)],
        { counts: [1, 0, 1, 0, 0], onTrackShare: 0.5, index: 80, status: 'amber' },
      ],
      ['index 79.995 is red', [k('green', 100), k('red', 59.99)], { onTrackShare: 0.5, index: 79.995, status: 'red' }],
      [
        'index exactly 100 is green',
        [k('green', 120), k('amber', 80)],
        { onTrackShare: 0.5, index: 100, status: 'green' },
      ],
      [
        'mixed: (110 + 85 + 50 + 0) / 4 = 61.25, 1 of 4 on track',
        [k('green', 110), k('amber', 85), k('red', 50), k('grey'), k('none')],
        { counts: [1, 1, 1, 1, 1], onTrackShare: 0.25, index: 61.25, status: 'red' },
      ],
      [
        'one missing result among three turns the node red: 200 / 3',
        [k('green', 100), k('green', 100), k('grey')],
        { counts: [2, 0, 0, 1, 0], onTrackShare: 2 / 3, index: 200 / 3, status: 'red' },
      ],
      [
        'a none KPI leaves both figures alone, even with an achievement passed',
        [k('green', 100), k('none', 10)],
        { counts: [1, 0, 0, 0, 1], onTrackShare: 1, index: 100, status: 'green' },
      ],
      [
        'a grey KPI counts 0 even with an achievement passed',
        [k('green', 100), k('grey', 100)],
        { counts: [1, 0, 0, 1, 0], onTrackShare: 0.5, index: 50, status: 'red' },
      ],
      [
        'weights 3 and 1: (3 × 100 + 1 × 40) / 4 = 85',
        [k('green', 100, 3), k('red', 40, 1)],
        { counts: [1, 0, 1, 0, 0], onTrackShare: 0.5, index: 85, status: 'amber' },
      ],
      [
        'the same KPIs unweighted: (100 + 40) / 2 = 70',
        [k('green', 100), k('red', 40)],
        { onTrackShare: 0.5, index: 70, status: 'red' },
      ],
      [
        'weights do not change the on-track share',
        [k('green', 100, 9), k('red', 40, 1)],
        { onTrackShare: 0.5, index: 94, status: 'amber' },
      ],
      [
        'grey with weight 2: (100 + 2 × 0) / 3',
        [k('green', 100), k('grey', null, 2)],
        { onTrackShare: 0.5, index: 100 / 3, status: 'red' },
      ],
      [
        'exact weights 0.1 and 0.2: (10 + 14) / 0.3 = 80, amber (floating point gives 79.99999999999999)',
        [k('green', 100, 0.1), k('red', 70, 0.2)],
        { onTrackShare: 0.5, index: 80, status: 'amber' },
      ],
      [
        'cap: 300 counts as 120, (120 + 50) / 2 = 85',
        [k('green', 300), k('red', 50)],
        { onTrackShare: 0.5, index: 85, status: 'amber' },
      ],
      [
        'cap: two overshoots cannot lift a red KPI above amber: (120 + 120 + 0) / 3 = 80',
        [k('green', 500), k('green', 250), k('red', 0)],
        { onTrackShare: 2 / 3, index: 80, status: 'amber' },
      ],
      ['cap: exactly 120 is kept', [k('green', 120)], { onTrackShare: 1, index: 120, status: 'green' }],
      [
        'floor: a negative achievement counts as 0, like a missing result',
        [k('green', 100), k('red', -50)],
        { onTrackShare: 0.5, index: 50, status: 'red' },
      ],
      [
        'undefined achievement (target 0 met): green, no index',
        [k('green', null)],
        { counts: [1, 0, 0, 0, 0], onTrackShare: 1, index: null, status: 'green' },
      ],
      [
        'only undefined achievements: the worst light',
        [k('green', null), k('red', null)],
        { onTrackShare: 0.5, index: null, status: 'red' },
      ],
      [
        'an undefined achievement stays out of the index; the others decide',
        [k('green', null), k('amber', 90)],
        { onTrackShare: 0.5, index: 90, status: 'amber' },
      ],
      [
        'an undefined achievement next to a grey: the grey enters at 0',
        [k('green', null), k('grey')],
        { onTrackShare: 0.5, index: 0, status: 'red' },
      ],
    ])('%s', (_name, kpis, expected) => {
      expectSummary(summarizeKpiStatuses(kpis), expected);
    });

    it.each<[string, KpiStatusItem[], StatusRollupOptions, Expected]>([
      [
        'no cap: 300 and 50 average 175, the red KPI disappears',
        [k('green', 300), k('red', 50)],
        { achievementCap: null },
        { onTrackShare: 0.5, index: 175, status: 'green' },
      ],
      [
        'cap 100: (100 + 50) / 2 = 75',
        [k('green', 300), k('red', 50)],
        { achievementCap: 100 },
        { onTrackShare: 0.5, index: 75, status: 'red' },
      ],
      [
        'thresholds 95 / 70: index 96 is green',
        [k('green', 100), k('amber', 92)],
        { thresholds: { green: 95, amber: 70 } },
        { onTrackShare: 0.5, index: 96, status: 'green' },
      ],
      [
        'thresholds 95 / 70: index 70 is amber',
        [k('green', 100), k('red', 40)],
        { thresholds: { green: 95, amber: 70 } },
        { onTrackShare: 0.5, index: 70, status: 'amber' },
      ],
      [
        'only the amber threshold changed',
        [k('green', 100), k('red', 40)],
        { thresholds: { amber: 60 } },
        { onTrackShare: 0.5, index: 70, status: 'amber' },
      ],
    ])('%s', (_name, kpis, options, expected) => {
      expectSummary(summarizeKpiStatuses(kpis, options), expected);
    });

    it('computes the index exactly where floating point drifts below 80', () => {
      expect((0.1 * 100 + 0.2 * 70) / (0.1 + 0.2)).toBe(79.99999999999999);
      const summary = summarizeKpiStatuses([k('green', 100, 0.1), k('red', 70, 0.2)]);
      expect(summary.performanceIndex).toBe(80);
      expect(summary.indexWeight).toBeCloseTo(0.3, 12);
      expect(summary.status).toBe('amber');
    });

    it('reports the weight that entered the index', () => {
      expect(
        summarizeKpiStatuses([k('green', 100, 2), k('grey', null, 3), k('none', null, 5), k('green', null, 7)])
          .indexWeight,
      ).toBe(5);
    });

    it('has a default cap of 120', () => {
      expect(DEFAULT_ACHIEVEMENT_CAP).toBe(120);
    });

    it.each<[string, () => unknown]>([
      ['weight 0', () => summarizeKpiStatuses([k('green', 100, 0)])],
      ['negative weight', () => summarizeKpiStatuses([k('green', 100, -1)])],
      ['NaN weight', () => summarizeKpiStatuses([k('green', 100, Number.NaN)])],
      ['NaN achievement', () => summarizeKpiStatuses([k('green', Number.NaN)])],
      ['infinite achievement', () => summarizeKpiStatuses([k('green', Number.POSITIVE_INFINITY)])],
      [
        'duplicate KPI id',
        () =>
          summarizeKpiStatuses([
            { id: 'X', status: 'green', achievement: 100 },
            { id: 'X', status: 'red', achievement: 10 },
          ]),
      ],
      ['unknown status', () => summarizeKpiStatuses([{ id: 'X', status: 'blue' as KpiStatusName, achievement: 100 }])],
      ['cap below the green threshold', () => summarizeKpiStatuses([], { achievementCap: 90 })],
      ['NaN cap', () => summarizeKpiStatuses([], { achievementCap: Number.NaN })],
      ['amber above green', () => summarizeKpiStatuses([], { thresholds: { green: 80, amber: 90 } })],
    ])('throws RangeError on %s', (_name, run) => {
      expect(run).toThrow(RangeError);
    });

    it('accepts a cap equal to the green threshold', () => {
      expect(summarizeKpiStatuses([k('green', 150)], { achievementCap: 100 }).performanceIndex).toBe(100);
    });
  });

  describe('rollUpStatusTree: plan → issues → goals → KPIs', () => {
    /**
     * G1 (weights 1, 1, 3): (110 + 85 + 3 × 50) / 5 = 69
     * G2: a grey and a none
     * G3: 300 is capped at 120, (120 + 60) / 2 = 90
     * G4: nothing due
     */
    const plan: StatusTreeNode = {
      kind: 'plan',
      id: 'P',
      children: [
        {
          kind: 'issue',
          id: 'I1',
          children: [
            {
              kind: 'goal',
              id: 'G1',
              children: [leaf('K1', 'green', 110), leaf('K2', 'amber', 85), leaf('K3', 'red', 50, 3)],
            },
            { kind: 'goal', id: 'G2', children: [leaf('K4', 'grey', null), leaf('K5', 'none', null)] },
          ],
        },
        {
          kind: 'issue',
          id: 'I2',
          children: [
            { kind: 'goal', id: 'G3', children: [leaf('K6', 'green', 300), leaf('K7', 'red', 60)] },
            { kind: 'goal', id: 'G4', children: [leaf('K8', 'none', null)] },
          ],
        },
      ],
    };

    const byId = (node: StatusRollupNode, map = new Map<string, StatusRollupNode>()): Map<string, StatusRollupNode> => {
      map.set(node.id, node);
      node.children.forEach((child) => byId(child, map));
      return map;
    };
    const result = rollUpStatusTree(plan);
    const nodes = byId(result);

    it.each<[string, Expected, number]>([
      ['P', { counts: [2, 1, 2, 1, 2], onTrackShare: 2 / 6, index: 65.625, status: 'red' }, 8],
      ['I1', { counts: [1, 1, 1, 1, 1], onTrackShare: 0.25, index: 57.5, status: 'red' }, 6],
      ['G1', { counts: [1, 1, 1, 0, 0], onTrackShare: 1 / 3, index: 69, status: 'red' }, 5],
      ['G2', { counts: [0, 0, 0, 1, 1], onTrackShare: 0, index: 0, status: 'grey' }, 1],
      ['I2', { counts: [1, 0, 1, 0, 1], onTrackShare: 0.5, index: 90, status: 'amber' }, 2],
      ['G3', { counts: [1, 0, 1, 0, 0], onTrackShare: 0.5, index: 90, status: 'amber' }, 2],
      ['G4', { counts: [0, 0, 0, 0, 1], onTrackShare: null, index: null, status: 'none' }, 0],
      ['K3', { counts: [0, 0, 1, 0, 0], onTrackShare: 0, index: 50, status: 'red' }, 3],
      ['K4', { counts: [0, 0, 0, 1, 0], onTrackShare: 0, index: 0, status: 'grey' }, 1],
      ['K5', { counts: [0, 0, 0, 0, 1], onTrackShare: null, index: null, status: 'none' }, 0],
      ['K6', { counts: [1, 0, 0, 0, 0], onTrackShare: 1, index: 120, status: 'green' }, 1],
    ])('%s', (id, expected, indexWeight) => {
      const node = nodes.get(id);
      expect(node).toBeDefined();
      expectSummary((node as StatusRollupNode).summary, expected);
      expect((node as StatusRollupNode).summary.indexWeight).toBe(indexWeight);
    });

    it('pools the KPIs: the plan is not the mean of its issues', () => {
      const issueMean =
        ((nodes.get('I1')?.summary.performanceIndex ?? 0) + (nodes.get('I2')?.summary.performanceIndex ?? 0)) / 2;
      expect(issueMean).toBe(73.75);
      expect(result.summary.performanceIndex).toBe(65.625);
    });

    it('gives every node the summary of the flat list of KPIs beneath it', () => {
      const leavesOf = (node: StatusTreeNode): KpiStatusItem[] =>
        node.kind === 'kpi' ? [node] : node.children.flatMap(leavesOf);
      const check = (input: StatusTreeNode, output: StatusRollupNode): void => {
        if (input.kind !== 'kpi') {
          expect(output.summary).toEqual(summarizeKpiStatuses(leavesOf(input)));
          input.children.forEach((child, i) => check(child, output.children[i]));
        }
      };
      check(plan, result);
    });

    it('mirrors the input tree in order', () => {
      const shape = (node: StatusRollupNode): unknown => [node.kind, node.id, node.children.map(shape)];
      expect(shape(result)).toEqual([
        'plan',
        'P',
        [
          [
            'issue',
            'I1',
            [
              [
                'goal',
                'G1',
                [
                  ['kpi', 'K1', []],
                  ['kpi', 'K2', []],
                  ['kpi', 'K3', []],
                ],
              ],
              [
                'goal',
                'G2',
                [
                  ['kpi', 'K4', []],
                  ['kpi', 'K5', []],
                ],
              ],
            ],
          ],
          [
            'issue',
            'I2',
            [
              [
                'goal',
                'G3',
                [
                  ['kpi', 'K6', []],
                  ['kpi', 'K7', []],
                ],
              ],
              ['goal', 'G4', [['kpi', 'K8', []]]],
            ],
          ],
        ],
      ]);
    });

    it('lets a KPI keep its own light, computed with its own settings', () => {
      const goal: StatusTreeNode = { kind: 'goal', id: 'G', children: [leaf('A', 'amber', 96)] };
      const rolled = rollUpStatusTree(goal, { thresholds: { green: 95, amber: 70 } });
      expect(rolled.summary.status).toBe('green');
      expect(rolled.children[0].summary.status).toBe('amber');
    });

    it.each<[string, StatusTreeNode, Expected]>([
      ['an empty plan', { kind: 'plan', id: 'P', children: [] }, { onTrackShare: null, index: null, status: 'none' }],
      [
        'a single KPI as the root',
        leaf('K', 'red', 50),
        { counts: [0, 0, 1, 0, 0], onTrackShare: 0, index: 50, status: 'red' },
      ],
      [
        'an issue whose goals are all grey',
        {
          kind: 'issue',
          id: 'I',
          children: [
            { kind: 'goal', id: 'G1', children: [leaf('A', 'grey', null)] },
            { kind: 'goal', id: 'G2', children: [leaf('B', 'grey', null), leaf('C', 'none', null)] },
          ],
        },
        { counts: [0, 0, 0, 2, 1], onTrackShare: 0, index: 0, status: 'grey' },
      ],
      [
        'a plan where nothing is due',
        {
          kind: 'plan',
          id: 'P',
          children: [
            { kind: 'issue', id: 'I', children: [{ kind: 'goal', id: 'G', children: [leaf('A', 'none', null)] }] },
          ],
        },
        { counts: [0, 0, 0, 0, 1], onTrackShare: null, index: null, status: 'none' },
      ],
      [
        'goals directly under the plan (levels may be skipped)',
        {
          kind: 'plan',
          id: 'P',
          children: [
            { kind: 'goal', id: 'G1', children: [leaf('A', 'green', 100, 2)] },
            { kind: 'goal', id: 'G2', children: [leaf('B', 'amber', 85)] },
          ],
        },
        { onTrackShare: 0.5, index: 95, status: 'amber' },
      ],
    ])('%s', (_name, root, expected) => {
      expectSummary(rollUpStatusTree(root).summary, expected);
    });

    it('applies the cap option to every node', () => {
      const rolled = rollUpStatusTree(plan, { achievementCap: null });
      // K6 now counts 300: G3 = (300 + 60) / 2, the plan = (345 + 0 + 360) / 8.
      expect(nodes.get('G3')?.summary.performanceIndex).toBe(90);
      expect(byId(rolled).get('G3')?.summary.performanceIndex).toBe(180);
      expect(rolled.summary.performanceIndex).toBe(88.125);
      expect(rolled.summary.status).toBe('amber');
    });

    it.each<[string, StatusTreeNode]>([
      [
        'a KPI listed under two goals',
        {
          kind: 'issue',
          id: 'I',
          children: [
            { kind: 'goal', id: 'G1', children: [leaf('K', 'green', 100)] },
            { kind: 'goal', id: 'G2', children: [leaf('K', 'green', 100)] },
          ],
        },
      ],
      ['an unknown node kind', { kind: 'vision', id: 'V', children: [] } as unknown as StatusTreeNode],
      ['a group without children', { kind: 'goal', id: 'G' } as unknown as StatusTreeNode],
      ['a bad weight deep in the tree', { kind: 'goal', id: 'G', children: [leaf('K', 'green', 100, 0)] }],
    ])('throws RangeError on %s', (_name, root) => {
      expect(() => rollUpStatusTree(root)).toThrow(RangeError);
    });
  });
});
