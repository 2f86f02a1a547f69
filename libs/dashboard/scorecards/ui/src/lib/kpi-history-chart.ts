import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';
import { flushChartRemovals, LINE_LEGEND_STYLES } from './chart-renderer';
import { formatNumber } from './format';

export interface HistorySeries {
  name: string;
  /** `min`/`max`: the forecast's interval at a point (every point carries them once one does: see below). */
  series: { name: string; value: number; min?: number; max?: number }[];
}

/** A period label without the words every tick repeats: "ปีงบประมาณ 2567" → "2567", "FY2567" → "2567". */
export function compactPeriodLabel(label: string): string {
  return String(label)
    .replace(/^ปีงบประมาณ\s*/, '')
    .replace(/^FY\s*/, '');
}

/**
 * A period of the year shown without its year ("ต.ค. 2569" → "ต.ค."): a forecast's axis runs over
 * one fiscal year, named in the chart's title, and twelve full labels were cut off on a phone.
 */
export function withoutYear(label: string): string {
  return String(label).replace(/\s*\d{4}$/, '');
}

/** Results of a KPI against its target, period by period. */
@Component({
  selector: 'pd-kpi-history-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ngx-charts-line-chart
      [view]="[width(), height()]"
      [results]="series()"
      [scheme]="scheme()"
      [animations]="false"
      [xAxis]="true"
      [yAxis]="true"
      [legend]="false"
      [yAxisTickFormatting]="tick"
      [xAxisTickFormatting]="periodTick"
      [autoScale]="true"
      [rangeFillOpacity]="0.18"
    />
    <!-- Its own legend, below the chart and in the page's flow (ngx-charts' own overflowed its box):
         each line's name beside a sample of the line itself, the forecast's dashed. -->
    <ul class="legend" aria-hidden="true">
      @for (s of series(); track s.name; let i = $index; let last = $last) {
        <li>
          <svg width="28" height="10" focusable="false">
            <line
              x1="1"
              y1="5"
              x2="27"
              y2="5"
              stroke-width="3"
              [attr.stroke]="colors()[i]"
              [attr.stroke-dasharray]="last && dashedLast() ? '7 5' : null"
            />
          </svg>
          {{ s.name }}
        </li>
      }
    </ul>
  `,
  host: { '[class.dashed-last]': 'dashedLast()' },
  styles: [
    LINE_LEGEND_STYLES,
    `
      /* The forecast is the last series: drawn dashed, so it differs from the results in shape as well
       as colour (the chart draws one group per series, in order). */
      :host(.dashed-last) ::ng-deep g[clip-path] > g > g:last-child .line-series path {
        stroke-dasharray: 7 5;
      }
    `,
  ],
})
export class KpiHistoryChart {
  readonly series = input.required<HistorySeries[]>();
  readonly width = input(320);
  readonly height = input(240);
  /** The last series is a forecast: dashed. */
  readonly dashedLast = input(false);
  /** Colours in the series' order (results blue, target red by default). */
  readonly colors = input<readonly string[]>(['#1565c0', '#c62828']);
  protected readonly scheme = computed(
    () => ({ name: 'history', selectable: false, group: 'Ordinal', domain: [...this.colors()] }) as never,
  );
  protected readonly tick = (v: number) => formatNumber(v);
  /** On a phone a year's tick is its number alone ("2567", not "ปีงบประมาณ 2567"): whole labels left the card. */
  protected readonly periodTick = (label: string) =>
    this.dashedLast() ? withoutYear(label) : this.width() < 480 ? compactPeriodLabel(label) : label;

  constructor() {
    // The periods' labels follow the language: the other language's ticks must leave.
    flushChartRemovals();
  }
}
