import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { KpiStatusName } from '@provdash/shared/contracts';
import { BarChartModule } from '@swimlane/ngx-charts';
import { flushChartRemovals } from './chart-renderer';
import { type FigureFormat, formatFigureShort } from './metric-scale';
import { STATUS_COLOR } from './status-chip';

export interface AchievementBar {
  name: string;
  value: number;
  status: KpiStatusName;
}

/** A figure per province as horizontal bars, coloured by each province's light; the target as a line. */
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
      [xScaleMin]="0"
      [xScaleMax]="scaleMax()"
      [referenceLines]="referenceLines()"
      [showRefLines]="referenceLines().length > 0"
      [showRefLabels]="false"
      [barPadding]="3"
      (select)="selectBar.emit($event.name)"
    />
  `,
})
export class AchievementBarChart {
  readonly bars = input.required<AchievementBar[]>();
  readonly width = input(320);
  readonly format = input<FigureFormat>('percent');
  /** Where the target line goes, and what it is called; none when null. */
  readonly target = input<number | null>(null);
  readonly targetLabel = input('');
  /** The name of the bar clicked. */
  readonly selectBar = output<string>();

  protected readonly results = computed(() => this.bars().map(({ name, value }) => ({ name, value })));
  protected readonly colors = computed(() => this.bars().map((b) => ({ name: b.name, value: STATUS_COLOR[b.status] })));
  protected readonly height = computed(() => Math.max(120, this.bars().length * 16 + 40));
  protected readonly referenceLines = computed(() => {
    const target = this.target();
    return target === null ? [] : [{ name: this.targetLabel(), value: target }];
  });
  /** Scores run 0–5 whatever the data; other figures up to the largest bar or the target. */
  protected readonly scaleMax = computed(() =>
    this.format() === 'score' ? 5 : Math.max(this.target() ?? 0, ...this.bars().map((b) => b.value)),
  );
  constructor() {
    flushChartRemovals();
  }

  protected readonly tick = (v: number) =>
    formatFigureShort(v, this.format()) + (this.format() === 'percent' ? ' %' : '');
}
