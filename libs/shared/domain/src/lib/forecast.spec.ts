import { forecastOutlook, forecastYearEnd, median, scalesByHistory, screenForecast } from './forecast';
import type { RollupEntry } from './kpi-rollup';

/** Monthly entries of fiscal year `fy` from values (null: not reported). */
const months = (fy: number, values: (number | null)[]): RollupEntry[] =>
  values.flatMap((v, i) => (v === null ? [] : [{ period: `${fy}-M${String(i + 1).padStart(2, '0')}`, value: v }]));
const quarters = (fy: number, values: number[]): RollupEntry[] => values.map((v, i) => ({ period: `${fy}-Q${i + 1}`, value: v }));

describe('median', () => {
  it('takes the middle, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('forecastYearEnd', () => {
  it('scales this year to date by the median growth factor of the earlier years (worked case 1 in docs/analysis.md)', () => {
    // Tourism revenue, a sum. Three months in, this year has 30.
    // 2567: 10 after three months, 100 at year end (×10); 2568: 20 → 120 (×6); 2566: 25 → 200 (×8).
    const history = [
      months(2566, [5, 10, 10, 15, 15, 15, 20, 20, 20, 20, 25, 25]),
      months(2567, [2, 3, 5, 10, 10, 10, 10, 10, 10, 10, 10, 10]),
      months(2568, [5, 5, 10, 10, 10, 10, 10, 10, 10, 10, 15, 15]),
    ];
    const r = forecastYearEnd({ method: 'sum', periodsInYear: 12, current: months(2569, [10, 10, 10]), history });
    expect(r.reason).toBeNull();
    expect(r.forecast).toEqual({ method: 'scaled', through: 3, toDate: 30, projected: 240, low: 180, high: 300, years: 3 });
  });

  it('stops "to date" at the first gap, and refuses a gap inside an explicit span', () => {
    const current = months(2569, [10, 10, null, 10]);
    const r = forecastYearEnd({ method: 'sum', periodsInYear: 12, current, history: [] });
    expect(r.forecast?.through).toBe(2);
    expect(r.forecast?.toDate).toBe(20);
    expect(forecastYearEnd({ method: 'sum', periodsInYear: 12, current, history: [] }, 4)).toEqual({ forecast: null, reason: 'GAP' });
  });

  it('has nothing to say before the first period is reported', () => {
    expect(forecastYearEnd({ method: 'sum', periodsInYear: 12, current: [], history: [months(2568, Array(12).fill(1))] })).toEqual({
      forecast: null,
      reason: 'NO_DATA',
    });
  });

  it('pro-rates a sum and carries any other roll-up forward when no earlier year can be used', () => {
    const sum = forecastYearEnd({ method: 'sum', periodsInYear: 12, current: months(2569, [10, 20, 30]), history: [] });
    expect(sum.forecast).toEqual({ method: 'naive', through: 3, toDate: 60, projected: 240, low: 240, high: 240, years: 0 });
    const avg = forecastYearEnd({ method: 'average', periodsInYear: 12, current: months(2569, [10, 20, 30]), history: [] });
    expect(avg.forecast).toMatchObject({ method: 'naive', toDate: 20, projected: 20 });
    const last = forecastYearEnd({ method: 'last', periodsInYear: 4, current: quarters(2569, [70, 75]), history: [] });
    expect(last.forecast).toMatchObject({ method: 'naive', toDate: 75, projected: 75 });
  });

  it('skips an earlier year that had nothing by then or is incomplete', () => {
    const history = [
      months(2566, [0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10]), // nothing by month 3: x / 0
      months(2567, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null]), // no year end
      months(2568, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]), // ×4
    ];
    const r = forecastYearEnd({ method: 'sum', periodsInYear: 12, current: months(2569, [5, 5, 5]), history });
    expect(r.forecast).toEqual({ method: 'scaled', through: 3, toDate: 15, projected: 60, low: 60, high: 60, years: 1 });
  });

  it('projects a ratio as a ratio of sums, never a mean of the monthly percentages', () => {
    // Cases treated / cases found, in percent. This year: 45/50 then 5/150, so 50/200 = 25 % to date (the mean of the
    // quarters' 90 % and 3.3 % would say 46.7 %).
    const r = (fy: number, parts: [number, number][]): RollupEntry[] =>
      parts.map(([numerator, denominator], i) => ({ period: `${fy}-Q${i + 1}`, numerator, denominator }));
    const current = r(2569, [
      [45, 50],
      [5, 150],
    ]);
    // Last year: 40 % after two quarters (80/200), 60 % at year end (240/400): factor 1.5.
    const history = [
      r(2568, [
        [40, 100],
        [40, 100],
        [80, 100],
        [80, 100],
      ]),
    ];
    const f = forecastYearEnd({ method: 'ratio', periodsInYear: 4, current, history, multiplier: 100 });
    expect(f.forecast).toMatchObject({ method: 'scaled', through: 2, toDate: 25, projected: 37.5, years: 1 });
  });

  it('gives the year itself once it is complete', () => {
    const f = forecastYearEnd({ method: 'sum', periodsInYear: 4, current: quarters(2569, [1, 2, 3, 4]), history: [quarters(2568, [1, 1, 1, 1])] });
    expect(f.forecast).toEqual({ method: 'final', through: 4, toDate: 10, projected: 10, low: 10, high: 10, years: 0 });
  });

  it('ignores entries of another frequency and refuses impossible spans', () => {
    const current = [...months(2569, [1, 1]), { period: '2569-Q1', value: 999 }];
    expect(forecastYearEnd({ method: 'sum', periodsInYear: 12, current, history: [] }).forecast?.toDate).toBe(2);
    expect(() => forecastYearEnd({ method: 'sum', periodsInYear: 0, current, history: [] })).toThrow(RangeError);
    expect(() => forecastYearEnd({ method: 'sum', periodsInYear: 12, current, history: [] }, 13)).toThrow(RangeError);
    expect(() => forecastYearEnd({ method: 'sum', periodsInYear: 12, current, history: [] }, 1.5)).toThrow(RangeError);
  });
});

describe('forecastOutlook', () => {
  const f = { projected: 240, low: 180, high: 300 };
  it('is on track when even the least favourable projection meets the target', () => {
    expect(forecastOutlook(f, 'higher_better', { target: 150 })).toBe('on_track');
    expect(forecastOutlook(f, 'lower_better', { target: 320 })).toBe('on_track');
  });
  it('is at risk when the projection meets it but some earlier year’s shape would not', () => {
    expect(forecastOutlook(f, 'higher_better', { target: 200 })).toBe('at_risk');
    expect(forecastOutlook(f, 'lower_better', { target: 250 })).toBe('at_risk');
  });
  it('is likely to miss when the projection itself misses', () => {
    expect(forecastOutlook(f, 'higher_better', { target: 250 })).toBe('likely_to_miss');
    expect(forecastOutlook(f, 'lower_better', { target: 200 })).toBe('likely_to_miss');
  });
  it('reads a band as lying within it, at both ends of the interval to be on track', () => {
    expect(forecastOutlook(f, 'band', { band: { min: 100, max: 400 } })).toBe('on_track');
    expect(forecastOutlook(f, 'band', { band: { min: 200, max: 400 } })).toBe('at_risk');
    expect(forecastOutlook(f, 'band', { band: { min: 250, max: 400 } })).toBe('likely_to_miss');
  });
  it('says nothing without a target', () => {
    expect(forecastOutlook(f, 'higher_better', { target: null })).toBeNull();
    expect(forecastOutlook(f, 'band', {})).toBeNull();
  });
});

describe('screenForecast', () => {
  const m = (fy: number, values: number[]) => values.map((value, i) => ({ period: `${fy}-M${String(i + 1).padStart(2, '0')}`, value }));
  const history = [m(2567, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 90]), m(2568, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 45])];

  it('scales a sum by the earlier years: a back-loaded year projects well above pro-rata', () => {
    // 2567: 30 after three months, 200 at year end; 2568: 15 and 100: both a factor 20/3, so 9 × 20/3 = 60 (pro-rata: 36).
    const r = screenForecast({ method: 'sum', periodsInYear: 12, current: m(2569, [3, 3, 3]), history });
    expect(r.forecast).toEqual(expect.objectContaining({ method: 'scaled', toDate: 9, years: 2 }));
    expect(r.forecast?.projected).toBeCloseTo(60, 10);
    expect(forecastYearEnd({ method: 'sum', periodsInYear: 12, current: m(2569, [3, 3, 3]), history: [] }).forecast?.projected).toBe(36);
  });

  it('carries an average, a ratio or a last value forward, whatever the earlier years', () => {
    expect(scalesByHistory('sum')).toBe(true);
    for (const method of ['average', 'last'] as const) {
      const r = screenForecast({ method, periodsInYear: 12, current: m(2569, [4, 6]), history });
      expect(r.forecast).toEqual(expect.objectContaining({ method: 'naive', years: 0, low: r.forecast?.projected, high: r.forecast?.projected }));
      expect(scalesByHistory(method)).toBe(false);
    }
    const ratio = screenForecast({
      method: 'ratio',
      periodsInYear: 4,
      multiplier: 100,
      current: [{ period: '2569-Q1', numerator: 45, denominator: 50 }, { period: '2569-Q2', numerator: 5, denominator: 150 }],
      history: [[{ period: '2568-Q1', numerator: 40, denominator: 100 }, { period: '2568-Q2', numerator: 40, denominator: 100 }, { period: '2568-Q3', numerator: 80, denominator: 100 }, { period: '2568-Q4', numerator: 80, denominator: 100 }]],
    });
    // 50 / 200 = 25 %, carried forward (the worked case 2 would scale it to 37.5 %).
    expect(ratio.forecast).toEqual(expect.objectContaining({ method: 'naive', toDate: 25, projected: 25 }));
  });
});

describe('forecastOutlook on a forecast from hand-made series', () => {
  it('flags a back-loaded sum likely to miss when even its median shape falls short', () => {
    const m = (fy: number, values: number[]) => values.map((value, i) => ({ period: `${fy}-M${String(i + 1).padStart(2, '0')}`, value }));
    // Worked case 1 of docs/analysis.md: projected 240 (180–300).
    const f = forecastYearEnd({
      method: 'sum',
      periodsInYear: 12,
      current: m(2569, [10, 10, 10]),
      history: [
        m(2566, [5, 10, 10, 25, 25, 25, 25, 25, 10, 10, 15, 15]),
        m(2567, [2, 3, 5, 10, 10, 10, 10, 10, 10, 10, 10, 10]),
        m(2568, [5, 5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20]),
      ],
    }).forecast;
    expect(f).toEqual(expect.objectContaining({ projected: 240, low: 180, high: 300, years: 3 }));
    const fc = f as NonNullable<typeof f>;
    expect(forecastOutlook(fc, 'higher_better', { target: 170 })).toBe('on_track');
    expect(forecastOutlook(fc, 'higher_better', { target: 200 })).toBe('at_risk');
    expect(forecastOutlook(fc, 'higher_better', { target: 250 })).toBe('likely_to_miss');
    // Lower is better (e.g. accidents): 240 against a ceiling of 220 misses.
    expect(forecastOutlook(fc, 'lower_better', { target: 220 })).toBe('likely_to_miss');
  });
});
