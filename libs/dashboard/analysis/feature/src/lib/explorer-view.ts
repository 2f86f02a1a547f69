import type { FigureFormat } from '@provdash/dashboard/scorecards/ui';
import type { ExplorerDto, ExplorerViewQuery } from '@provdash/shared/contracts';
import {
  explorerDimensionsOf,
  isExplorerDimension,
  isExplorerMeasure,
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  type ExplorerDimension,
  type ExplorerMeasure,
} from '@provdash/shared/domain';

/** The filters a view can carry, in the order the address lists them. */
export const EXPLORER_FILTERS = ['region', 'cluster', 'province', 'kpi', 'goal', 'pillar'] as const;
export type ExplorerFilter = (typeof EXPLORER_FILTERS)[number];

/** The dimensions a header can be filtered by (periods and years have pickers of their own). */
export const isFilterDimension = (d: ExplorerDimension): d is ExplorerFilter =>
  (EXPLORER_FILTERS as readonly string[]).includes(d);

type ParamReader = { get(name: string): string | null };

/**
 * A view from the address, each field checked; what is missing or unreadable takes the default
 * (achievement by pillar × region for the current year), so any link opens something sensible.
 */
export function viewFromParams(params: ParamReader, currentYear: number): ExplorerViewQuery {
  const measure: ExplorerMeasure = isExplorerMeasure(params.get('measure'))
    ? (params.get('measure') as ExplorerMeasure)
    : 'achievement';
  const allowed = explorerDimensionsOf(measure);
  const dim = (name: string, fallback: ExplorerDimension | null) => {
    const v = params.get(name);
    return isExplorerDimension(v) && allowed.includes(v) ? v : fallback;
  };
  const rows = dim('rows', allowed.includes('pillar') ? 'pillar' : 'province') as ExplorerDimension;
  const colsParam = params.get('cols');
  let cols = colsParam === 'none' ? null : dim('cols', allowed.includes('region') ? 'region' : 'fiscalYear');
  if (cols === rows) cols = null;
  const years = (params.get('years') ?? '')
    .split(',')
    .map(Number)
    .filter((y) => Number.isInteger(y) && y >= MIN_FISCAL_YEAR && y <= MAX_FISCAL_YEAR);
  const text = (name: string) => {
    const v = params.get(name);
    return v && /^[A-Za-z0-9._-]{1,32}$/.test(v) ? v : null;
  };
  const pillar = Number(params.get('pillar'));
  const kpiMeasure = allowed.includes('kpi');
  return {
    measure,
    rows,
    cols,
    fiscalYears: years.length ? [...new Set(years)].sort((a, b) => a - b).slice(-10) : [currentYear],
    region: text('region'),
    cluster: text('cluster'),
    province: text('province'),
    kpi: kpiMeasure ? text('kpi') : null,
    goal: kpiMeasure ? text('goal') : null,
    pillar: kpiMeasure && Number.isInteger(pillar) && pillar >= 1 && pillar <= 6 ? pillar : null,
  };
}

/** The view as query parameters: the same for the screen's address, the API and the export. */
export function viewParams(view: ExplorerViewQuery): Record<string, string> {
  const out: Record<string, string> = {
    measure: view.measure,
    rows: view.rows,
    cols: view.cols ?? 'none',
    years: view.fiscalYears.join(','),
  };
  for (const f of EXPLORER_FILTERS) {
    const v = view[f];
    if (v !== null) out[f] = String(v);
  }
  return out;
}

/** The API's query string for a view (`cols` left out for one column). */
export function apiQuery(view: ExplorerViewQuery): string {
  const params = viewParams(view);
  if (view.cols === null) delete params['cols'];
  return new URLSearchParams(params).toString();
}

/** A view with another measure: its dimensions and filters kept where the measure has them. */
export function withMeasure(view: ExplorerViewQuery, measure: ExplorerMeasure, currentYear: number): ExplorerViewQuery {
  const params: Record<string, string> = { ...viewParams(view), measure };
  return viewFromParams({ get: (name) => params[name] ?? null }, currentYear);
}

export function figureFormatOf(measure: ExplorerMeasure): FigureFormat {
  return measure === 'value' ? 'number' : measure === 'agreementScore' ? 'score' : 'percent';
}

/** ngx-charts' grouped series: one group per row, one bar per column (or one bar per row without columns). */
export function chartSeries(
  view: ExplorerDto,
  rowName: (i: number) => string,
  colName: (j: number) => string,
): { name: string; series: { name: string; value: number }[] }[] {
  return view.rows.map((_, i) => ({
    name: rowName(i),
    series: (view.query.cols ? view.cells[i] : [view.rowTotals[i]])
      .map((c, j) => ({ name: view.query.cols ? colName(j) : rowName(i), value: c.value }))
      .filter((p): p is { name: string; value: number } => p.value !== null),
  }));
}
