import { roundDecimal } from './rational';
import { RollupEntry } from './kpi-rollup';
import {
  KpiStatusInput,
  TrajectoryPoint,
  achievementPercent,
  bandAchievementPercent,
  evaluateKpiStatus,
  expectedBandAsOf,
  expectedTargetAsOf,
  meetsTarget,
  statusFromAchievement,
} from './kpi-status';

const monthly = (...list: (number | null)[]): RollupEntry[] =>
  list.map((value, i) => ({
    period: `2569-M${String(i + 1).padStart(2, '0')}`,
    value,
  }));

/** FY 2569, monthly, additive, 1,200 a year: 100 a month when pro-rated. */
const additive: KpiStatusInput = {
  fiscalYear: 2569,
  frequency: 'monthly',
  rollup: 'sum',
  direction: 'higher_better',
  yearlyTarget: 1200,
  results: [],
  asOf: '2025-10-15',
};

const quarterlyLast = (overrides: Partial<KpiStatusInput>): KpiStatusInput => ({
  fiscalYear: 2569,
  frequency: 'quarterly',
  rollup: 'last',
  direction: 'higher_better',
  results: [],
  asOf: '2026-01-01',
  ...overrides,
});

const q1 = (value: number | null): RollupEntry[] => [{ period: '2569-Q1', value }];

describe('kpi-status', () => {
  describe('expectedTargetAsOf', () => {
    const cumulativeTrajectory: TrajectoryPoint[] = [
      { period: '2569-Q1', target: 50 },
      { period: '2569-Q2', target: 150 },
      { period: '2569-Q3', target: 300 },
      { period: '2569-Q4', target: 500 },
    ];
    const levelTrajectory: TrajectoryPoint[] = [
      { period: '2569-Q1', target: 60 },
      { period: '2569-Q2', target: 65 },
      { period: '2569-Q3', target: 70 },
      { period: '2569-Q4', target: 75 },
    ];

    it.each<[string, Parameters<typeof expectedTargetAsOf>[0], number | null]>([
      [
        'nothing due yet',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 1200,
          asOf: '2025-10-31',
        },
        null,
      ],
      [
        'sum, pro-rated: 1 of 12 months',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 1200,
          asOf: '2025-11-01',
        },
        100,
      ],
      [
        'sum, pro-rated: 3 of 12 months',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 1200,
          asOf: '2026-01-10',
        },
        300,
      ],
      [
        'sum, pro-rated: 2 of 4 quarters',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'sum',
          yearlyTarget: 1000,
          asOf: '2026-04-01',
        },
        500,
      ],
      [
        'sum, pro-rated exactly: 0.7 × 3/12 = 0.175',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 0.7,
          asOf: '2026-01-01',
        },
        0.175,
      ],
      [
        'sum, year over: the full target',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 1200,
          asOf: '2026-10-01',
        },
        1200,
      ],
      [
        'sum with trajectory: Q1 + Q2 = 50 + 150',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'sum',
          yearlyTarget: 1000,
          trajectory: cumulativeTrajectory,
          asOf: '2026-04-01',
        },
        200,
      ],
      [
        'sum with a coarser trajectory: monthly KPI, only Q1 due',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 1000,
          trajectory: cumulativeTrajectory,
          asOf: '2026-02-01',
        },
        50,
      ],
      [
        'sum with no trajectory point due: falls back to pro-rating',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          yearlyTarget: 1200,
          trajectory: [{ period: '2569-Q4', target: 1200 }],
          asOf: '2026-01-10',
        },
        300,
      ],
      [
        'trajectory points of another fiscal year are ignored',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'sum',
          yearlyTarget: 1000,
          trajectory: [{ period: '2568-Q4', target: 400 }, ...cumulativeTrajectory],
          asOf: '2026-01-01',
        },
        50,
      ],
      [
        'trajectory points without target are skipped',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'sum',
          yearlyTarget: 1000,
          trajectory: [
            { period: '2569-Q1', target: 50 },
            { period: '2569-Q2', target: null },
          ],
          asOf: '2026-04-01',
        },
        50,
      ],
      [
        'last with trajectory: the latest due point (Q2)',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'last',
          yearlyTarget: 75,
          trajectory: levelTrajectory,
          asOf: '2026-04-01',
        },
        65,
      ],
      [
        'average without trajectory: the yearly target from the first period',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'average',
          yearlyTarget: 80,
          asOf: '2025-11-01',
        },
        80,
      ],
      [
        'ratio without trajectory: the yearly target',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'ratio',
          yearlyTarget: 95,
          asOf: '2026-04-01',
        },
        95,
      ],
      [
        'no target and no trajectory',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'sum',
          yearlyTarget: null,
          asOf: '2026-04-01',
        },
        null,
      ],
      [
        'trajectory without yearly target',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'last',
          yearlyTarget: null,
          trajectory: levelTrajectory,
          asOf: '2026-07-01',
        },
        70,
      ],
    ])('%s', (_, input, expected) => {
      expect(expectedTargetAsOf(input)).toBe(expected);
    });
  });

  describe('expectedBandAsOf', () => {
    it.each<[string, Parameters<typeof expectedBandAsOf>[0], { min: number; max: number } | null]>([
      [
        'non-additive: the yearly band',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'last',
          band: { min: 1, max: 3 },
          asOf: '2026-01-01',
        },
        { min: 1, max: 3 },
      ],
      [
        'additive: both bounds pro-rated (3 of 12 months)',
        {
          fiscalYear: 2569,
          frequency: 'monthly',
          rollup: 'sum',
          band: { min: 1200, max: 1500 },
          asOf: '2026-01-10',
        },
        { min: 300, max: 375 },
      ],
      [
        'nothing due',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'last',
          band: { min: 1, max: 3 },
          asOf: '2025-12-31',
        },
        null,
      ],
      [
        'no band',
        {
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'last',
          band: null,
          asOf: '2026-01-01',
        },
        null,
      ],
    ])('%s', (_, input, expected) => {
      expect(expectedBandAsOf(input)).toEqual(expected);
    });

    it('refuses an inverted band', () => {
      expect(() =>
        expectedBandAsOf({
          fiscalYear: 2569,
          frequency: 'quarterly',
          rollup: 'last',
          band: { min: 3, max: 1 },
          asOf: '2026-01-01',
        }),
      ).toThrow(RangeError);
    });
  });

  describe('achievementPercent', () => {
    it.each<[number, number, 'higher_better' | 'lower_better', number | null]>([
      [100, 100, 'higher_better', 100],
      [85, 100, 'higher_better', 85],
      [240, 300, 'higher_better', 80],
      [4.52, 5.65, 'higher_better', 80],
      [150, 100, 'higher_better', 150],
      [-50, 100, 'higher_better', -50],
      [0, 100, 'higher_better', 0],
      [5, 0, 'higher_better', null],
      [5, -2, 'higher_better', null],
      [12.5, 10, 'lower_better', 80],
      [8, 10, 'lower_better', 125],
      [10, 10, 'lower_better', 100],
      [5, 0, 'lower_better', 0],
      [0, 10, 'lower_better', null],
      [-1, 10, 'lower_better', null],
      [3, -2, 'lower_better', null],
    ])('actual %d vs expected %d, %s → %s', (actual, expected, direction, result) => {
      expect(achievementPercent(actual, expected, direction)).toBe(result);
    });

    it('is exactly 80 where floating point gives 79.99999999999999', () => {
      expect((4.52 / 5.65) * 100).toBeLessThan(80);
      expect(achievementPercent(4.52, 5.65, 'higher_better')).toBe(80);
    });
  });

  describe('meetsTarget', () => {
    it.each<[number, number, 'higher_better' | 'lower_better', boolean]>([
      [0, 0, 'higher_better', true],
      [-1, 0, 'higher_better', false],
      [0, 10, 'lower_better', true],
      [-3, -2, 'lower_better', true],
      [-1, -2, 'lower_better', false],
    ])('actual %d vs expected %d, %s → %s', (actual, expected, direction, met) => {
      expect(meetsTarget(actual, expected, direction)).toBe(met);
    });
  });

  describe('bandAchievementPercent', () => {
    it.each<[number, number, number, number | null]>([
      [2, 1, 3, 100],
      [1, 1, 3, 100],
      [3, 1, 3, 100],
      [0.9, 1, 3, 90],
      [0.8, 1, 3, 80],
      [3.75, 1, 3, 80],
      [4, 1, 3, 75],
      [0, 1, 3, 0],
      [-1, 0, 3, null],
      [5, 5, 5, 100],
      [-3, -2, -1, null],
      [-0.5, -2, -1, null],
    ])('actual %d in [%d, %d] → %s', (actual, min, max, expected) => {
      expect(bandAchievementPercent(actual, { min, max })).toBe(expected);
    });

    it('refuses an inverted or non-finite band', () => {
      expect(() => bandAchievementPercent(1, { min: 3, max: 1 })).toThrow(RangeError);
      expect(() => bandAchievementPercent(1, { min: Number.NaN, max: 1 })).toThrow(RangeError);
    });
  });

  describe('statusFromAchievement', () => {
    it.each<[number, Parameters<typeof statusFromAchievement>[1], string]>([
      [100, undefined, 'green'],
      [150, undefined, 'green'],
      [99.99, undefined, 'amber'],
      [80, undefined, 'amber'],
      [79.99, undefined, 'red'],
      [0, undefined, 'red'],
      [-20, undefined, 'red'],
      [96, { green: 95, amber: 70 }, 'green'],
      [95, { green: 95, amber: 70 }, 'green'],
      [70, { green: 95, amber: 70 }, 'amber'],
      [69.9, { green: 95, amber: 70 }, 'red'],
      [85, { amber: 90 }, 'red'],
      [100, { amber: 90 }, 'green'],
      [90, { green: 90, amber: 90 }, 'green'],
    ])('%d with %j → %s', (achievement, thresholds, status) => {
      expect(statusFromAchievement(achievement, thresholds)).toBe(status);
    });

    it('refuses amber above green', () => {
      expect(() => statusFromAchievement(90, { green: 80, amber: 90 })).toThrow(RangeError);
      expect(() => statusFromAchievement(90, { green: Number.NaN })).toThrow(RangeError);
    });
  });

  describe('evaluateKpiStatus: an approved result for the running period counts early', () => {
    it.each<[string, Partial<KpiStatusInput>, string, number | null, number | null, number | null, string | null]>([
      // label, input, status, actual, expected, achievement, earlyPeriod
      [
        'October reported mid-October',
        { asOf: '2025-10-15', results: monthly(100) },
        'green',
        100,
        100,
        100,
        '2569-M01',
      ],
      ['October at 80 % mid-October', { asOf: '2025-10-15', results: monthly(80) }, 'amber', 80, 100, 80, '2569-M01'],
      [
        'a null October is not a result',
        { asOf: '2025-10-15', results: monthly(null) },
        'none',
        null,
        null,
        null,
        null,
      ],
      [
        'January reported on 10 Jan: four months against four twelfths',
        { asOf: '2026-01-10', results: monthly(90, 110, 100, 500) },
        'green',
        800,
        400,
        200,
        '2569-M04',
      ],
      [
        'December missing, January early: judged, December listed as missing',
        { asOf: '2026-01-10', results: [...monthly(90, 110), { period: '2569-M04', value: 100 }] },
        'red',
        300,
        400,
        75,
        '2569-M04',
      ],
      [
        'the last day of the running month is still early',
        { asOf: '2025-10-31', results: monthly(100) },
        'green',
        100,
        100,
        100,
        '2569-M01',
      ],
      [
        'next year’s running period does not count in this year',
        { asOf: '2026-10-15', results: [...monthly(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100)] },
        'green',
        1200,
        1200,
        100,
        null,
      ],
    ])('%s', (_label, overrides, status, actual, expected, achievement, early) => {
      const result = evaluateKpiStatus({ ...additive, ...overrides });
      expect(result.status).toBe(status);
      expect(result.actual).toBe(actual);
      expect(result.expected).toBe(expected);
      expect(result.achievement).toBe(achievement);
      expect(result.earlyPeriod).toBe(early);
    });

    it('counts due periods only when asked (official figures)', () => {
      const result = evaluateKpiStatus({
        ...additive,
        asOf: '2026-01-10',
        results: monthly(90, 110, 100, 500),
        countEarly: false,
      });
      expect(result).toMatchObject({ status: 'green', actual: 300, expected: 300, earlyPeriod: null });
    });

    it('keeps the latest due period and the missing ones as they are', () => {
      const result = evaluateKpiStatus({
        ...additive,
        asOf: '2026-01-10',
        results: [...monthly(90, 110), { period: '2569-M04', value: 100 }],
      });
      expect(result.latestDuePeriod).toBe('2569-M03');
      expect(result.missingPeriods).toEqual(['2569-M03']);
      const none = evaluateKpiStatus({ ...additive, asOf: '2025-10-15', results: monthly(100) });
      expect(none.latestDuePeriod).toBeNull();
    });

    it('the worked example of docs/kpi-status.md', () => {
      const tourism = { ...additive, yearlyTarget: 51.01, asOf: '2026-01-10' };
      const three = evaluateKpiStatus({ ...tourism, results: monthly(3.2, 2.9, 3.44) });
      expect(three).toMatchObject({ status: 'red', actual: 9.54, expected: 12.7525, earlyPeriod: null });
      expect(roundDecimal(three.achievement ?? Number.NaN, 2)).toBe(74.81);
      const early = evaluateKpiStatus({ ...tourism, asOf: '2026-01-25', results: monthly(3.2, 2.9, 3.44, 4.1) });
      expect(early).toMatchObject({ status: 'amber', actual: 13.64, earlyPeriod: '2569-M04' });
      expect(roundDecimal(early.expected ?? Number.NaN, 4)).toBe(17.0033);
      expect(roundDecimal(early.achievement ?? Number.NaN, 1)).toBe(80.2);
    });

    it('a yearly KPI reported before the year ends is judged against the full-year level', () => {
      const result = evaluateKpiStatus({
        fiscalYear: 2569,
        frequency: 'yearly',
        rollup: 'last',
        direction: 'higher_better',
        yearlyTarget: 75,
        results: [{ period: '2569', value: 60 }],
        asOf: '2026-03-01',
      });
      expect(result).toMatchObject({ status: 'amber', actual: 60, expected: 75, achievement: 80, earlyPeriod: '2569' });
    });
  });

  describe('evaluateKpiStatus', () => {
    it.each<[string, Partial<KpiStatusInput>, string, number | null, number | null, number | null]>([
      // label, input, status, actual, expected, achievement
      ['nothing due yet', { asOf: '2025-10-15' }, 'none', null, null, null],
      ['Oct on target', { asOf: '2025-11-01', results: monthly(100) }, 'green', 100, 100, 100],
      ['Oct at 85 %', { asOf: '2025-11-01', results: monthly(85) }, 'amber', 85, 100, 85],
      ['Oct at exactly 80 %', { asOf: '2025-11-01', results: monthly(80) }, 'amber', 80, 100, 80],
      ['Oct just under 80 %', { asOf: '2025-11-01', results: monthly(79.99) }, 'red', 79.99, 100, 79.99],
      ['Q1 cumulative 300 of 300', { asOf: '2026-01-10', results: monthly(90, 110, 100) }, 'green', 300, 300, 100],
      ['Q1 cumulative 240 of 300', { asOf: '2026-01-10', results: monthly(90, 110, 40) }, 'amber', 240, 300, 80],
      [
        'results of periods not yet started are not counted',
        { asOf: '2026-01-10', results: monthly(90, 110, 100, null, 500) },
        'green',
        300,
        300,
        100,
      ],
      [
        'results of another fiscal year are not counted',
        {
          asOf: '2025-11-01',
          results: [{ period: '2568-M12', value: 999 }, ...monthly(100)],
        },
        'green',
        100,
        100,
        100,
      ],
      [
        'the whole year',
        {
          asOf: '2026-10-01',
          results: monthly(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100),
        },
        'green',
        1200,
        1200,
        100,
      ],
      ['latest due month missing → grey', { asOf: '2026-01-10', results: monthly(90, 110) }, 'grey', 200, 300, null],
      [
        'latest due month present but null → grey',
        { asOf: '2026-01-10', results: monthly(90, 110, null) },
        'grey',
        200,
        300,
        null,
      ],
      ['no results at all → grey', { asOf: '2026-01-10' }, 'grey', null, 300, null],
      [
        'an earlier month missing: judged on what exists',
        {
          asOf: '2026-01-10',
          results: [...monthly(100), { period: '2569-M03', value: 100 }],
        },
        'red',
        200,
        300,
        200 / 3,
      ],
      [
        'an earlier month missing with greyWhenAnyMissing → grey',
        {
          asOf: '2026-01-10',
          results: [...monthly(100), { period: '2569-M03', value: 100 }],
          greyWhenAnyMissing: true,
        },
        'grey',
        200,
        300,
        null,
      ],
      ['no target → none', { asOf: '2025-11-01', results: monthly(100), yearlyTarget: null }, 'none', 100, null, null],
      [
        'custom thresholds 95 / 70',
        {
          asOf: '2025-11-01',
          results: monthly(96),
          thresholds: { green: 95, amber: 70 },
        },
        'green',
        96,
        100,
        96,
      ],
      [
        'trajectory: 60 + 120 against 50 + 150',
        {
          frequency: 'quarterly',
          yearlyTarget: 1000,
          asOf: '2026-04-01',
          trajectory: [
            { period: '2569-Q1', target: 50 },
            { period: '2569-Q2', target: 150 },
            { period: '2569-Q3', target: 300 },
            { period: '2569-Q4', target: 500 },
          ],
          results: [
            { period: '2569-Q1', value: 60 },
            { period: '2569-Q2', value: 120 },
          ],
        },
        'amber',
        180,
        200,
        90,
      ],
    ])('additive monthly KPI: %s', (_, overrides, status, actual, expected, achievement) => {
      const result = evaluateKpiStatus({ ...additive, ...overrides });
      expect(result.status).toBe(status);
      expect(result.actual).toBe(actual);
      expect(result.expected).toBe(expected);
      expect(result.achievement).toBe(achievement);
      expect(result.expectedBand).toBeNull();
    });

    it('reports the latest due period and the missing ones', () => {
      const result = evaluateKpiStatus({
        ...additive,
        asOf: '2026-01-10',
        results: [{ period: '2569-M03', value: 100 }],
      });
      expect(result.latestDuePeriod).toBe('2569-M03');
      expect(result.missingPeriods).toEqual(['2569-M01', '2569-M02']);
    });

    it('reports nothing missing before anything is due', () => {
      const result = evaluateKpiStatus(additive);
      expect(result.latestDuePeriod).toBeNull();
      expect(result.missingPeriods).toEqual([]);
    });

    it.each<[string, Partial<KpiStatusInput>, string, number | null, number | null, number | null]>([
      [
        'last value against a level trajectory: 62 of 65',
        {
          asOf: '2026-04-01',
          yearlyTarget: 75,
          trajectory: [
            { period: '2569-Q1', target: 60 },
            { period: '2569-Q2', target: 65 },
            { period: '2569-Q3', target: 70 },
            { period: '2569-Q4', target: 75 },
          ],
          results: [
            { period: '2569-Q1', value: 58 },
            { period: '2569-Q2', value: 62 },
          ],
        },
        'amber',
        62,
        65,
        6200 / 65,
      ],
      ['exactly 80 % on awkward decimals', { yearlyTarget: 5.65, results: q1(4.52) }, 'amber', 4.52, 5.65, 80],
      [
        'average against the full-year level',
        {
          frequency: 'monthly',
          rollup: 'average',
          yearlyTarget: 80,
          asOf: '2026-01-10',
          results: monthly(70, 80, 90),
        },
        'green',
        80,
        80,
        100,
      ],
      [
        'ratio: (450 + 470) / (500 + 500) = 92 % against 95 %',
        {
          rollup: 'ratio',
          ratioMultiplier: 100,
          yearlyTarget: 95,
          asOf: '2026-04-01',
          results: [
            { period: '2569-Q1', numerator: 450, denominator: 500 },
            { period: '2569-Q2', numerator: 470, denominator: 500 },
          ],
        },
        'amber',
        92,
        95,
        9200 / 95,
      ],
      [
        'ratio with nothing in the denominators → none',
        {
          rollup: 'ratio',
          ratioMultiplier: 100,
          yearlyTarget: 95,
          asOf: '2026-04-01',
          results: [
            { period: '2569-Q1', numerator: 0, denominator: 0 },
            { period: '2569-Q2', numerator: 0, denominator: 0 },
          ],
        },
        'none',
        null,
        95,
        null,
      ],
      [
        'lower is better: 12.5 days against 10',
        { direction: 'lower_better', yearlyTarget: 10, results: q1(12.5) },
        'amber',
        12.5,
        10,
        80,
      ],
      [
        'lower is better: 8 days against 10',
        { direction: 'lower_better', yearlyTarget: 10, results: q1(8) },
        'green',
        8,
        10,
        125,
      ],
      [
        'lower is better: 13 days against 10',
        { direction: 'lower_better', yearlyTarget: 10, results: q1(13) },
        'red',
        13,
        10,
        1000 / 13,
      ],
      [
        'lower is better: actual 0 meets any target',
        { direction: 'lower_better', yearlyTarget: 10, results: q1(0) },
        'green',
        0,
        10,
        null,
      ],
      [
        'lower is better, negative target met',
        { direction: 'lower_better', yearlyTarget: -2, results: q1(-3) },
        'green',
        -3,
        -2,
        null,
      ],
      [
        'lower is better, negative target missed',
        { direction: 'lower_better', yearlyTarget: -2, results: q1(-1) },
        'red',
        -1,
        -2,
        null,
      ],
      ['higher is better, target 0 met', { yearlyTarget: 0, results: q1(0) }, 'green', 0, 0, null],
      ['higher is better, target 0 missed', { yearlyTarget: 0, results: q1(-1) }, 'red', -1, 0, null],
    ])('quarterly KPI: %s', (_, overrides, status, actual, expected, achievement) => {
      const result = evaluateKpiStatus(quarterlyLast(overrides));
      expect(result.status).toBe(status);
      expect(result.actual).toBe(actual);
      expect(result.expected).toBe(expected);
      expect(result.achievement).toBe(achievement);
    });

    it.each<[string, Partial<KpiStatusInput>, string, number | null]>([
      ['2 in [1, 3]', { results: q1(2) }, 'green', 100],
      ['1 on the lower edge', { results: q1(1) }, 'green', 100],
      ['3 on the upper edge', { results: q1(3) }, 'green', 100],
      ['0.9 below', { results: q1(0.9) }, 'amber', 90],
      ['3.75 above', { results: q1(3.75) }, 'amber', 80],
      ['4 above', { results: q1(4) }, 'red', 75],
      ['-1 below a band starting at 0', { band: { min: 0, max: 3 }, results: q1(-1) }, 'red', null],
      ['no band', { band: null, results: q1(2) }, 'none', null],
      ['missing result', { results: [] }, 'grey', null],
    ])('band KPI [1, 3]: %s', (_, overrides, status, achievement) => {
      const result = evaluateKpiStatus(
        quarterlyLast({
          direction: 'band',
          band: { min: 1, max: 3 },
          yearlyTarget: 999,
          ...overrides,
        }),
      );
      expect(result.status).toBe(status);
      expect(result.achievement).toBe(achievement);
      expect(result.expected).toBeNull();
    });

    it.each<[number, string, number]>([
      [290, 'amber', 29000 / 300],
      [350, 'green', 100],
      [400, 'amber', 93.75],
    ])('additive band KPI pro-rated to [300, 375]: %d → %s', (total, status, achievement) => {
      const result = evaluateKpiStatus({
        ...additive,
        direction: 'band',
        band: { min: 1200, max: 1500 },
        asOf: '2026-01-10',
        results: monthly(total - 200, 100, 100),
      });
      expect(result.expectedBand).toEqual({ min: 300, max: 375 });
      expect(result.actual).toBe(total);
      expect(result.status).toBe(status);
      expect(result.achievement).toBe(achievement);
    });

    it('accepts a Date as of, read by its UTC day', () => {
      expect(
        evaluateKpiStatus({
          ...additive,
          asOf: new Date('2025-11-01T00:00:00Z'),
          results: monthly(100),
        }).status,
      ).toBe('green');
    });

    it('refuses a malformed result period', () => {
      expect(() =>
        evaluateKpiStatus({
          ...additive,
          asOf: '2025-11-01',
          results: [{ period: '2569-10', value: 1 }],
        }),
      ).toThrow(RangeError);
    });
  });
});
