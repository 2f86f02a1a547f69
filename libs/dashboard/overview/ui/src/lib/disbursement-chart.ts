import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DisbursementSummaryDto, ForecastDto } from '@provdash/shared/contracts';
import { flushChartRemovals, LINE_LEGEND_STYLES } from '@provdash/dashboard/scorecards/ui';
import { LineChartModule } from '@swimlane/ngx-charts';
import { formatMonth } from './format';

export type DisbursementCurve = DisbursementSummaryDto['curve'];

export type DisbursementLine = 'overall' | 'overallTarget' | 'capital' | 'capitalTarget' | 'forecast';

/** The lines' names; the forecast's only where a screen draws one (the province view). */
export type DisbursementSeriesNames = Record<Exclude<DisbursementLine, 'forecast'>, string> & { forecast?: string };

export interface ChartSeries {
  /** A fixed key, not words: see the chart's comment. */
  name: DisbursementLine;
  /** A target line: drawn dashed. */
  target: boolean;
  /** x is the month's place on the curve (0 = October), y the percent; `min`/`max` the forecast's interval. */
  series: { name: number; value: number; min?: number; max?: number }[];
}

/** Blue for the money, orange for capital; each target in a paler shade of its line, drawn dashed. */
export const DISBURSEMENT_COLORS: Record<DisbursementLine, string> = {
  overall: '#1565c0',
  overallTarget: '#5e92d6',
  capital: '#b34700',
  capitalTarget: '#e08a4f',
  forecast: '#1565c0',
};

/**
 * The curve as the chart's four lines: the overall and the capital rate, each with its target. Months
 * without a figure (no allocation, no target set) are left out of that line rather than drawn at 0.
 */
export function disbursementSeries(curve: DisbursementCurve): ChartSeries[] {
  const points = (pick: (p: DisbursementCurve[number]) => number | null | undefined) =>
    curve.flatMap((p, i) => {
      const value = pick(p);
      return value === null || value === undefined ? [] : [{ name: i, value }];
    });
  const capital = (p: DisbursementCurve[number]) => p.byType.find((t) => t.budgetType === 'capital');
  const series: ChartSeries[] = [
    { name: 'overall', target: false, series: points((p) => p.rate) },
    { name: 'overallTarget', target: true, series: points((p) => p.target) },
    { name: 'capital', target: false, series: points((p) => capital(p)?.rate) },
    { name: 'capitalTarget', target: true, series: points((p) => capital(p)?.target) },
  ];
  return series.filter((s) => s.series.length > 0);
}

/**
 * The curve with the year-end forecast (overall): a last line from the last month the forecast
 * stands on to September, its interval shaded there. ngx-charts shades a range on every line once
 * one point has one, so every other point gets an empty range (min = max = value).
 */
export function disbursementSeriesWithForecast(
  curve: DisbursementCurve,
  forecast: ForecastDto | null | undefined,
): ChartSeries[] {
  const series = disbursementSeries(curve);
  if (!forecast || forecast.method === 'final' || forecast.through < 1 || !series.length) return series;
  const flat = series.map((s) => ({ ...s, series: s.series.map((p) => ({ ...p, min: p.value, max: p.value })) }));
  flat.push({
    name: 'forecast',
    target: false,
    series: [
      { name: forecast.through - 1, value: forecast.toDate, min: forecast.toDate, max: forecast.toDate },
      { name: 11, value: forecast.projected, min: forecast.low, max: forecast.high },
    ],
  });
  return flat;
}

/** The twelve months of the fiscal year of a curve (`YYYY-MM`), from its first (October). */
function yearMonths(curve: DisbursementCurve): string[] {
  const first = curve[0]?.month;
  if (!first) return [];
  const [y, m] = first.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((m - 1 + i) % 12) + 1;
    return `${y + Math.floor((m - 1 + i) / 12)}-${String(month).padStart(2, '0')}`;
  });
}

/**
 * Disbursement rate against the target curve, month by month (percent of the allocation). Its
 * input is the curve alone, so a live change of the totals elsewhere on the screen does not redraw it.
 *
 * Only the formatting follows the language: the lines keep fixed keys, the months are numbered and
 * the percent ticks are fixed. ngx-charts leaves a removed tick or line drawn (its removal waits for
 * an animation flush that zoneless change detection does not run), so nothing here is removed on a
 * language switch or a live update; the names are in the legend below, the figures in the panel's
 * table (the tooltips, which would show the keys, are off). The one line that can go, the forecast
 * (a year that has ended has none), goes with `flushChartRemovals`.
 */
@Component({
  selector: 'pd-disbursement-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ngx-charts-line-chart
      [view]="[width(), height()]"
      [results]="series()"
      [customColors]="colors"
      [animations]="false"
      [tooltipDisabled]="true"
      [xAxis]="true"
      [yAxis]="true"
      [legend]="false"
      [xAxisTicks]="xTicks()"
      [xAxisTickFormatting]="monthTick()"
      [yAxisTickFormatting]="percentTick"
      [yAxisTicks]="yTicks"
      [yScaleMax]="100"
      [rangeFillOpacity]="0.18"
    />
    <!-- Its own legend: each line's name beside a sample of the line itself, solid or dashed. -->
    <ul class="legend" aria-hidden="true">
      @for (s of series(); track s.name) {
        <li [attr.data-line]="s.name">
          <svg width="28" height="10" focusable="false">
            <line
              x1="1"
              y1="5"
              x2="27"
              y2="5"
              stroke-width="3"
              [attr.stroke]="palette[s.name]"
              [attr.stroke-dasharray]="s.target ? '6 4' : s.name === 'forecast' ? '2 3' : null"
            />
          </svg>
          {{ names()[s.name] }}
        </li>
      }
    </ul>
  `,
  host: { '[class.paired]': 'paired()', '[class.forecast]': 'withForecast()' },
  styles: [
    LINE_LEGEND_STYLES,
    `
      /* Targets dashed, so the two kinds of line differ in shape as well as in colour (the chart draws
       one group per series, in order: with rate and target in pairs, the targets are the even ones). */
      :host(.paired) ::ng-deep g[clip-path] > g > g:nth-child(even) .line-series path {
        stroke-dasharray: 6 4;
      }
      /* The forecast is the last line: dotted, unlike both the rates (solid) and the targets (dashed). */
      :host(.forecast) ::ng-deep g[clip-path] > g > g:last-child .line-series path {
        stroke-dasharray: 2 3;
      }
    `,
  ],
})
export class DisbursementChart {
  readonly curve = input.required<DisbursementCurve>();
  readonly names = input.required<DisbursementSeriesNames>();
  readonly lang = input<string>('th');
  readonly width = input(320);
  readonly height = input(260);
  /** The overall year-end forecast (percent of the allocation), drawn dashed to September. */
  readonly forecast = input<ForecastDto | null>(null);

  constructor() {
    flushChartRemovals();
  }

  protected readonly series = computed(() => disbursementSeriesWithForecast(this.curve(), this.forecast()));
  protected readonly withForecast = computed(() => this.series().some((s) => s.name === 'forecast'));
  /** The months on the axis: the curve's, or the whole year with a forecast to its end. */
  private readonly months = computed(() =>
    this.withForecast() ? yearMonths(this.curve()) : this.curve().map((p) => p.month),
  );
  protected readonly xTicks = computed(() => this.months().map((_, i) => i));
  /** A new function only when the language or the months change: the chart then re-labels its ticks in place. */
  protected readonly monthTick = computed(() => {
    const labels = this.months().map((m) => formatMonth(m, this.lang()));
    return (i: number) => labels[i] ?? '';
  });
  protected readonly paired = computed(() =>
    this.series()
      .filter((s) => s.name !== 'forecast')
      .every((s, i) => s.target === (i % 2 === 1)),
  );
  protected readonly palette = DISBURSEMENT_COLORS;
  protected readonly colors = Object.entries(DISBURSEMENT_COLORS).map(([name, value]) => ({ name, value }));
  protected readonly percentTick = (v: number) => `${v} %`;
  /** Percent of the allocation, 0–100 in fixed steps: the ticks do not change as the chart measures itself. */
  protected readonly yTicks = [0, 20, 40, 60, 80, 100];
}
