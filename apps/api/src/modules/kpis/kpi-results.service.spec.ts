import type { Kpi } from './kpi.entity';
import { checkEntry } from './kpi-results.service';

const kpi = (over: Partial<Kpi> = {}) =>
  ({
    id: 'k',
    frequency: 'monthly',
    rollup: 'sum',
    plausibleMin: null,
    plausibleMax: null,
    ...over,
  }) as Kpi;

const TODAY = '2026-11-21';

describe('checkEntry', () => {
  it.each([
    ['a quarter for a monthly KPI', kpi(), '2570-Q1', { value: '1' }, 'result.periodInvalid'],
    ['garbage period', kpi(), 'next month', { value: '1' }, 'result.periodInvalid'],
    ['a month not started', kpi(), '2570-M03', { value: '1' }, 'result.futurePeriod'],
    ['the running month', kpi(), '2570-M02', { value: '1' }, null],
    ['no value', kpi(), '2570-M01', {}, 'result.valueRequired'],
    ['a ratio without denominator', kpi({ rollup: 'ratio' }), '2570-M01', { numerator: '1' }, 'result.ratioRequired'],
    [
      'a ratio with denominator 0',
      kpi({ rollup: 'ratio' }),
      '2570-M01',
      { numerator: '1', denominator: '0' },
      'result.ratioRequired',
    ],
    ['a ratio', kpi({ rollup: 'ratio' }), '2570-M01', { numerator: '1', denominator: '4' }, null],
    ['above the plausible max', kpi({ plausibleMax: '100' }), '2570-M01', { value: '101' }, 'result.outlier'],
    [
      'confirmed without a note',
      kpi({ plausibleMax: '100' }),
      '2570-M01',
      { value: '101', confirmOutlier: true },
      'result.outlierNote',
    ],
    [
      'confirmed with a note',
      kpi({ plausibleMax: '100' }),
      '2570-M01',
      { value: '101', confirmOutlier: true, narrativeTh: 'งานเทศกาล' },
      null,
    ],
    ['exactly at the max', kpi({ plausibleMax: '100' }), '2570-M01', { value: '100' }, null],
  ])('%s', (_name, k, period, body, expected) => {
    expect(checkEntry(k, period, body, TODAY)).toBe(expected);
  });

  it('uses mean ± 3 SD of the history when the KPI sets no range', () => {
    const history = { min: 40, max: 160 };
    expect(checkEntry(kpi(), '2570-M01', { value: '161' }, TODAY, history)).toBe('result.outlier');
    expect(checkEntry(kpi(), '2570-M01', { value: '39' }, TODAY, history)).toBe('result.outlier');
    expect(checkEntry(kpi(), '2570-M01', { value: '100' }, TODAY, history)).toBeNull();
    // A range set on the KPI wins over the history.
    expect(checkEntry(kpi({ plausibleMax: '1000' }), '2570-M01', { value: '500' }, TODAY, history)).toBeNull();
  });
});
