import {
  AgreementDirection,
  AgreementIndicator,
  IndicatorKind,
  IndicatorRule,
  agreementScore,
  formatAgreementScore,
  formatAgreementScoreShort,
  indicatorScore,
  validateAgreement,
  validateCriterionLevels,
  weightsSumTo100,
} from './agreement-score';

const ascending: IndicatorRule = {
  levels: [60, 65, 70, 75, 80],
  direction: 'higher_better',
};
const descending: IndicatorRule = {
  levels: [20, 18, 16, 14, 12],
  direction: 'lower_better',
};
const milestone: IndicatorRule = {
  levels: [1, 2, 3, 4, 5],
  direction: 'higher_better',
  kind: 'milestone',
};

/** The worked example of docs/domain-calculations.md: 3.7650. */
const example: AgreementIndicator[] = [
  { weight: 30, ...ascending, actual: 73.9 },
  { weight: 25, ...descending, actual: 15.2 },
  { weight: 20, ...milestone, actual: 4 },
  {
    weight: 15,
    levels: [100, 110, 120, 130, 140],
    direction: 'higher_better',
    actual: 150,
  },
  {
    weight: 10,
    levels: [50, 55, 60, 65, 70],
    direction: 'higher_better',
    actual: 56.55,
  },
];

describe('agreement-score', () => {
  describe('indicatorScore, higher is better, levels 60 65 70 75 80', () => {
    it.each([
      [-10, 0],
      [59.99, 0],
      [60, 1],
      [62.5, 1.5],
      [65, 2],
      [70, 3],
      [72.3, 3.46],
      [73.9, 3.78],
      [75, 4],
      [79, 4.8],
      [79.99, 4.998],
      [80, 5],
      [95, 5],
    ])('x = %d → %d', (actual, score) => {
      expect(indicatorScore(ascending, actual)).toBe(score);
    });
  });

  describe('indicatorScore, lower is better, levels 20 18 16 14 12', () => {
    it.each([
      [25, 0],
      [20.01, 0],
      [20, 1],
      [19, 1.5],
      [18, 2],
      [16, 3],
      [15.2, 3.4],
      [14, 4],
      [13.5, 4.25],
      [12, 5],
      [11, 5],
      [0, 5],
    ])('x = %d → %d', (actual, score) => {
      expect(indicatorScore(descending, actual)).toBe(score);
    });
  });

  describe('indicatorScore, milestones', () => {
    it.each<[IndicatorRule, number, number]>([
      [milestone, 0, 0],
      [milestone, 0.99, 0],
      [milestone, 1, 1],
      [milestone, 3, 3],
      [milestone, 3.5, 3],
      [milestone, 4.99, 4],
      [milestone, 5, 5],
      [milestone, 7, 5],
      [
        {
          levels: [5, 4, 3, 2, 1],
          direction: 'lower_better',
          kind: 'milestone',
        },
        2.5,
        3,
      ],
      [
        {
          levels: [10, 20, 40, 70, 100],
          direction: 'higher_better',
          kind: 'milestone',
        },
        69,
        3,
      ],
    ])('%j, x = %d → %d', (rule, actual, score) => {
      expect(indicatorScore(rule, actual)).toBe(score);
    });
  });

  describe('indicatorScore, other scales', () => {
    it.each<[IndicatorRule, number, number]>([
      [{ levels: [0, 0.25, 0.5, 0.75, 1], direction: 'higher_better' }, 0.6, 3.4],
      [{ levels: [-10, -5, 0, 5, 10], direction: 'higher_better' }, -7.5, 1.5],
      [{ levels: [1, 2, 4, 8, 16], direction: 'higher_better' }, 6, 3.5],
      [{ levels: [90, 92, 94, 96, 98], direction: 'higher_better' }, 93, 2.5],
      [{ levels: [100, 103, 106, 109, 112], direction: 'higher_better' }, 104, 7 / 3],
    ])('%j, x = %d → %d', (rule, actual, score) => {
      expect(indicatorScore(rule, actual)).toBe(score);
    });

    it('has no float artefact: (72.3 − 70) / 5 is 0.46 exactly', () => {
      expect(3 + (72.3 - 70) / 5).not.toBe(3.46);
      expect(indicatorScore(ascending, 72.3)).toBe(3.46);
    });

    it.each<[IndicatorRule]>([
      [{ levels: [60, 60, 70, 75, 80], direction: 'higher_better' }],
      [{ levels: [60, 65, 70, 75], direction: 'higher_better' }],
      [{ levels: [20, 18, 16, 14, 12], direction: 'higher_better' }],
      [{ levels: [60, 65, 70, 75, 80], direction: 'lower_better' }],
      [{ levels: [60, 65, Number.NaN, 75, 80], direction: 'higher_better' }],
    ])('throws on invalid levels %j', (rule) => {
      expect(() => indicatorScore(rule, 70)).toThrow(RangeError);
    });

    it('throws on a non-finite actual', () => {
      expect(() => indicatorScore(ascending, Number.NaN)).toThrow(RangeError);
    });
  });

  describe('validateCriterionLevels', () => {
    it.each<[readonly number[], AgreementDirection, IndicatorKind | undefined, string[]]>([
      [[60, 65, 70, 75, 80], 'higher_better', undefined, []],
      [[20, 18, 16, 14, 12], 'lower_better', undefined, []],
      [[1, 2, 3, 4, 5], 'higher_better', 'milestone', []],
      [[60, 60, 70, 75, 80], 'higher_better', undefined, ['LEVELS_NOT_ASCENDING']],
      [[60, 70, 65, 75, 80], 'higher_better', undefined, ['LEVELS_NOT_ASCENDING']],
      [[20, 18, 16, 14, 12], 'higher_better', undefined, ['LEVELS_NOT_ASCENDING']],
      [[60, 65, 70, 75, 80], 'lower_better', undefined, ['LEVELS_NOT_DESCENDING']],
      [[20, 18, 18, 14, 12], 'lower_better', undefined, ['LEVELS_NOT_DESCENDING']],
      [[60, 65, 70, 75], 'higher_better', undefined, ['LEVELS_COUNT']],
      [[60, 65, 70, 75, 80, 85], 'higher_better', undefined, ['LEVELS_COUNT']],
      [[60, 65, Number.POSITIVE_INFINITY, 75, 80], 'higher_better', undefined, ['LEVEL_NOT_FINITE']],
      [[60, 65, 70, 75, 80], 'sideways' as AgreementDirection, undefined, ['UNKNOWN_DIRECTION']],
      [[60, 65, 70, 75, 80], 'higher_better', 'guess' as IndicatorKind, ['UNKNOWN_KIND']],
    ])('%j %s %s → %j', (levels, direction, kind, codes) => {
      expect(validateCriterionLevels({ levels, direction, kind })).toEqual(codes);
    });
  });

  describe('weightsSumTo100', () => {
    it.each<[number[], boolean]>([
      [[30, 25, 20, 15, 10], true],
      [[20, 20, 20, 20, 20], true],
      [[33.33, 33.33, 33.34], true],
      [[14.46, 49.59, 35.95], true],
      [[0.1, 0.2, 99.7], true],
      [[12.5, 12.5, 25, 50], true],
      [[50, 49.99], false],
      [[60, 50], false],
      [[100.01], false],
      [[], false],
      [[Number.NaN, 100], false],
    ])('%j → %s', (weights, expected) => {
      expect(weightsSumTo100(weights)).toBe(expected);
    });

    it('is exact where floating point is not', () => {
      expect(14.46 + 49.59 + 35.95).toBe(100.00000000000001);
      expect(weightsSumTo100([14.46, 49.59, 35.95])).toBe(true);
    });
  });

  describe('validateAgreement', () => {
    it('accepts the worked example', () => {
      expect(validateAgreement(example)).toEqual([]);
    });

    it('refuses an empty agreement', () => {
      expect(validateAgreement([])).toEqual([{ code: 'NO_INDICATORS' }]);
    });

    it.each<[string, { weight: number; levels: number[]; direction: AgreementDirection }[], unknown[]]>([
      [
        'weights summing to 90',
        [
          { weight: 60, ...ascending, levels: [...ascending.levels] },
          { weight: 30, ...ascending, levels: [...ascending.levels] },
        ],
        [{ code: 'WEIGHTS_SUM_NOT_100' }],
      ],
      [
        'a zero weight',
        [
          { weight: 100, ...ascending, levels: [...ascending.levels] },
          { weight: 0, ...ascending, levels: [...ascending.levels] },
        ],
        [{ code: 'WEIGHT_NOT_POSITIVE', indicator: 1 }],
      ],
      [
        'a negative weight',
        [
          { weight: 110, ...ascending, levels: [...ascending.levels] },
          { weight: -10, ...ascending, levels: [...ascending.levels] },
        ],
        [{ code: 'WEIGHT_NOT_POSITIVE', indicator: 1 }],
      ],
      [
        'a weight with three decimals',
        [
          { weight: 33.333, ...ascending, levels: [...ascending.levels] },
          { weight: 66.667, ...ascending, levels: [...ascending.levels] },
        ],
        [
          { code: 'WEIGHT_TOO_MANY_DECIMALS', indicator: 0 },
          { code: 'WEIGHT_TOO_MANY_DECIMALS', indicator: 1 },
        ],
      ],
      [
        'a non-finite weight',
        [
          { weight: Number.NaN, ...ascending, levels: [...ascending.levels] },
          { weight: 100, ...ascending, levels: [...ascending.levels] },
        ],
        [{ code: 'WEIGHT_NOT_FINITE', indicator: 0 }],
      ],
      [
        'bad levels on the second indicator',
        [
          { weight: 50, ...ascending, levels: [...ascending.levels] },
          {
            weight: 50,
            direction: 'lower_better',
            levels: [12, 14, 16, 18, 20],
          },
        ],
        [{ code: 'LEVELS_NOT_DESCENDING', indicator: 1 }],
      ],
    ])('%s', (_, indicators, errors) => {
      expect(validateAgreement(indicators)).toEqual(errors);
    });

    it('does not throw on garbage', () => {
      const garbage = [{ weight: 'x', levels: null, direction: 'up' }] as unknown as AgreementIndicator[];
      expect(validateAgreement(garbage)).toEqual([
        { code: 'UNKNOWN_DIRECTION', indicator: 0 },
        { code: 'LEVELS_COUNT', indicator: 0 },
        { code: 'WEIGHT_NOT_FINITE', indicator: 0 },
      ]);
    });
  });

  describe('agreementScore', () => {
    it('computes the worked example to 3.7650', () => {
      const result = agreementScore(example);
      expect(result.indicators.map((line) => line.score)).toEqual([3.78, 3.4, 4, 5, 2.31]);
      expect(result.score).toBe(3.765);
      expect(result.formatted).toBe('3.7650');
      expect(result.countedWeight).toBe(100);
    });

    it.each<[string, AgreementIndicator[], string | null]>([
      [
        'equal weights, scores 1…5',
        [60, 65, 70, 75, 80].map((actual) => ({
          weight: 20,
          ...ascending,
          actual,
        })),
        '3.0000',
      ],
      [
        'weights not summing to 100 are normalised: (40·5 + 40·3) / 80',
        [
          { weight: 40, ...ascending, actual: 80 },
          { weight: 40, ...ascending, actual: 70 },
        ],
        '4.0000',
      ],
      [
        'decimal weights: (33.33·5 + 33.33·4 + 33.34·4) / 100 = 4.3333',
        [
          { weight: 33.33, ...ascending, actual: 80 },
          { weight: 33.33, ...ascending, actual: 75 },
          { weight: 33.34, ...ascending, actual: 75 },
        ],
        '4.3333',
      ],
      [
        'all below level 1',
        [
          { weight: 50, ...ascending, actual: 10 },
          { weight: 50, ...descending, actual: 30 },
        ],
        '0.0000',
      ],
      [
        'all at or beyond level 5',
        [
          { weight: 50, ...ascending, actual: 80 },
          { weight: 50, ...descending, actual: 11 },
        ],
        '5.0000',
      ],
      [
        'midpoint rounds half away from zero: 3.00005 → 3.0001',
        [
          { weight: 50, ...ascending, actual: 70.0005 },
          { weight: 50, ...ascending, actual: 70 },
        ],
        '3.0001',
      ],
      ['no indicators', [], null],
    ])('%s', (_, indicators, formatted) => {
      expect(agreementScore(indicators).formatted).toBe(formatted);
    });

    it('rounds the midpoint where floating point would round down', () => {
      const naive = (50 * (3 + (70.0005 - 70) / 5) + 50 * 3) / 100;
      expect(naive.toFixed(4)).toBe('3.0000');
      expect(
        agreementScore([
          { weight: 50, ...ascending, actual: 70.0005 },
          { weight: 50, ...ascending, actual: 70 },
        ]).score,
      ).toBe(3.00005);
    });

    describe('indicators without a result', () => {
      const withMissing = example.map((indicator, i) => (i === 4 ? { ...indicator, actual: null } : indicator));

      it('count as 0 by default (official rounds): 353.4 / 100', () => {
        const result = agreementScore(withMissing);
        expect(result.formatted).toBe('3.5340');
        expect(result.countedWeight).toBe(100);
        expect(result.indicators[4]).toEqual({ score: null, counted: true });
      });

      it("count as 0 with missingResult 'zero'", () => {
        expect(agreementScore(withMissing, { missingResult: 'zero' }).formatted).toBe('3.5340');
      });

      it("are left out with missingResult 'exclude': 353.4 / 90 = 3.92666…", () => {
        const result = agreementScore(withMissing, {
          missingResult: 'exclude',
        });
        expect(result.formatted).toBe('3.9267');
        expect(result.score).toBe(589 / 150);
        expect(result.countedWeight).toBe(90);
        expect(result.indicators[4]).toEqual({ score: null, counted: false });
      });

      it('give no score when every indicator is excluded', () => {
        const none = example.map((indicator) => ({
          ...indicator,
          actual: null,
        }));
        expect(agreementScore(none, { missingResult: 'exclude' })).toMatchObject({
          score: null,
          formatted: null,
          countedWeight: 0,
        });
        expect(agreementScore(none).formatted).toBe('0.0000');
      });
    });

    it('throws on invalid levels of an indicator with a result', () => {
      expect(() =>
        agreementScore([
          {
            weight: 100,
            levels: [1, 1, 1, 1, 1],
            direction: 'higher_better',
            actual: 1,
          },
        ]),
      ).toThrow(RangeError);
    });
  });

  describe('formatAgreementScore', () => {
    it.each<[number | string, string]>([
      [3.765, '3.7650'],
      [3.76505, '3.7651'],
      [3.76504999, '3.7650'],
      ['3.76515', '3.7652'],
      [5, '5.0000'],
      [0, '0.0000'],
      [4.33333333, '4.3333'],
      [2.99995, '3.0000'],
    ])('%j → %s', (score, text) => {
      expect(formatAgreementScore(score)).toBe(text);
    });
  });

  describe('formatAgreementScoreShort (screens)', () => {
    it.each<[number | string, string]>([
      [1.3585, '1.36'],
      [3.765, '3.77'],
      [3.7649, '3.76'],
      [1.005, '1.01'], // (1.005).toFixed(2) gives "1.00"
      [1.124999, '1.12'], // not "1.13" from its four-decimal text "1.1250"
      ['2.995', '3.00'],
      [5, '5.00'],
      [0, '0.00'],
    ])('%j → %s', (score, text) => {
      expect(formatAgreementScoreShort(score)).toBe(text);
    });
  });
});
