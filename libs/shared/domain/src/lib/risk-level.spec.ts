import { RiskBand, isRiskScale, residualLevel, residualProblem, riskBand, riskLevel } from './risk-level';

describe('risk level (5×5)', () => {
  /** The whole matrix, row = likelihood 1…5, column = impact 1…5. */
  const MATRIX: RiskBand[][] = [
    ['low', 'low', 'low', 'low', 'medium'],
    ['low', 'low', 'medium', 'medium', 'high'],
    ['low', 'medium', 'medium', 'high', 'extreme'],
    ['low', 'medium', 'high', 'extreme', 'extreme'],
    ['medium', 'high', 'extreme', 'extreme', 'extreme'],
  ];

  it.each(MATRIX.flatMap((row, l) => row.map((band, i) => [l + 1, i + 1, band] as const)))(
    'likelihood %i × impact %i → %s',
    (likelihood, impact, band) => {
      expect(riskLevel(likelihood, impact)).toEqual({ score: likelihood * impact, band });
    },
  );

  it('is symmetric in likelihood and impact', () => {
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) expect(riskLevel(l, i)).toEqual(riskLevel(i, l));
  });

  it.each<[number, RiskBand]>([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [14, 'high'],
    [15, 'extreme'],
    [25, 'extreme'],
  ])('band edges: score %i → %s', (score, band) => {
    expect(riskBand(score)).toBe(band);
  });

  it.each([0, 6, 1.5, NaN, -1, '3'])('refuses likelihood %p', (value) => {
    if (value === 6 || value === 0 || value === -1 || value === 1.5 || Number.isNaN(value)) {
      expect(() => riskLevel(value as number, 3)).toThrow(RangeError);
      expect(() => riskLevel(3, value as number)).toThrow(RangeError);
    }
    expect(isRiskScale(value)).toBe(false);
  });

  it.each([0, 26, 2.5, NaN])('refuses score %p', (score) => {
    expect(() => riskBand(score)).toThrow(RangeError);
  });
});

describe('residual risk', () => {
  it('is null until both residual values are given', () => {
    expect(residualLevel(null, null)).toBeNull();
    expect(residualLevel(2, null)).toBeNull();
    expect(residualLevel(2, 3)).toEqual({ score: 6, band: 'medium' });
  });

  it('refuses half a residual pair', () => {
    expect(residualProblem(4, 4, 2, null)).toBe('residualPair');
    expect(residualProblem(4, 4, null, 2)).toBe('residualPair');
  });

  it('refuses a residual above the inherent score, accepts equal or lower', () => {
    expect(residualProblem(2, 3, 3, 3)).toBe('residualAboveInherent');
    expect(residualProblem(2, 3, 3, 2)).toBeNull();
    expect(residualProblem(4, 4, 2, 2)).toBeNull();
    expect(residualProblem(4, 4, null, null)).toBeNull();
  });

  it('checks the scale of residual values', () => {
    expect(() => residualProblem(4, 4, 0, 2)).toThrow(RangeError);
  });
});
