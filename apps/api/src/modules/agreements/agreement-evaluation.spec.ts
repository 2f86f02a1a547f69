import {
  indicatorActual,
  milestoneActual,
  nextLevel,
  roundAsOf,
  scoreAgreement,
  ScoredIndicator,
} from './agreement-evaluation';

const indicator = (over: Partial<ScoredIndicator> & Pick<ScoredIndicator, 'code'>): ScoredIndicator => ({
  id: over.code,
  nameTh: over.code,
  nameEn: over.code,
  unitTh: '-',
  unitEn: '-',
  direction: 'higher_better',
  kind: 'scale',
  weight: '20',
  levels: ['60', '65', '70', '75', '80'],
  kpi: null,
  results: [],
  ...over,
});

const year = (value: string) => [{ period: '2569', value, step: null }];

/** The worked example of docs/domain-calculations.md §4 ("3.7650"), results entered for the whole year. */
const WORKED: ScoredIndicator[] = [
  indicator({ code: 'W1', weight: '30.00', results: year('73.9') }),
  indicator({
    code: 'W2',
    weight: '25',
    direction: 'lower_better',
    levels: ['20', '18', '16', '14', '12'],
    results: year('15.2'),
  }),
  indicator({
    code: 'W3',
    weight: '20',
    kind: 'milestone',
    levels: ['1', '2', '3', '4', '5'],
    results: [{ period: '2569', value: null, step: 4 }],
  }),
  indicator({ code: 'W4', weight: '15', levels: ['100', '110', '120', '130', '140'], results: year('150') }),
  indicator({ code: 'W5', weight: '10', levels: ['50', '55', '60', '65', '70'], results: year('56.55') }),
];

describe('roundAsOf', () => {
  it('is the day after the round: 1 April for the 6-month round, 1 October for the 12-month round', () => {
    expect(roundAsOf(2569, 6)).toBe('2026-04-01');
    expect(roundAsOf(2569, 12)).toBe('2026-10-01');
    expect(roundAsOf(2567, 6)).toBe('2024-04-01');
  });
});

describe('milestoneActual', () => {
  it('gives the criterion value of the step reached, and one step before v1 for none', () => {
    expect(milestoneActual([1, 2, 3, 4, 5], 3)).toBe(3);
    expect(milestoneActual([10, 20, 30, 40, 50], 5)).toBe(50);
    expect(milestoneActual([1, 2, 3, 4, 5], 0)).toBe(0);
    expect(milestoneActual([5, 4, 3, 2, 1], 0)).toBe(6);
  });

  it('refuses a step that is not a whole number from 0 to 5', () => {
    expect(() => milestoneActual([1, 2, 3, 4, 5], 6)).toThrow(RangeError);
    expect(() => milestoneActual([1, 2, 3, 4, 5], 1.5)).toThrow(RangeError);
  });
});

describe('nextLevel', () => {
  it('names the next whole level and its value; none at level 5', () => {
    expect(nextLevel([60, 65, 70, 75, 80], 3.46)).toEqual({ level: 4, value: 75 });
    expect(nextLevel([60, 65, 70, 75, 80], 3)).toEqual({ level: 4, value: 75 });
    expect(nextLevel([60, 65, 70, 75, 80], 0)).toEqual({ level: 1, value: 60 });
    expect(nextLevel([60, 65, 70, 75, 80], null)).toEqual({ level: 1, value: 60 });
    expect(nextLevel([20, 18, 16, 14, 12], 4.25)).toEqual({ level: 5, value: 12 });
    expect(nextLevel([60, 65, 70, 75, 80], 5)).toBeNull();
  });
});

describe('indicatorActual', () => {
  it('takes the latest manual result whose period is due', () => {
    const i = indicator({
      code: 'A',
      results: [
        { period: '2569-H1', value: '62', step: null },
        { period: '2569-H2', value: '71', step: null },
      ],
    });
    expect(indicatorActual(i, 2569, '2026-03-31')).toBeNull();
    expect(indicatorActual(i, 2569, '2026-04-01')).toBe(62);
    expect(indicatorActual(i, 2569, '2026-10-01')).toBe(71);
  });

  it('between periods ending the same day, the later approval wins', () => {
    const i = indicator({
      code: 'A',
      results: [
        { period: '2569-Q2', value: '64', step: null, approvedAt: '2026-04-10T00:00:00Z' },
        { period: '2569-H1', value: '66', step: null, approvedAt: '2026-04-05T00:00:00Z' },
      ],
    });
    expect(indicatorActual(i, 2569, '2026-04-01')).toBe(64);
  });

  it("rolls up a linked KPI's approved results over the periods due (a quarterly ratio)", () => {
    const i = indicator({
      code: 'K',
      kpi: {
        code: 'K2.1.2',
        frequency: 'quarterly',
        rollup: 'ratio',
        direction: 'higher_better',
        ratioMultiplier: '100',
        results: [
          { period: '2569-Q1', value: null, numerator: '70', denominator: '100' },
          { period: '2569-Q2', value: null, numerator: '80', denominator: '100' },
          { period: '2569-Q3', value: null, numerator: '90', denominator: '100' },
        ],
      },
      results: [{ period: '2569', value: '1', step: null }],
    });
    expect(indicatorActual(i, 2569, '2026-04-01')).toBe(75);
    expect(indicatorActual(i, 2569, '2026-07-01')).toBe(80);
  });
});

describe('scoreAgreement', () => {
  it('reproduces the worked example: 3.7650', () => {
    const s = scoreAgreement(WORKED, 2569, '2026-10-01', 'zero');
    expect(s.formatted).toBe('3.7650');
    expect(s.indicators.map((l) => l.score)).toEqual([3.78, 3.4, 4, 5, 2.31]);
    expect(s.indicators.map((l) => l.contribution)).toEqual([1.134, 0.85, 0.8, 0.75, 0.231]);
    expect(s.indicators[0].nextLevel).toEqual({ level: 4, value: 75 });
    expect(s.indicators[3].nextLevel).toBeNull();
  });

  it('counts a missing result as 0 at a round and leaves it out of the live mean', () => {
    const missing = WORKED.map((i) => (i.code === 'W5' ? { ...i, results: [] } : i));
    const zero = scoreAgreement(missing, 2569, '2026-10-01', 'zero');
    expect(zero.formatted).toBe('3.5340');
    expect(zero.indicators[4]).toMatchObject({ actual: null, score: null, counted: true, contribution: 0 });
    const live = scoreAgreement(missing, 2569, '2026-10-01', 'exclude');
    expect(live.formatted).toBe('3.9267');
    expect(live.countedWeight).toBe(90);
    expect(live.indicators[4]).toMatchObject({ counted: false, contribution: null });
  });

  it('has no live score before anything is due', () => {
    const s = scoreAgreement(WORKED, 2569, '2025-10-15', 'exclude');
    expect(s).toMatchObject({ score: null, formatted: null, countedWeight: 0 });
  });
});
