import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { KpiStatusName } from '@provdash/shared/contracts';
import { BarChartModule } from '@swimlane/ngx-charts';
import { formatPercent } from './format';
import { STATUS_COLOR } from './status-chip';

export interface AchievementBar {
  name: string;
  value: number;
  status: KpiStatusName;
}

/** Achievement per province as horizontal bars, coloured by each province's light. */
@Component({
  selector: 'pd-achievement-bar-chart',
  imports: [BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ngx-charts-bar-horizontal
      [view]="[width(), height()]"
      [results]="results()"
      [customColors]="colors()"
      [animations]="false"
      [xAxis]="true"
      [yAxis]="true"
      [xAxisTickFormatting]="tick"
      [barPadding]="3"
    />
  `,
})
export class AchievementBarChart {
  readonly bars = input.required<AchievementBar[]>();
  readonly width = input(320);
  protected readonly results = computed(() => this.bars().map(({ name, value }) => ({ name, value })));
  protected readonly colors = computed(() => this.bars().map((b) => ({ name: b.name, value: STATUS_COLOR[b.status] })));
  protected readonly height = computed(() => Math.max(120, this.bars().length * 16 + 40));
  protected readonly tick = (v: number) => formatPercent(v);
}
