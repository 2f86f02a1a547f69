import type { ExplorerDto } from '@provdash/shared/contracts';
import { apiQuery, chartSeries, figureFormatOf, viewFromParams, viewParams, withMeasure } from './explorer-view';

const params = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });

describe('the explorer view in the address', () => {
  it('opens achievement by pillar × region for the current year when the address says nothing', () => {
    expect(viewFromParams(params({}), 2570)).toEqual({
      measure: 'achievement',
      rows: 'pillar',
      cols: 'region',
      fiscalYears: [2570],
      region: null,
      cluster: null,
      province: null,
      kpi: null,
      goal: null,
      pillar: null,
    });
  });

  it('reads a whole view and writes it back the same', () => {
    const address = {
      measure: 'value',
      rows: 'province',
      cols: 'period',
      years: '2569,2568',
      cluster: 'C15',
      kpi: 'K1.1.3',
      pillar: '2',
    };
    const view = viewFromParams(params(address), 2570);
    expect(view).toEqual(
      expect.objectContaining({
        measure: 'value',
        rows: 'province',
        cols: 'period',
        fiscalYears: [2568, 2569],
        cluster: 'C15',
        kpi: 'K1.1.3',
        pillar: 2,
      }),
    );
    expect(viewFromParams(params(viewParams(view)), 2570)).toEqual(view);
    expect(apiQuery(view)).toBe(
      'measure=value&rows=province&cols=period&years=2568%2C2569&cluster=C15&kpi=K1.1.3&pillar=2',
    );
  });

  it('keeps one column out of the API query and the same axis out of both', () => {
    const view = viewFromParams(params({ rows: 'region', cols: 'none' }), 2570);
    expect(view.cols).toBeNull();
    expect(apiQuery(view)).not.toContain('cols');
    expect(viewFromParams(params({ rows: 'region', cols: 'region' }), 2570).cols).toBeNull();
  });

  it('drops what the measure has not, and what is not a code or a year', () => {
    const view = viewFromParams(
      params({
        measure: 'disbursementRate',
        rows: 'kpi',
        cols: 'pillar',
        kpi: 'K1',
        years: '1999,abc',
        province: "50';",
      }),
      2570,
    );
    expect(view).toEqual(
      expect.objectContaining({ rows: 'province', cols: 'region', kpi: null, fiscalYears: [2570], province: null }),
    );
    const switched = withMeasure(
      viewFromParams(params({ rows: 'pillar', cols: 'region', pillar: '3' }), 2570),
      'agreementScore',
      2570,
    );
    expect(switched).toEqual(
      expect.objectContaining({ measure: 'agreementScore', rows: 'province', cols: 'region', pillar: null }),
    );
  });

  it('formats each measure as its figure reads', () => {
    expect(figureFormatOf('achievement')).toBe('percent');
    expect(figureFormatOf('disbursementRate')).toBe('percent');
    expect(figureFormatOf('agreementScore')).toBe('score');
    expect(figureFormatOf('value')).toBe('number');
  });

  it('turns the table into grouped bars, leaving out empty cells', () => {
    const cell = (value: number | null) => ({
      value,
      reason: value === null ? ('NO_DATA' as const) : null,
      part: null,
      whole: null,
    });
    const view = {
      query: { measure: 'status', rows: 'pillar', cols: 'region' },
      rows: [{ key: '1' }, { key: '2' }],
      cols: [{ key: 'north' }, { key: 'south' }],
      cells: [
        [cell(50), cell(null)],
        [cell(75), cell(100)],
      ],
      rowTotals: [cell(50), cell(80)],
    } as unknown as ExplorerDto;
    expect(
      chartSeries(
        view,
        (i) => `P${i}`,
        (j) => `R${j}`,
      ),
    ).toEqual([
      { name: 'P0', series: [{ name: 'R0', value: 50 }] },
      {
        name: 'P1',
        series: [
          { name: 'R0', value: 75 },
          { name: 'R1', value: 100 },
        ],
      },
    ]);
    const oneColumn = { ...view, query: { ...view.query, cols: null } } as unknown as ExplorerDto;
    expect(
      chartSeries(
        oneColumn,
        (i) => `P${i}`,
        () => '',
      ),
    ).toEqual([
      { name: 'P0', series: [{ name: 'P0', value: 50 }] },
      { name: 'P1', series: [{ name: 'P1', value: 80 }] },
    ]);
  });
});
