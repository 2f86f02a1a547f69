import { KpiDirection } from './kpi-status';
import { RollupMethod } from './kpi-rollup';
import {
  AggregationKind,
  AggregationNullReason,
  ProvinceKpiValue,
  ProvinceRankRow,
  ProvinceRankingOptions,
  aggregateAcrossProvinces,
  defaultAggregation,
  isAggregationKind,
  rankProvinces,
} from './kpi-aggregation';

/**
 * Upper North 1 cluster (C15): 50 Chiang Mai, 51 Lamphun, 52 Lampang, 58 Mae Hong Son. The figures
 * are test values, not official statistics.
 */
const value = (code: string, v: number | null): ProvinceKpiValue => ({ code, value: v });
const ratio = (code: string, numerator: number | null, denominator: number | null): ProvinceKpiValue => ({
  code,
  numerator,
  denominator,
});
const weighted = (code: string, v: number | null, weight: number | null): ProvinceKpiValue => ({
  code,
  value: v,
  weight,
});

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('kpi-aggregation', () => {
  describe('defaultAggregation', () => {
    it.each<[RollupMethod, boolean, AggregationKind]>([
      ['ratio', false, 'weighted_ratio'],
      ['ratio', true, 'weighted_ratio'],
      ['sum', true, 'sum'],
      ['last', true, 'sum'],
      ['average', true, 'sum'],
      ['average', false, 'weighted_mean'],
      ['sum', false, 'none'],
      ['last', false, 'none'],
    ])('%s, additive %s → %s', (rollup, additive, kind) => {
      expect(defaultAggregation(rollup, additive)).toBe(kind);
    });

    it('refuses an unknown roll-up method', () => {
      expect(() => defaultAggregation('median' as RollupMethod, true)).toThrow(RangeError);
    });
  });

  describe('isAggregationKind', () => {
    it.each<[unknown, boolean]>([
      ['sum', true],
      ['weighted_ratio', true],
      ['weighted_mean', true],
      ['none', true],
      ['mean', false],
      ['ratio', false],
      [undefined, false],
      [1, false],
    ])('%j → %s', (input, expected) => {
      expect(isAggregationKind(input)).toBe(expected);
    });
  });

  describe('aggregateAcrossProvinces', () => {
    describe('sum', () => {
      it.each<[string, ProvinceKpiValue[], number | null, AggregationNullReason | null, string[], string[]]>([
        [
          'people trained, C15: 1,200 + 350 + 640 + 110',
          [value('50', 1200), value('51', 350), value('52', 640), value('58', 110)],
          2300,
          null,
          ['50', '51', '52', '58'],
          [],
        ],
        [
          'a province without a result: partial total, listed as missing',
          [value('50', 1200), value('51', 350), value('52', 640), value('58', null)],
          2190,
          null,
          ['50', '51', '52'],
          ['58'],
        ],
        ['exact: 0.1 + 0.2 = 0.3', [value('50', 0.1), value('51', 0.2)], 0.3, null, ['50', '51'], []],
        [
          'baht: 1,234,567.89 + 0.11 = 1,234,568',
          [value('50', 1234567.89), value('51', 0.11)],
          1234568,
          null,
          ['50', '51'],
          [],
        ],
        ['zero is a value', [value('50', 0), value('51', 0)], 0, null, ['50', '51'], []],
        ['negative values add up', [value('50', 10), value('51', -4)], 6, null, ['50', '51'], []],
        ['nobody reported', [value('50', null), { code: '51' }], null, 'NO_DATA', [], ['50', '51']],
        ['no provinces', [], null, 'NO_DATA', [], []],
        [
          'ratio parts and weights are ignored',
          [{ code: '50', value: 5, numerator: 1, denominator: 2, weight: 100 }],
          5,
          null,
          ['50'],
          [],
        ],
      ])('%s', (_name, rows, expected, reason, included, missing) => {
        expect(aggregateAcrossProvinces('sum', rows)).toEqual({
          kind: 'sum',
          value: expected,
          reason,
          included,
          missing,
        });
      });
    });

    describe('weighted_ratio: Σ numerators / Σ denominators, never the mean of the percentages', () => {
      it.each<[string, ProvinceKpiValue[], number, number | null, number | null]>([
        [
          'coverage 450/500 = 90 % and 60/100 = 60 %',
          [ratio('50', 450, 500), ratio('58', 60, 100)],
          100,
          85,
          mean([90, 60]),
        ],
        [
          'a small province at 100 % does not pull a large one up: 500/1,000 and 1/1',
          [ratio('50', 500, 1000), ratio('58', 1, 1)],
          100,
          50100 / 1001,
          mean([50, 100]),
        ],
        [
          'C15: 27,000/30,000, 4,200/5,000, 6,300/8,000, 900/1,500',
          [ratio('50', 27000, 30000), ratio('51', 4200, 5000), ratio('52', 6300, 8000), ratio('58', 900, 1500)],
          100,
          3840000 / 44500,
          mean([90, 84, 78.75, 60]),
        ],
        ['equal denominators: both agree', [ratio('50', 45, 50), ratio('51', 35, 50)], 100, 80, mean([90, 70])],
        ['per thousand: 3/1,500 and 1/500', [ratio('50', 3, 1500), ratio('51', 1, 500)], 1000, 2, mean([2, 2])],
        [
          'a 0/0 province adds nothing (it has no percentage to average)',
          [ratio('50', 0, 0), ratio('51', 5, 20)],
          100,
          25,
          null,
        ],
      ])('%s', (_name, rows, multiplier, expected, meanOfPercentages) => {
        const result = aggregateAcrossProvinces('weighted_ratio', rows, { multiplier });
        expect(result.reason).toBeNull();
        expect(result.value).toBe(expected);
        if (meanOfPercentages !== null) {
          // What the function must not compute (the two agree only when the denominators are equal).
          const percentages = rows.map((row) => ((row.numerator as number) / (row.denominator as number)) * multiplier);
          expect(mean(percentages)).toBeCloseTo(meanOfPercentages, 10);
        }
      });

      it('is exact: 57/100 × 100 = 57 (floating point gives 56.99999999999999)', () => {
        expect((57 / 100) * 100).toBe(56.99999999999999);
        expect(aggregateAcrossProvinces('weighted_ratio', [ratio('50', 57, 100)], { multiplier: 100 }).value).toBe(57);
      });

      it('equals the mean of the percentages weighted by the denominators', () => {
        const asRatio = aggregateAcrossProvinces('weighted_ratio', [ratio('50', 450, 500), ratio('58', 60, 100)], {
          multiplier: 100,
        });
        const asMean = aggregateAcrossProvinces('weighted_mean', [weighted('50', 90, 500), weighted('58', 60, 100)]);
        expect(asRatio.value).toBe(85);
        expect(asMean.value).toBe(85);
      });

      it('uses a multiplier of 1 by default', () => {
        expect(aggregateAcrossProvinces('weighted_ratio', [ratio('50', 1, 4)]).value).toBe(0.25);
      });

      it.each<[string, ProvinceKpiValue[], number | null, AggregationNullReason | null, string[], string[]]>([
        [
          'a province with one part only is missing',
          [ratio('50', 450, 500), ratio('51', 40, null), ratio('52', null, 80)],
          90,
          null,
          ['50'],
          ['51', '52'],
        ],
        ['every denominator 0', [ratio('50', 0, 0), ratio('51', 3, 0)], null, 'ZERO_DENOMINATOR', ['50', '51'], []],
        ['no parts at all', [value('50', 90)], null, 'NO_DATA', [], ['50']],
      ])('%s', (_name, rows, expected, reason, included, missing) => {
        expect(aggregateAcrossProvinces('weighted_ratio', rows, { multiplier: 100 })).toEqual({
          kind: 'weighted_ratio',
          value: expected,
          reason,
          included,
          missing,
        });
      });
    });

    describe('weighted_mean', () => {
      it.each<[string, ProvinceKpiValue[], number | null, AggregationNullReason | null, string[], string[]]>([
        [
          'PM2.5 level by population: 30, 20, 25, 40 with 1.8 M, 0.4 M, 0.7 M, 0.3 M',
          [
            weighted('50', 30, 1_800_000),
            weighted('51', 20, 400_000),
            weighted('52', 25, 700_000),
            weighted('58', 40, 300_000),
          ],
          91_500_000 / 3_200_000,
          null,
          ['50', '51', '52', '58'],
          [],
        ],
        ['equal weights: the plain mean', [weighted('50', 70, 1), weighted('51', 80, 1)], 75, null, ['50', '51'], []],
        [
          'a province without a weight is missing',
          [weighted('50', 30, 3), weighted('51', 20, null), weighted('52', 10, 1)],
          25,
          null,
          ['50', '52'],
          ['51'],
        ],
        [
          'a weight of 0 keeps the province out of the figure',
          [weighted('50', 30, 1), weighted('51', 1000, 0)],
          30,
          null,
          ['50', '51'],
          [],
        ],
        ['exact: (0.1 + 0.2) / 2', [weighted('50', 0.1, 1), weighted('51', 0.2, 1)], 0.15, null, ['50', '51'], []],
        ['every weight 0', [weighted('50', 30, 0), weighted('51', 20, 0)], null, 'ZERO_WEIGHT', ['50', '51'], []],
        ['no values', [weighted('50', null, 5)], null, 'NO_DATA', [], ['50']],
      ])('%s', (_name, rows, expected, reason, included, missing) => {
        expect(aggregateAcrossProvinces('weighted_mean', rows)).toEqual({
          kind: 'weighted_mean',
          value: expected,
          reason,
          included,
          missing,
        });
      });

      it('differs from the unweighted mean when the weights differ', () => {
        expect(91_500_000 / 3_200_000).toBe(28.59375);
        expect(mean([30, 20, 25, 40])).toBe(28.75);
      });
    });

    describe('none', () => {
      it('returns null with a reason, whatever the data', () => {
        expect(aggregateAcrossProvinces('none', [value('50', 3.2), value('51', 1.5)])).toEqual({
          kind: 'none',
          value: null,
          reason: 'NOT_AGGREGATABLE',
          included: [],
          missing: [],
        });
      });

      it('GPP growth: neither the sum nor the mean of the rates is the cluster growth', () => {
        // 50: GPP 100 → 110 (+10 %); 51: 1,000 → 1,010 (+1 %). Sum 11 %, mean 5.5 %.
        const before = aggregateAcrossProvinces('sum', [value('50', 100), value('51', 1000)]);
        const after = aggregateAcrossProvinces('sum', [value('50', 110), value('51', 1010)]);
        const growth = aggregateAcrossProvinces('weighted_ratio', [ratio('C', 1120 - 1100, 1100)], {
          multiplier: 100,
        });
        expect(before.value).toBe(1100);
        expect(after.value).toBe(1120);
        expect(growth.value).toBe(2000 / 1100);
        // Only the previous year's GPP as weights gives it back from the rates.
        expect(
          aggregateAcrossProvinces('weighted_mean', [weighted('50', 10, 100), weighted('51', 1, 1000)]).value,
        ).toBe(2000 / 1100);
      });
    });

    it.each<[string, () => unknown]>([
      ['an unknown kind', () => aggregateAcrossProvinces('mean' as AggregationKind, [value('50', 1)])],
      ['a province listed twice', () => aggregateAcrossProvinces('sum', [value('50', 1), value('50', 2)])],
      [
        'a province listed twice, even for none',
        () => aggregateAcrossProvinces('none', [value('50', 1), value('50', 2)]),
      ],
      ['NaN value', () => aggregateAcrossProvinces('sum', [value('50', Number.NaN)])],
      [
        'infinite numerator',
        () => aggregateAcrossProvinces('weighted_ratio', [ratio('50', Number.POSITIVE_INFINITY, 1)]),
      ],
      ['negative weight', () => aggregateAcrossProvinces('weighted_mean', [weighted('50', 10, -1)])],
      [
        'NaN multiplier',
        () => aggregateAcrossProvinces('weighted_ratio', [ratio('50', 1, 2)], { multiplier: Number.NaN }),
      ],
    ])('throws RangeError on %s', (_name, run) => {
      expect(run).toThrow(RangeError);
    });
  });

  describe('rankProvinces', () => {
    type Row = ProvinceRankRow & { readonly name?: string };
    const byAchievement = (code: string, achievement: number | null): Row => ({ code, achievement });
    const byValue = (code: string, v: number | null): Row => ({ code, value: v });
    const ranks = (rows: Row[], options?: ProvinceRankingOptions): [string, number | null][] =>
      rankProvinces(rows, options).map((row) => [row.code, row.rank]);

    it.each<[string, Row[], ProvinceRankingOptions | undefined, [string, number | null][]]>([
      [
        'achievement, highest first; ties share a rank: 1, 2, 2, 4',
        [byAchievement('50', 95), byAchievement('51', 102.5), byAchievement('52', 95), byAchievement('58', 80)],
        undefined,
        [
          ['51', 1],
          ['50', 2],
          ['52', 2],
          ['58', 4],
        ],
      ],
      [
        'three-way tie, listed by code, and a province without a figure last: 1, 2, 3, 3, 3, 6, –',
        [
          byAchievement('58', 98),
          byAchievement('55', null),
          byAchievement('52', 98),
          byAchievement('57', 87.25),
          byAchievement('54', 120),
          byAchievement('51', 98),
          byAchievement('50', 104.5),
        ],
        { by: 'achievement' },
        [
          ['54', 1],
          ['50', 2],
          ['51', 3],
          ['52', 3],
          ['58', 3],
          ['57', 6],
          ['55', null],
        ],
      ],
      [
        'achievement ignores the direction (it already includes it)',
        [byAchievement('50', 90), byAchievement('51', 110)],
        { by: 'achievement', direction: 'lower_better' },
        [
          ['51', 1],
          ['50', 2],
        ],
      ],
      [
        'value, higher is better: descending',
        [byValue('50', 1200), byValue('51', 350), byValue('52', 640), byValue('58', 110)],
        { by: 'value', direction: 'higher_better' },
        [
          ['50', 1],
          ['52', 2],
          ['51', 3],
          ['58', 4],
        ],
      ],
      [
        'value, lower is better (infant mortality per 1,000): ascending, ties share: 1, 1, 3, 4, 5, –',
        [
          byValue('58', 9.4),
          byValue('57', null),
          byValue('56', 7.9),
          byValue('52', 4.8),
          byValue('51', 4.8),
          byValue('50', 6.1),
        ],
        { by: 'value', direction: 'lower_better' },
        [
          ['51', 1],
          ['52', 1],
          ['50', 3],
          ['56', 4],
          ['58', 5],
          ['57', null],
        ],
      ],
      [
        'value, lower is better, with 0 and negative values',
        [byValue('50', 0.3), byValue('51', 0), byValue('52', -0.5)],
        { by: 'value', direction: 'lower_better' },
        [
          ['52', 1],
          ['51', 2],
          ['50', 3],
        ],
      ],
      [
        'ranking by value ignores the achievement, and the other way round',
        [
          { code: '50', value: 1, achievement: 200 },
          { code: '51', value: 2, achievement: 100 },
        ],
        { by: 'value', direction: 'higher_better' },
        [
          ['51', 1],
          ['50', 2],
        ],
      ],
      [
        'without decimals, 80.004 and 79.996 differ',
        [byAchievement('51', 79.996), byAchievement('50', 80.004)],
        undefined,
        [
          ['50', 1],
          ['51', 2],
        ],
      ],
      [
        'with 2 decimals both show 80.00 and share rank 1',
        [byAchievement('51', 79.996), byAchievement('50', 80.004)],
        { decimals: 2 },
        [
          ['50', 1],
          ['51', 1],
        ],
      ],
      [
        'rounding is half away from zero: 80.005 → 80.01 ranks above 80.004 → 80.00',
        [byAchievement('50', 80.004), byAchievement('51', 80.005)],
        { decimals: 2 },
        [
          ['51', 1],
          ['50', 2],
        ],
      ],
      [
        'nobody has a figure: all null, by code',
        [byAchievement('58', null), { code: '50' }, byAchievement('52', null)],
        undefined,
        [
          ['50', null],
          ['52', null],
          ['58', null],
        ],
      ],
      ['no provinces', [], undefined, []],
    ])('%s', (_name, rows, options, expected) => {
      expect(ranks(rows, options)).toEqual(expected);
    });

    it('orders the same as by value when the achievement is taken on a lower-is-better KPI', () => {
      // Target 6 per 1,000: achievement = 6 / actual × 100.
      const actuals: [string, number][] = [
        ['50', 6.1],
        ['51', 4.8],
        ['56', 7.9],
        ['58', 9.4],
      ];
      const fromValue = ranks(
        actuals.map(([code, v]) => byValue(code, v)),
        { by: 'value', direction: 'lower_better' },
      );
      const fromAchievement = ranks(actuals.map(([code, v]) => byAchievement(code, (6 / v) * 100)));
      expect(fromAchievement).toEqual(fromValue);
    });

    it('keeps the other fields and does not modify the input', () => {
      const rows: Row[] = [
        { code: '51', achievement: 90, name: 'Lamphun' },
        { code: '50', achievement: 100, name: 'Chiang Mai' },
      ];
      const copy = JSON.parse(JSON.stringify(rows));
      expect(rankProvinces(rows)).toEqual([
        { code: '50', achievement: 100, name: 'Chiang Mai', rank: 1 },
        { code: '51', achievement: 90, name: 'Lamphun', rank: 2 },
      ]);
      expect(rows).toEqual(copy);
    });

    it.each<[string, Row[], ProvinceRankingOptions]>([
      ['by value without a direction', [byValue('50', 1)], { by: 'value' }],
      ['by value on a band KPI', [byValue('50', 1)], { by: 'value', direction: 'band' }],
      ['an unknown direction', [byValue('50', 1)], { by: 'value', direction: 'up' as KpiDirection }],
      ['an unknown basis', [byValue('50', 1)], { by: 'score' as 'value' }],
      ['NaN', [byAchievement('50', Number.NaN)], {}],
      ['Infinity', [byValue('50', Number.POSITIVE_INFINITY)], { by: 'value', direction: 'higher_better' }],
      ['a province listed twice', [byAchievement('50', 1), byAchievement('50', 2)], {}],
      ['bad decimals', [byAchievement('50', 1)], { decimals: -1 }],
    ])('throws RangeError on %s', (_name, rows, options) => {
      expect(() => rankProvinces(rows, options)).toThrow(RangeError);
    });
  });
});
