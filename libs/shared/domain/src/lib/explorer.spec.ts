import {
  EXPLORER_DIMENSIONS,
  EXPLORER_MEASURES,
  explorerDimensionsOf,
  explorerEntry,
  explorerFigure,
  explorerValueKind,
  isExplorerDimension,
  isExplorerMeasure,
  periodTargetOf,
} from './explorer';

describe('explorer vocabulary', () => {
  it('knows its measures and dimensions', () => {
    expect(EXPLORER_MEASURES).toContain('achievement');
    expect(isExplorerMeasure('status')).toBe(true);
    expect(isExplorerMeasure('mean')).toBe(false);
    expect(isExplorerDimension('pillar')).toBe(true);
    expect(isExplorerDimension('district')).toBe(false);
    expect(isExplorerDimension(3)).toBe(false);
  });

  it('cuts money and agreement rounds only by place and time', () => {
    expect(explorerDimensionsOf('achievement')).toEqual(EXPLORER_DIMENSIONS);
    expect(explorerDimensionsOf('disbursementRate')).toEqual(['province', 'cluster', 'region', 'period', 'fiscalYear']);
    expect(explorerDimensionsOf('agreementScore')).not.toContain('period');
    expect(explorerDimensionsOf('agreementScore')).not.toContain('kpi');
  });
});

describe('explorerValueKind', () => {
  it('adds only what adds over the year and across provinces', () => {
    expect(explorerValueKind('sum', 'sum')).toBe('sum');
    expect(explorerValueKind('ratio', 'weighted_ratio')).toBe('ratio');
    expect(explorerValueKind('sum', 'none')).toBe('single');
    expect(explorerValueKind('last', 'sum')).toBe('single');
    expect(explorerValueKind('average', 'weighted_mean')).toBe('single');
    expect(explorerValueKind('ratio', 'sum')).toBe('single');
  });
});

describe('explorerFigure', () => {
  it('sums a sum KPI', () => {
    expect(explorerFigure('value', { valueSum: 1250, entries: 3 }, { valueKind: 'sum' })).toEqual({
      value: 1250,
      reason: null,
    });
  });

  it('pools a ratio KPI: Σ numerators / Σ denominators, not the mean of the rates', () => {
    // Two provinces: 90/100 = 90 % and 10/900 ≈ 1.1 %. Pooled: 100/1000 = 10 %; the mean of the rates would be 45.6 %.
    expect(
      explorerFigure(
        'value',
        { numeratorSum: 100, denominatorSum: 1000, entries: 2 },
        { valueKind: 'ratio', multiplier: 100 },
      ),
    ).toEqual({ value: 10, reason: null });
    expect(explorerFigure('value', { numeratorSum: 0, denominatorSum: 0, entries: 2 }, { valueKind: 'ratio' })).toEqual(
      {
        value: null,
        reason: 'ZERO_DENOMINATOR',
      },
    );
  });

  it('shows a non-additive KPI only for one entry', () => {
    expect(explorerFigure('value', { single: 3.2, entries: 1 }, { valueKind: 'single' })).toEqual({
      value: 3.2,
      reason: null,
    });
    expect(explorerFigure('value', { single: null, entries: 2 }, { valueKind: 'single' })).toEqual({
      value: null,
      reason: 'NOT_ADDITIVE',
    });
    expect(explorerFigure('value', { entries: 0 }, { valueKind: 'sum' })).toEqual({ value: null, reason: 'NO_DATA' });
  });

  it('never adds the values of different KPIs', () => {
    expect(explorerFigure('value', { valueSum: 1250, entries: 3, kpis: 2 }, { valueKind: 'sum' })).toEqual({
      value: null,
      reason: 'MIXED_KPIS',
    });
  });

  it('makes achievement the mean of the capped entries, status the share met', () => {
    expect(explorerFigure('achievement', { achievementSum: 300, achievementCount: 4 })).toEqual({
      value: 75,
      reason: null,
    });
    expect(explorerFigure('achievement', { achievementSum: 0, achievementCount: 0 })).toEqual({
      value: null,
      reason: 'NO_DATA',
    });
    expect(explorerFigure('status', { met: 3, judged: 4 })).toEqual({ value: 75, reason: null });
    expect(explorerFigure('status', { met: 0, judged: 0 })).toEqual({ value: null, reason: 'NO_DATA' });
  });

  it('pools a total from its parts, not from its cells', () => {
    // Cell A: 1 of 1 met (100 %); cell B: 1 of 3 met (33.3 %). Total: 2 of 4 = 50 %, not (100 + 33.3) / 2.
    const total = explorerFigure('status', { met: 1 + 1, judged: 1 + 3 });
    expect(total.value).toBe(50);
  });

  it('rates disbursement on the summed money, two decimals', () => {
    expect(explorerFigure('disbursementRate', { disbursed: '1000000.00', allocated: '3000000.00' })).toEqual({
      value: 33.33,
      reason: null,
    });
    expect(explorerFigure('disbursementRate', { disbursed: 0, allocated: 0 })).toEqual({
      value: null,
      reason: 'ZERO_DENOMINATOR',
    });
    expect(explorerFigure('disbursementRate', { disbursed: null, allocated: null })).toEqual({
      value: null,
      reason: 'NO_DATA',
    });
  });

  it('averages agreement scores over the provinces evaluated', () => {
    expect(explorerFigure('agreementScore', { scoreSum: 4.5 + 3.25, scored: 2 })).toEqual({
      value: 3.875,
      reason: null,
    });
    expect(explorerFigure('agreementScore', { scoreSum: 0, scored: 0 })).toEqual({ value: null, reason: 'NO_DATA' });
  });
});

describe('periodTargetOf', () => {
  it('prefers the period’s own trajectory point', () => {
    expect(periodTargetOf({ frequency: 'monthly', rollup: 'sum', yearlyTarget: 1200, periodTarget: 150 })).toBe(150);
  });
  it('shares a sum KPI’s year target among its periods', () => {
    expect(periodTargetOf({ frequency: 'monthly', rollup: 'sum', yearlyTarget: 1200, periodTarget: null })).toBe(100);
    expect(periodTargetOf({ frequency: 'quarterly', rollup: 'sum', yearlyTarget: 1200, periodTarget: null })).toBe(300);
  });
  it('holds a level KPI to its year target every period', () => {
    expect(periodTargetOf({ frequency: 'monthly', rollup: 'ratio', yearlyTarget: 85, periodTarget: null })).toBe(85);
    expect(periodTargetOf({ frequency: 'quarterly', rollup: 'last', yearlyTarget: 40, periodTarget: null })).toBe(40);
    expect(periodTargetOf({ frequency: 'monthly', rollup: 'sum', yearlyTarget: null, periodTarget: null })).toBeNull();
  });
});

describe('explorerEntry', () => {
  const higher = { direction: 'higher_better' as const, rollup: 'sum' as const };
  it('judges a higher-is-better result against its target', () => {
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: 90 }, target: 100 })).toEqual({
      actual: 90,
      achievement: 90,
      met: false,
    });
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: 100 }, target: 100 })).toEqual({
      actual: 100,
      achievement: 100,
      met: true,
    });
  });
  it('caps achievement at 120 % and floors it at 0', () => {
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: 300 }, target: 100 }).achievement).toBe(120);
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: -5 }, target: 100 }).achievement).toBe(0);
  });
  it('inverts a lower-is-better result', () => {
    expect(
      explorerEntry({ direction: 'lower_better', rollup: 'last', entry: { period: '2569-Q1', value: 25 }, target: 20 }),
    ).toEqual({
      actual: 25,
      achievement: 80,
      met: false,
    });
    // An actual of 0 beats every target: the quotient has no meaning, the target is met.
    expect(
      explorerEntry({ direction: 'lower_better', rollup: 'last', entry: { period: '2569-Q1', value: 0 }, target: 20 }),
    ).toEqual({
      actual: 0,
      achievement: null,
      met: true,
    });
  });
  it('takes a ratio entry’s quotient', () => {
    expect(
      explorerEntry({
        direction: 'higher_better',
        rollup: 'ratio',
        multiplier: 100,
        entry: { period: '2569-M03', numerator: 45, denominator: 50 },
        target: 80,
      }),
    ).toEqual({ actual: 90, achievement: 112.5, met: true });
  });
  it('scores a band KPI against its band', () => {
    const band = { min: 10, max: 20 };
    expect(
      explorerEntry({ direction: 'band', rollup: 'last', entry: { period: '2569', value: 15 }, target: null, band }),
    ).toEqual({
      actual: 15,
      achievement: 100,
      met: true,
    });
    expect(
      explorerEntry({ direction: 'band', rollup: 'last', entry: { period: '2569', value: 25 }, target: null, band }),
    ).toEqual({
      actual: 25,
      achievement: 80,
      met: false,
    });
    expect(
      explorerEntry({
        direction: 'band',
        rollup: 'last',
        entry: { period: '2569', value: 15 },
        target: null,
        band: null,
      }).met,
    ).toBeNull();
  });
  it('leaves out what cannot be judged', () => {
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: 90 }, target: null })).toEqual({
      actual: 90,
      achievement: null,
      met: null,
    });
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: null }, target: 100 })).toEqual({
      actual: null,
      achievement: null,
      met: null,
    });
    // A target of 0 for higher-is-better: no quotient, but met.
    expect(explorerEntry({ ...higher, entry: { period: '2569-M01', value: 3 }, target: 0 })).toEqual({
      actual: 3,
      achievement: null,
      met: true,
    });
  });
});
