import {
  changedSinceApproval,
  classifyResult,
  countFindings,
  crossedPlausibleBound,
  historyRange,
  isConfirmedOutlier,
  isLateSubmission,
  isOutsidePlausibleRange,
  nearHardLimit,
  NO_FINDINGS,
  plausibleRange,
  QualityInput,
  resultFigure,
} from './data-quality';
import { effectiveHardLimits } from './kpi-limits';
import { toFixedString } from './rational';

describe('historyRange', () => {
  it('is mean ± 3 SD from six approved values on', () => {
    expect(historyRange({ mean: 100, sd: 10, n: 6 })).toEqual({ min: 70, max: 130 });
    expect(historyRange({ mean: 100, sd: 10, n: 5 })).toBeNull();
    expect(historyRange({ mean: null, sd: null, n: 0 })).toBeNull();
  });
});

describe('plausibleRange', () => {
  const kpi = (plausibleMin: string | null, plausibleMax: string | null, rollup = 'sum') => ({
    plausibleMin,
    plausibleMax,
    rollup,
  });
  it("takes the KPI's own bounds side by side, else the history's", () => {
    expect(plausibleRange(kpi('10', '20'), null)).toEqual({ min: 10, max: 20 });
    expect(plausibleRange(kpi('10', null), null)).toEqual({ min: 10 });
    expect(plausibleRange(kpi(null, null), { min: 70, max: 130 })).toEqual({ min: 70, max: 130 });
    expect(plausibleRange(kpi(null, '50'), { min: 70, max: 130 })).toEqual({ min: 70, max: 50 });
  });
  it('is null for a ratio KPI or when nothing bounds it', () => {
    expect(plausibleRange(kpi('10', '20', 'ratio'), null)).toBeNull();
    expect(plausibleRange(kpi(null, null), null)).toBeNull();
  });
});

describe('outliers', () => {
  const range = { min: 10, max: 20 };
  it('are values strictly outside the range; both ends are plausible', () => {
    expect(isOutsidePlausibleRange(9.99, range)).toBe(true);
    expect(isOutsidePlausibleRange(10, range)).toBe(false);
    expect(isOutsidePlausibleRange(20, range)).toBe(false);
    expect(isOutsidePlausibleRange(20.01, range)).toBe(true);
    expect(isOutsidePlausibleRange(-1e9, { max: 5 })).toBe(false);
    expect(isOutsidePlausibleRange(1e9, { min: 5 })).toBe(false);
    expect(isOutsidePlausibleRange(1e9, null)).toBe(false);
  });
  it('name the bound crossed', () => {
    expect(crossedPlausibleBound(5, range)).toEqual({ side: 'min', limit: 10 });
    expect(crossedPlausibleBound(25, range)).toEqual({ side: 'max', limit: 20 });
    expect(crossedPlausibleBound(15, range)).toBeNull();
    expect(crossedPlausibleBound(15, null)).toBeNull();
  });
  it('are confirmed only with a narrative', () => {
    expect(isConfirmedOutlier(25, range, 'งานเทศกาลดึงนักท่องเที่ยว')).toBe(true);
    expect(isConfirmedOutlier(25, range, '   ')).toBe(false);
    expect(isConfirmedOutlier(25, range, null)).toBe(false);
    expect(isConfirmedOutlier(15, range, 'อธิบาย')).toBe(false);
  });
});

describe('nearHardLimit', () => {
  const share = { min: '0', max: '100' };
  it('is within 5 % of the width from a limit, ends included', () => {
    expect(nearHardLimit('0', share)).toEqual({ side: 'min', limit: '0' });
    expect(nearHardLimit('5', share)).toEqual({ side: 'min', limit: '0' });
    expect(nearHardLimit('5.01', share)).toBeNull();
    expect(nearHardLimit('50', share)).toBeNull();
    expect(nearHardLimit('94.99', share)).toBeNull();
    expect(nearHardLimit('95', share)).toEqual({ side: 'max', limit: '100' });
    expect(nearHardLimit('100', share)).toEqual({ side: 'max', limit: '100' });
  });
  it('scales with the range: 5 % of −100…300 is 20', () => {
    const limits = { min: '-100', max: '300' };
    expect(nearHardLimit('-80', limits)).toEqual({ side: 'min', limit: '-100' });
    expect(nearHardLimit('-79.9', limits)).toBeNull();
    expect(nearHardLimit('280', limits)).toEqual({ side: 'max', limit: '300' });
  });
  it('needs both limits, a positive width, and a value inside them', () => {
    expect(nearHardLimit('0', { min: '0', max: null })).toBeNull();
    expect(nearHardLimit('0', { min: null, max: '10' })).toBeNull();
    expect(nearHardLimit('5', { min: '5', max: '5' })).toBeNull();
    expect(nearHardLimit('101', share)).toBeNull();
    expect(nearHardLimit('-1', share)).toBeNull();
  });
  it('takes another share when asked', () => {
    expect(nearHardLimit('9', share, '0.1')).toEqual({ side: 'min', limit: '0' });
  });
  it("applies to a percent KPI's default limits (effectiveHardLimits), not to a count's one-sided ones", () => {
    expect(nearHardLimit('97', effectiveHardLimits({ unitTh: 'ร้อยละ', unitEn: 'percent' }))).toEqual({
      side: 'max',
      limit: '100',
    });
    expect(nearHardLimit('0', effectiveHardLimits({ unitTh: 'คน', unitEn: 'persons' }))).toBeNull();
  });
});

describe('resultFigure', () => {
  const fixed = (figure: ReturnType<typeof resultFigure>) => (figure === null ? null : toFixedString(figure, 2));
  it('is the value, or the rate of a ratio KPI', () => {
    expect(fixed(resultFigure({ value: '12.5', numerator: null, denominator: null }, false, null))).toBe('12.50');
    expect(fixed(resultFigure({ value: null, numerator: '97', denominator: '100' }, true, '100'))).toBe('97.00');
    expect(fixed(resultFigure({ value: null, numerator: '1', denominator: '4' }, true, null))).toBe('0.25');
  });
  it('is null without a value or a positive denominator', () => {
    expect(resultFigure({ value: null, numerator: null, denominator: null }, false, null)).toBeNull();
    expect(resultFigure({ value: null, numerator: '1', denominator: '0' }, true, '100')).toBeNull();
    expect(resultFigure({ value: null, numerator: null, denominator: '4' }, true, '100')).toBeNull();
  });
});

describe('changedSinceApproval', () => {
  const v = (value: string | null, numerator: string | null = null, denominator: string | null = null) => ({
    value,
    numerator,
    denominator,
  });
  it('compares the values as numbers', () => {
    expect(changedSinceApproval(v('10'), v('10.00'))).toBe(false);
    expect(changedSinceApproval(v('10'), v('12'))).toBe(true);
    expect(changedSinceApproval(v(null, '3', '4'), v(null, '3', '5'))).toBe(true);
    expect(changedSinceApproval(v(null, '3', '4'), v(null, '3.0', '4'))).toBe(false);
    expect(changedSinceApproval(v('10'), v(null))).toBe(true);
  });
  it('is false for a result never approved', () => {
    expect(changedSinceApproval(null, v('12'))).toBe(false);
  });
});

describe('isLateSubmission', () => {
  // October 2025 (2569-M01): deadline 15 November 2025.
  it('is a first submission after the deadline', () => {
    expect(
      isLateSubmission({ period: '2569-M01', status: 'approved', firstSubmittedOn: '2025-11-16' }, '2026-01-01'),
    ).toBe(true);
    expect(
      isLateSubmission({ period: '2569-M01', status: 'approved', firstSubmittedOn: '2025-11-15' }, '2026-01-01'),
    ).toBe(false);
  });
  it('is not a result never sent (missing, not late in this list) nor a draft', () => {
    expect(isLateSubmission({ period: '2569-M01', status: null, firstSubmittedOn: null }, '2026-01-01')).toBe(false);
    expect(
      isLateSubmission({ period: '2569-M01', status: 'draft', firstSubmittedOn: '2025-11-20' }, '2026-01-01'),
    ).toBe(false);
  });
  it('takes the deadline days given', () => {
    expect(
      isLateSubmission({ period: '2569-M01', status: 'submitted', firstSubmittedOn: '2025-11-16' }, '2026-01-01', 30),
    ).toBe(false);
  });
});

describe('classifyResult', () => {
  const approvedAt = (value: string) => ({ value, numerator: null, denominator: null });
  const base: QualityInput = {
    period: '2569-M01',
    status: 'approved',
    firstSubmittedOn: '2025-11-10',
    narrative: '',
    value: '50',
    numerator: null,
    denominator: null,
    ratio: false,
    multiplier: null,
    plausible: { min: 10, max: 80 },
    hardLimits: { min: '0', max: '100' },
    approved: approvedAt('50'),
  };
  it('finds nothing in an ordinary result', () => {
    expect(classifyResult(base, '2026-01-01')).toEqual([]);
  });
  it('finds each kind', () => {
    expect(
      classifyResult({ ...base, value: '85', narrative: 'น้ำท่วม', approved: approvedAt('85') }, '2026-01-01'),
    ).toEqual(['outlier']);
    expect(classifyResult({ ...base, value: '96', plausible: null, approved: approvedAt('96') }, '2026-01-01')).toEqual(
      ['near_limit'],
    );
    expect(classifyResult({ ...base, value: '55' }, '2026-01-01')).toEqual(['changed_after_approval']);
    expect(classifyResult({ ...base, firstSubmittedOn: '2025-12-01' }, '2026-01-01')).toEqual(['late']);
  });
  it('finds several at once, in the vocabulary order', () => {
    expect(
      classifyResult(
        { ...base, value: '99', narrative: 'ยืนยัน', firstSubmittedOn: '2025-12-01', status: 'submitted' },
        '2026-01-01',
      ),
    ).toEqual(['outlier', 'near_limit', 'changed_after_approval', 'late']);
  });
  it('does not count an unconfirmed outlier, and judges a ratio KPI by its rate', () => {
    expect(classifyResult({ ...base, value: '85', approved: null }, '2026-01-01')).toEqual([]);
    expect(
      classifyResult(
        {
          ...base,
          ratio: true,
          multiplier: '100',
          value: null,
          numerator: '3',
          denominator: '100',
          plausible: null,
          approved: null,
        },
        '2026-01-01',
      ),
    ).toEqual(['near_limit']);
  });
  it('judges no draft', () => {
    expect(
      classifyResult(
        { ...base, status: 'draft', value: '99', narrative: 'x', firstSubmittedOn: '2025-12-01' },
        '2026-01-01',
      ),
    ).toEqual([]);
  });
});

describe('countFindings', () => {
  it('counts by kind', () => {
    expect(countFindings([])).toEqual(NO_FINDINGS);
    expect(countFindings(['late', 'late', 'outlier'])).toEqual({ ...NO_FINDINGS, late: 2, outlier: 1 });
  });
});
