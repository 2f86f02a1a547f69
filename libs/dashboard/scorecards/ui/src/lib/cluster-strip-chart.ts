import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { KpiStatusName } from '@provdash/shared/contracts';
import { type FigureFormat, formatFigure, formatFigureShort } from './metric-scale';
import { STATUS_COLOR } from './status-chip';

export interface StripDatum {
  code: string;
  name: string;
  clusterCode: string | null;
  value: number | null;
  status: KpiStatusName;
}

export interface StripCluster {
  code: string;
  name: string;
}

/** Round tick steps (1, 2, 2.5, 5 × 10ⁿ) giving about `count` ticks over the domain. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

export function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Cut to about `chars` characters with an ellipsis: SVG text does not clip itself. */
function fit(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

const ROW = 26;
const TOP = 24;

/**
 * Each cluster's provinces as dots on one line (ngx-charts has no box plot): the spread from the
 * lowest to the highest member, the median as a bar, the target as a dashed line. Plain SVG with
 * its presentation in attributes, so the chart exports to PNG as drawn. A row is a button that
 * selects its cluster.
 */
@Component({
  selector: 'pd-cluster-strip-chart',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      *transloco="let t"
      xmlns="http://www.w3.org/2000/svg"
      data-testid="strip-chart"
      role="group"
      [attr.aria-label]="label()"
      [attr.width]="width()"
      [attr.height]="height()"
      [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
      font-family="Sarabun, 'Noto Sans Thai', sans-serif"
      font-size="11"
    >
      <rect [attr.width]="width()" [attr.height]="height()" fill="#ffffff" />
      @for (tick of ticks(); track tick) {
        <line [attr.x1]="x(tick)" [attr.x2]="x(tick)" [attr.y1]="TOP - 4" [attr.y2]="height() - 4" stroke="#e0e0e0" />
        <text [attr.x]="x(tick)" [attr.y]="TOP - 8" text-anchor="middle" fill="#424242">{{ tickLabel(tick) }}</text>
      }
      @for (row of layout(); track row.code) {
        <g
          class="row"
          data-testid="strip-row"
          role="button"
          tabindex="0"
          [attr.data-code]="row.code"
          [attr.aria-pressed]="row.code === cluster()"
          [attr.aria-label]="
            t('scorecards.compare.strip.row', {
              name: row.name,
              count: row.dots.length,
              median: row.median === null ? '–' : full(row.median),
            })
          "
          (click)="selectCluster.emit(row.code)"
          (keydown.enter)="selectCluster.emit(row.code)"
          (keydown.space)="$event.preventDefault(); selectCluster.emit(row.code)"
        >
          <rect
            x="0"
            [attr.y]="row.y"
            [attr.width]="width()"
            [attr.height]="ROW"
            [attr.fill]="row.code === cluster() ? '#dcebfa' : $even ? '#ffffff' : '#f7f7f7'"
          />
          <text
            [attr.x]="labelWidth() - 8"
            [attr.y]="row.y + ROW / 2"
            text-anchor="end"
            dominant-baseline="central"
            [attr.font-weight]="row.code === cluster() ? 700 : 400"
            fill="#212121"
          >
            {{ row.label }}
          </text>
          @if (row.min !== null && row.max !== null) {
            <line
              [attr.x1]="x(row.min)"
              [attr.x2]="x(row.max)"
              [attr.y1]="row.y + ROW / 2"
              [attr.y2]="row.y + ROW / 2"
              stroke="#9e9e9e"
              stroke-width="2"
            />
          }
          @if (row.median !== null) {
            <rect
              data-testid="strip-median"
              [attr.x]="x(row.median) - 1.5"
              [attr.y]="row.y + 5"
              width="3"
              [attr.height]="ROW - 10"
              fill="#212121"
            />
          }
          @for (dot of row.dots; track dot.code) {
            <circle
              data-testid="strip-dot"
              [attr.data-code]="dot.code"
              [attr.cx]="x(dot.value)"
              [attr.cy]="row.y + ROW / 2"
              [attr.r]="dot.code === selected() ? 7 : 5"
              [attr.fill]="color[dot.status]"
              fill-opacity="0.85"
              [attr.stroke]="dot.code === selected() ? '#000000' : '#ffffff'"
              [attr.stroke-width]="dot.code === selected() ? 2 : 1"
            >
              <title>{{ dot.name }}: {{ full(dot.value) }} ({{ t('scorecards.status.' + dot.status) }})</title>
            </circle>
          }
        </g>
      }
      @if (target() !== null) {
        <line
          data-testid="strip-target"
          [attr.x1]="x(target()!)"
          [attr.x2]="x(target()!)"
          [attr.y1]="TOP - 2"
          [attr.y2]="height() - 4"
          stroke="#c62828"
          stroke-width="1.5"
          stroke-dasharray="5 3"
        />
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    .row {
      cursor: pointer;
      outline: none;
    }
    .row:focus-visible rect:first-child {
      stroke: #d81b60;
      stroke-width: 3;
    }
  `,
})
export class ClusterStripChart {
  readonly rows = input.required<readonly StripDatum[]>();
  readonly clusters = input.required<readonly StripCluster[]>();
  readonly format = input<FigureFormat>('percent');
  readonly target = input<number | null>(null);
  readonly width = input(320);
  readonly cluster = input<string | null>(null);
  readonly selected = input<string | null>(null);
  readonly label = input('');
  readonly selectCluster = output<string>();

  protected readonly ROW = ROW;
  protected readonly TOP = TOP;
  protected readonly color = STATUS_COLOR;

  protected readonly labelWidth = computed(() => Math.round(Math.min(220, Math.max(96, this.width() * 0.34))));
  protected readonly height = computed(() => TOP + this.clusters().length * ROW + 8);

  private readonly domain = computed<[number, number]>(() => {
    if (this.format() === 'score') return [0, 5];
    const values = this.rows()
      .map((r) => r.value)
      .filter((v): v is number => v !== null);
    const target = this.target();
    const lo = Math.min(0, ...values);
    const hi = Math.max(target ?? 0, ...values, 1);
    const ticks = niceTicks(lo, hi);
    return [Math.min(lo, ticks[0]), Math.max(hi, ticks[ticks.length - 1])];
  });
  protected readonly ticks = computed(() => niceTicks(...this.domain()));

  protected readonly layout = computed(() => {
    const chars = Math.floor((this.labelWidth() - 12) / 6.2);
    return this.clusters().map((c, i) => {
      const dots = this.rows()
        .filter((r): r is StripDatum & { value: number } => r.clusterCode === c.code && r.value !== null)
        .sort((a, b) => a.value - b.value);
      const values = dots.map((d) => d.value);
      return {
        code: c.code,
        name: c.name,
        label: fit(`${c.code} ${c.name}`, chars),
        y: TOP + i * ROW,
        dots,
        min: values.length ? values[0] : null,
        max: values.length ? values[values.length - 1] : null,
        median: median(values),
      };
    });
  });

  protected x(value: number): number {
    const [lo, hi] = this.domain();
    const left = this.labelWidth();
    const right = this.width() - 14;
    return left + ((value - lo) / (hi - lo || 1)) * (right - left);
  }

  protected full(value: number): string {
    return formatFigure(value, this.format());
  }

  protected tickLabel(value: number): string {
    return formatFigureShort(value, this.format());
  }
}
