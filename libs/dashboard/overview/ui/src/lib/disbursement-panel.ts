import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { translateObjectSignal, TranslocoPipe } from '@jsverse/transloco';
import { formatPercent, OutlookChip } from '@provdash/dashboard/scorecards/ui';
import type { DisbursementFiguresDto, DisbursementForecastDto, DisbursementSummaryDto } from '@provdash/shared/contracts';
import { formatDateLabel } from '@provdash/shared/domain';
import { DisbursementChart } from './disbursement-chart';
import type { DisbursementCurve, DisbursementSeriesNames } from './disbursement-chart';
import { formatBaht, formatDistance, formatMonth } from './format';
import { injectLang, LoadState } from './lang';

type Figures = DisbursementFiguresDto & { target: number | null; gap: number | null };

/** One rate against its target, in words and a shape: ahead (✓) or how far behind (!). */
interface RateView {
  key: 'overall' | 'capital';
  rate: string;
  target: string | null;
  behind: boolean;
  points: string;
  amounts: { disbursed: string; allocated: string };
}

function rateView(key: RateView['key'], f: Figures | undefined): RateView | null {
  if (!f) return null;
  return {
    key,
    rate: formatPercent(f.rate),
    target: f.target === null ? null : formatPercent(f.target),
    behind: f.gap !== null && f.gap < 0,
    points: formatDistance(f.gap),
    amounts: { disbursed: formatBaht(f.disbursed), allocated: formatBaht(f.allocated) },
  };
}

/**
 * A province's disbursement: the overall and the capital rate against the targets in force, the
 * monthly curve as a chart, and the same figures as a table (for screen readers, and for anyone
 * who prefers numbers to lines). `curve` is its own input so the chart redraws only when it changes.
 * The page marks the element or its chart `live-changed` when an event moved them.
 */
@Component({
  selector: 'pd-disbursement-panel',
  imports: [RouterLink, TranslocoPipe, DisbursementChart, OutlookChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'disbursement' },
  template: `
    <section aria-labelledby="disbursement-title">
      <h2 id="disbursement-title">{{ 'overview.disbursement.title' | transloco }}</h2>
      @switch (state()) {
        @case ('loading') {
          <p class="muted" role="status">{{ 'common.loading' | transloco }}…</p>
        }
        @case ('error') {
          <p class="error" role="alert">{{ 'common.loadError' | transloco }}</p>
        }
        @default {
          @if (summary(); as s) {
            @if (s.total.allocated === '0.00') {
              <p class="muted" data-testid="disbursement-none">
                {{ 'overview.disbursement.none' | transloco: { year: s.fiscalYear } }}
              </p>
              <a
                data-testid="disbursement-previous-year"
                [routerLink]="[]"
                [queryParams]="{ fy: s.fiscalYear - 1 }"
                queryParamsHandling="merge"
                >{{ 'overview.previousYear' | transloco: { year: s.fiscalYear - 1 } }}</a
              >
            } @else {
              <p class="muted">{{ 'overview.disbursement.asOf' | transloco: { date: asOf() } }}</p>
              <div class="rates">
                @for (r of rates(); track r.key) {
                  <div class="rate" [attr.data-testid]="'disbursement-' + r.key">
                    <span class="label">{{ 'overview.disbursement.' + r.key | transloco }}</span>
                    <span class="big">{{ r.rate }}</span>
                    <span class="muted">
                      {{
                        r.target
                          ? ('overview.disbursement.target' | transloco: { value: r.target })
                          : ('overview.disbursement.noTarget' | transloco)
                      }}
                    </span>
                    @if (r.target) {
                      <span class="verdict" [class.behind]="r.behind" [attr.data-behind]="r.behind">
                        <span aria-hidden="true">{{ r.behind ? '!' : '✓' }}</span>
                        {{
                          r.behind
                            ? ('overview.disbursement.behind' | transloco: { points: r.points })
                            : ('overview.disbursement.ahead' | transloco)
                        }}
                      </span>
                    }
                    <span class="amounts">{{ 'overview.disbursement.amounts' | transloco: r.amounts }}</span>
                  </div>
                }
              </div>
              <p class="lapse" data-testid="lapse-risk" [attr.data-level]="s.total.lapseRisk">
                {{ 'overview.disbursement.lapse.label' | transloco }}:
                <strong>{{ 'overview.disbursement.lapse.' + s.total.lapseRisk | transloco }}</strong>
              </p>
              @if (forecastLine(); as fl) {
                <p class="forecast" data-testid="disbursement-forecast">
                  @if (fl.outlook; as o) {
                    <pd-outlook-chip [outlook]="o" />
                  }
                  <span>{{ 'overview.disbursement.' + fl.key | transloco: fl.params }}</span>
                </p>
              }
              @if (curve(); as c) {
                <figure class="chart" [class.live-changed]="chartChanged()">
                  <figcaption>{{ 'overview.disbursement.chart' | transloco }}</figcaption>
                  <!-- The chart's code (ngx-charts) loads once the first paint is done: the figures above
                       and the KPIs below are what a phone shows first; the slot keeps its height meanwhile. -->
                  @defer (on idle) {
                    <pd-disbursement-chart
                      data-testid="disbursement-chart"
                      role="img"
                      [attr.aria-label]="'overview.disbursement.chartAria' | transloco: chartLabel()"
                      [curve]="c"
                      [forecast]="chartForecast()"
                      [names]="lineNames()"
                      [lang]="lang()"
                      [width]="chartWidth()"
                    />
                  } @placeholder {
                    <div class="chart-slot" data-testid="disbursement-chart-slot"></div>
                  }
                </figure>
                <details class="table">
                  <summary>{{ 'overview.disbursement.table' | transloco }}</summary>
                  <table data-testid="disbursement-table">
                    <caption class="visually-hidden">
                      {{
                        'overview.disbursement.chart' | transloco
                      }}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{{ 'overview.disbursement.month' | transloco }}</th>
                        <th scope="col">{{ 'overview.disbursement.series.overall' | transloco }}</th>
                        <th scope="col">{{ 'overview.disbursement.series.overallTarget' | transloco }}</th>
                        <th scope="col">{{ 'overview.disbursement.series.capital' | transloco }}</th>
                        <th scope="col">{{ 'overview.disbursement.series.capitalTarget' | transloco }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (row of table(); track row.month) {
                        <tr>
                          <th scope="row">{{ row.month }}</th>
                          <td>{{ row.rate }}</td>
                          <td>{{ row.target }}</td>
                          <td>{{ row.capital }}</td>
                          <td>{{ row.capitalTarget }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </details>
              }
            }
          }
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 1rem;
    }
    p {
      margin: 2px 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .rates {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 8px 16px;
      margin: 8px 0;
    }
    .rate {
      display: flex;
      flex-direction: column;
    }
    .big {
      font-size: 1.8rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .verdict {
      color: #1b5e20;
      font-weight: 500;
    }
    .verdict.behind {
      color: #8e1c1c;
    }
    .amounts {
      font-size: 0.8rem;
    }
    .forecast {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin: 6px 0;
    }
    .chart {
      margin: 8px 0 0;
      overflow: hidden;
    }
    /* The chart (260 px) and its legend (two rows on a phone), so nothing below moves when it arrives. */
    .chart-slot {
      height: 290px;
    }
    @media (max-width: 600px) {
      .chart-slot {
        height: 342px;
      }
    }
    figcaption {
      font-weight: 500;
    }
    table {
      border-collapse: collapse;
      font-size: 0.85rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 2px 8px;
      text-align: right;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
    summary {
      cursor: pointer;
      padding: 4px 0;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .live-changed {
      animation: live-changed 2s ease-out;
    }
    @keyframes live-changed {
      from {
        background-color: var(--mat-sys-tertiary-container);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .live-changed {
        animation: none;
        outline: 2px solid var(--mat-sys-tertiary);
      }
    }
    @media print {
      .chart {
        break-inside: avoid;
      }
    }
  `,
})
export class DisbursementPanel {
  readonly summary = input<DisbursementSummaryDto | undefined>();
  /** The curve alone (the store keeps its identity while only the totals move). */
  readonly curve = input<DisbursementCurve | undefined>();
  readonly state = input.required<LoadState>();
  readonly chartWidth = input(320);
  readonly chartChanged = input(false);
  /** The year-end forecast of the overall rate (the province view has one; other screens none). */
  readonly forecast = input<DisbursementForecastDto | null>(null);

  protected readonly lang = injectLang();
  /** The lines' names, following the language once its translations have arrived. */
  private readonly seriesNames = translateObjectSignal('overview.disbursement.series');

  protected readonly asOf = computed(() => {
    const s = this.summary();
    return s ? formatDateLabel(s.asOf, this.lang()) : '';
  });

  protected readonly rates = computed(() => {
    const s = this.summary();
    if (!s) return [];
    const capital = s.byType.find((t) => t.budgetType === 'capital');
    return [rateView('overall', s.total), rateView('capital', capital)].filter((r): r is RateView => r !== null);
  });

  protected readonly lineNames = computed<DisbursementSeriesNames>(() => {
    const names = this.seriesNames() as Partial<Record<string, string>> | string | undefined;
    const t = (key: string) => (typeof names === 'object' && names?.[key]) || key;
    return {
      overall: t('overall'),
      overallTarget: t('overallTarget'),
      capital: t('capital'),
      capitalTarget: t('capitalTarget'),
      forecast: t('forecast'),
    };
  });

  /** The forecast of a year still running, for the chart (a complete year is its own curve). */
  protected readonly chartForecast = computed(() => {
    const f = this.forecast()?.forecast;
    return f && f.method !== 'final' ? f : null;
  });

  /** The forecast in words, in the panel's percent: projected, range, against the year-end target. */
  protected readonly forecastLine = computed(() => {
    const d = this.forecast();
    const f = this.chartForecast();
    if (!d || !f) return null;
    const params = { value: formatPercent(f.projected), low: formatPercent(f.low), high: formatPercent(f.high), target: formatPercent(d.target) };
    return { key: d.target === null ? 'forecastNoTarget' : 'forecast', params, outlook: d.outlook };
  });

  protected readonly table = computed(() =>
    (this.curve() ?? []).map((p) => {
      const capital = p.byType.find((t) => t.budgetType === 'capital');
      return {
        month: formatMonth(p.month, this.lang()),
        rate: formatPercent(p.rate),
        target: formatPercent(p.target),
        capital: formatPercent(capital?.rate),
        capitalTarget: formatPercent(capital?.target),
      };
    }),
  );

  /** What the chart shows, in one sentence: where the year stands now (the parameters of its label). */
  protected readonly chartLabel = computed(() => {
    const curve = this.curve() ?? [];
    const last = curve[curve.length - 1];
    return last
      ? {
          month: formatMonth(last.month, this.lang()),
          rate: formatPercent(last.rate),
          target: formatPercent(last.target),
        }
      : { month: '–', rate: '–', target: '–' };
  });
}
