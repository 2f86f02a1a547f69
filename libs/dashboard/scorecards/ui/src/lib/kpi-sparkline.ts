import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/** Room kept at the edges so the stroke is not clipped. */
const PAD = 2;

/**
 * The last approved periods of a KPI as a tiny line: the shape only, figures are on the card.
 * One SVG path drawn with d3's scales and line generator (the ones ngx-charts uses inside): the
 * province view draws one per KPI, and a full ngx-charts chart each (axes, sizing observer,
 * tooltip layer) was most of a phone's work before the first KPI appeared.
 */
@Component({
  selector: 'pd-kpi-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (path(); as d) {
      <svg
        [attr.width]="width()"
        [attr.height]="height()"
        [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
        aria-hidden="true"
        focusable="false"
      >
        <path [attr.d]="d" />
      </svg>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      pointer-events: none;
    }
    svg {
      display: block;
    }
    path {
      fill: none;
      stroke: var(--pd-sparkline, #1a4f8b);
      stroke-width: 1.5;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
  `,
})
export class KpiSparkline {
  readonly trend = input.required<{ period: string; value: number | null }[]>();
  readonly width = input(120);
  readonly height = input(36);
  /** The path of the approved values (gaps skipped, scaled to their own range); null under two points. */
  protected readonly path = computed(() => sparklinePath(this.trend(), this.width(), this.height()));
}

/** The SVG path of a trend's known values, x by position, y over their own range (a flat line mid-height). */
export function sparklinePath(
  trend: readonly { value: number | null }[],
  width: number,
  height: number,
): string | null {
  const values = trend.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length < 2) return null;
  const x = scaleLinear()
    .domain([0, values.length - 1])
    .range([PAD, width - PAD]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = scaleLinear()
    .domain(low === high ? [low - 1, high + 1] : [low, high])
    .range([height - PAD, PAD]);
  return line<number>(
    (_, i) => x(i),
    (v) => y(v),
  )(values);
}
