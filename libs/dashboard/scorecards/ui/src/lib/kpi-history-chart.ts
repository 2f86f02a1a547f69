import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LegendPosition, LineChartModule } from '@swimlane/ngx-charts';
import { flushChartRemovals } from './chart-renderer';
import { formatNumber } from './format';

export interface HistorySeries {
  name: string;
  series: { name: string; value: number }[];
}

/** A period label without the words every tick repeats: "ปีงบประมาณ 2567" → "2567", "FY2567" → "2567". */
export function compactPeriodLabel(label: string): string {
  return String(label)
    .replace(/^ปีงบประมาณ\s*/, '')
    .replace(/^FY\s*/, '');
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
      [scheme]="scheme"
      [animations]="false"
      [xAxis]="true"
      [yAxis]="true"
      [legend]="true"
      [legendPosition]="below"
      [legendTitle]="legendTitle()"
      [yAxisTickFormatting]="tick"
      [xAxisTickFormatting]="periodTick"
      [autoScale]="true"
    />
  `,
})
export class KpiHistoryChart {
  readonly series = input.required<HistorySeries[]>();
  readonly width = input(320);
  readonly height = input(240);
  readonly legendTitle = input('');
  protected readonly scheme = {
    name: 'history',
    selectable: false,
    group: 'Ordinal',
    domain: ['#1565c0', '#c62828'],
  } as never;
  protected readonly tick = (v: number) => formatNumber(v);
  /** On a phone a year's tick is its number alone ("2567", not "ปีงบประมาณ 2567"): whole labels left the card. */
  protected readonly periodTick = (label: string) => (this.width() < 480 ? compactPeriodLabel(label) : label);
  protected readonly below = LegendPosition.Below;

  constructor() {
    // The periods' labels follow the language: the other language's ticks must leave.
    flushChartRemovals();
  }
}
