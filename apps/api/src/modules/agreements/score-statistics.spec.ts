import { mean, quantile, summarizeScores } from './score-statistics';

describe('score statistics', () => {
  it('interpolates quantiles between closest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([3], 0.75)).toBe(3);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('summarises scores with their bands; exactly 5 has a band of its own', () => {
    expect(summarizeScores([5, 0.5, 3.2, 3.9, 4.99, 1])).toEqual({
      count: 6,
      min: 0.5,
      q1: 1.55,
      median: 3.55,
      q3: 4.7175,
      max: 5,
      mean: 18.59 / 6,
      bands: [1, 1, 0, 2, 1, 1],
    });
    expect(summarizeScores([])).toMatchObject({
      count: 0,
      min: null,
      median: null,
      mean: null,
      bands: [0, 0, 0, 0, 0, 0],
    });
    expect(mean([])).toBeNull();
  });
});
