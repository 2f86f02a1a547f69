import { indicatorProblems, indicatorSetProblems } from './agreement-validation';

const rule = (code: string, weight: string, levels = ['60', '65', '70', '75', '80']) => ({
  code,
  direction: 'higher_better' as const,
  kind: 'scale' as const,
  weight,
  levels,
});

describe('agreement validation as field errors', () => {
  it('accepts weights that sum to exactly 100 as decimals', () => {
    expect(indicatorSetProblems([rule('A', '14.46'), rule('B', '49.59'), rule('C', '35.95')])).toEqual([]);
  });

  it('refuses a sum of 99.99 under "weights"', () => {
    expect(indicatorSetProblems([rule('A', '50'), rule('B', '49.99')])).toEqual([
      { field: 'weights', constraints: { WEIGHTS_SUM_NOT_100: 'the weights must sum to exactly 100' } },
    ]);
  });

  it('names the indicator at fault by its code', () => {
    const problems = indicatorSetProblems([rule('A', '50'), rule('B', '50', ['60', '65', '65', '75', '80'])]);
    expect(problems.map((p) => [p.field, Object.keys(p.constraints)])).toEqual([
      ['indicators.B.levels', ['LEVELS_NOT_ASCENDING']],
    ]);
    const lower = indicatorSetProblems([{ ...rule('L', '100'), direction: 'lower_better' }]);
    expect(lower.map((p) => [p.field, Object.keys(p.constraints)])).toEqual([
      ['indicators.L.levels', ['LEVELS_NOT_DESCENDING']],
    ]);
  });

  it('checks one indicator without the sum', () => {
    expect(indicatorProblems(rule('A', '10'))).toEqual([]);
    expect(indicatorProblems(rule('A', '10.005', ['1', '2'])).map((p) => p.field)).toEqual([
      'indicator.levels',
      'indicator.weight',
    ]);
    expect(indicatorProblems(rule('A', '0')).map((p) => Object.keys(p.constraints)[0])).toEqual([
      'WEIGHT_NOT_POSITIVE',
    ]);
  });
});
