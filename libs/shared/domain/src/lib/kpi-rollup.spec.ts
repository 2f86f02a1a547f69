import {
  RollupEntry,
  RollupMethod,
  hasRollupValue,
  isAdditive,
  isRollupMethod,
  rollUp,
  rollUpExact,
} from './kpi-rollup';

const values = (...list: (number | null)[]): RollupEntry[] =>
  list.map((value, i) => ({
    period: `2569-M${String(i + 1).padStart(2, '0')}`,
    value,
  }));

describe('kpi-rollup', () => {
  describe('sum', () => {
    it.each<[string, RollupEntry[], number | null]>([
      ['whole numbers', values(120, 80, 100), 300],
      ['decimals without float error (0.1 + 0.2)', values(0.1, 0.2), 0.3],
      ['negatives', values(5, -7.5), -2.5],
      ['nulls ignored', values(10, null, 5), 15],
      ['zeros are values', values(0, 0), 0],
      ['all null', values(null, null), null],
      ['empty', [], null],
    ])('%s', (_, entries, expected) => {
      expect(rollUp('sum', entries)).toBe(expected);
    });

    it('ignores undefined values', () => {
      expect(rollUp('sum', [{ period: '2569-M01' }, { period: '2569-M02', value: 4 }])).toBe(4);
    });
  });

  describe('average', () => {
    it.each<[string, RollupEntry[], number | null]>([
      ['three values', values(70, 80, 90), 80],
      ['nulls do not count in the divisor', values(10, null, 30), 20],
      ['fractional mean', values(1, 2), 1.5],
      ['decimals', values(0.1, 0.2), 0.15],
      ['repeating mean', values(1, 1, 2), 4 / 3],
      ['empty', [], null],
    ])('%s', (_, entries, expected) => {
      expect(rollUp('average', entries)).toBe(expected);
    });
  });

  describe('last', () => {
    it.each<[string, RollupEntry[], number | null]>([
      [
        'the latest period, whatever the order',
        [
          { period: '2569-M03', value: 5 },
          { period: '2569-M01', value: 9 },
          { period: '2569-M02', value: 7 },
        ],
        5,
      ],
      [
        'skips a latest period without value',
        [
          { period: '2569-M01', value: 9 },
          { period: '2569-M02', value: null },
        ],
        9,
      ],
      [
        'across fiscal years',
        [
          { period: '2569-Q1', value: 3 },
          { period: '2568-Q4', value: 8 },
        ],
        3,
      ],
      [
        'a duplicate period resolves to the later entry',
        [
          { period: '2569-Q1', value: 3 },
          { period: '2569-Q1', value: 4 },
        ],
        4,
      ],
      ['empty', [], null],
    ])('%s', (_, entries, expected) => {
      expect(rollUp('last', entries)).toBe(expected);
    });

    it('refuses a malformed period key', () => {
      expect(() =>
        rollUp('last', [
          { period: '2569-M01', value: 1 },
          { period: '2569-M13', value: 2 },
        ]),
      ).toThrow(RangeError);
    });
  });

  describe('ratio', () => {
    const ratio = (numerator: number | null, denominator: number | null, period = '2569-Q1'): RollupEntry => ({
      period,
      numerator,
      denominator,
    });

    it.each<[string, RollupEntry[], number | undefined, number | null]>([
      ['7 / 10 as percent', [ratio(7, 10)], 100, 70],
      ['57 / 100 as percent (57, not 56.99999999999999)', [ratio(57, 100)], 100, 57],
      ['ratio of sums, not mean of ratios: (1 + 3) / (4 + 6)', [ratio(1, 4), ratio(3, 6, '2569-Q2')], 100, 40],
      ['default multiplier 1', [ratio(1, 4), ratio(3, 6, '2569-Q2')], undefined, 0.4],
      ['per thousand', [ratio(3, 1200)], 1000, 2.5],
      ['a denominator of 0 in one period is fine', [ratio(0, 0), ratio(5, 20, '2569-Q2')], 100, 25],
      ['summed denominator 0 → null', [ratio(0, 0), ratio(3, 0, '2569-Q2')], 100, null],
      ['incomplete pairs ignored', [ratio(5, null), ratio(null, 10, '2569-Q2'), ratio(1, 2, '2569-Q3')], 100, 50],
      ['only incomplete pairs → null', [ratio(5, null)], 100, null],
      ['empty', [], 100, null],
    ])('%s', (_, entries, multiplier, expected) => {
      expect(rollUp('ratio', entries, multiplier === undefined ? {} : { multiplier })).toBe(expected);
    });

    it('ignores value on ratio entries', () => {
      expect(
        rollUp('ratio', [{ period: '2569-Q1', value: 99, numerator: 1, denominator: 2 }], { multiplier: 100 }),
      ).toBe(50);
    });
  });

  it('keeps the exact fraction available', () => {
    expect(rollUpExact('average', values(1, 1, 2))).toEqual({
      num: 4n,
      den: 3n,
    });
    expect(rollUpExact('sum', [])).toBeNull();
  });

  it('refuses non-finite values', () => {
    expect(() => rollUp('sum', values(Number.NaN))).toThrow(RangeError);
  });

  it('refuses an unknown method', () => {
    expect(() => rollUp('median' as RollupMethod, values(1))).toThrow(RangeError);
  });

  it.each<[RollupMethod, boolean]>([
    ['sum', true],
    ['average', false],
    ['last', false],
    ['ratio', false],
  ])('%s is additive: %s', (method, additive) => {
    expect(isAdditive(method)).toBe(additive);
    expect(isRollupMethod(method)).toBe(true);
  });

  it('recognises methods', () => {
    expect(isRollupMethod('median')).toBe(false);
  });

  it.each<[RollupEntry, RollupMethod, boolean]>([
    [{ period: '2569', value: 0 }, 'sum', true],
    [{ period: '2569', value: null }, 'sum', false],
    [{ period: '2569', numerator: 1, denominator: 0 }, 'ratio', true],
    [{ period: '2569', numerator: 1 }, 'ratio', false],
    [{ period: '2569', value: 5 }, 'ratio', false],
  ])('hasRollupValue(%j, %s) = %s', (entry, method, expected) => {
    expect(hasRollupValue(entry, method)).toBe(expected);
  });
});
