import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LegendPosition, LineChartModule } from '@swimlane/ngx-charts';
import { flushChartRemovals } from './chart-renderer';
import { formatNumber } from './format';

export interface HistorySeries {
  name: string;
  series: { name: string; value: number }[];
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
  protected readonly below = LegendPosition.Below;

  constructor() {
    // The periods' labels follow the language: the other language's ticks must leave.
    flushChartRemovals();
  }
}
