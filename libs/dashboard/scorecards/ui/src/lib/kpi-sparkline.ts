import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';

/** The last approved periods of a KPI as a tiny line: the shape only, figures are on the card. */
@Component({
  selector: 'pd-kpi-sparkline',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (series()[0].series.length > 1) {
      <ngx-charts-line-chart
        [view]="[width(), height()]"
        [results]="series()"
        [scheme]="scheme"
        [animations]="false"
        [tooltipDisabled]="true"
        [autoScale]="true"
        aria-hidden="true"
      />
    }
  `,
  styles: `
    :host {
      display: inline-block;
      pointer-events: none;
    }
  `,
})
export class KpiSparkline {
  readonly trend = input.required<{ period: string; value: number | null }[]>();
  readonly width = input(120);
  readonly height = input(36);
  protected readonly scheme = 'cool';
  protected readonly series = computed(() => [
    {
      name: 'trend',
      series: this.trend()
        .filter((p) => p.value !== null)
        .map((p) => ({ name: p.period, value: p.value as number })),
    },
  ]);
}
