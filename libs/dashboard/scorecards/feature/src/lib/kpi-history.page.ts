import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  directivesResource,
  issueDirectiveLink,
  mayIssueDirectives,
  mayReadDirectives,
} from '@provdash/dashboard/follow-up/data-access';
import { projectsResource } from '@provdash/dashboard/overview/data-access';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { formatBaht } from '@provdash/dashboard/overview/ui';
import { kpiResultsResource, ProvinceViewStore, valueOf } from '@provdash/dashboard/scorecards/data-access';
import {
  formatInstant,
  formatNumber,
  formatPercent,
  formatPeriod,
  type HistorySeries,
  KpiHistoryChart,
  OutlookChip,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import type { ForecastDto, KpiResultDto } from '@provdash/shared/contracts';
import { comparePeriods, formatDateLabel, type Frequency, periodsOfYear } from '@provdash/shared/domain';
import {
  currentFiscalYear,
  injectLang,
  injectViewportWidth,
  localName,
  parseDay,
  parseFiscalYear,
} from './page-helpers';

/** A result's figure: the value, or the ratio of its parts. */
export function resultValue(r: KpiResultDto): number | null {
  if (r.value !== null) return Number(r.value);
  if (r.numerator !== null && r.denominator !== null && Number(r.denominator) !== 0) {
    return (Number(r.numerator) / Number(r.denominator)) * 100;
  }
  return null;
}

/**
 * The chart's two lines. Within one year a summed KPI is shown cumulatively, so it meets the yearly
 * target at year end; a yearly KPI has one point a year, so it is shown over all years.
 */
export function historySeries(
  results: KpiResultDto[],
  fiscalYear: number,
  target: number | null,
  cumulative: boolean,
  label: (period: string) => string,
  names: { results: string; target: string; forecast?: string },
  forecast?: { frequency: Frequency; forecast: ForecastDto } | null,
): HistorySeries[] {
  const sorted = [...results].sort((a, b) => comparePeriods(a.period, b.period));
  const inYear = sorted.filter((r) => r.fiscalYear === fiscalYear);
  const shown = inYear.length > 1 ? inYear : sorted;
  let running = 0;
  const points = shown
    .map((r) => ({ r, v: resultValue(r) }))
    .filter((p): p is { r: KpiResultDto; v: number } => p.v !== null)
    .map(({ r, v }) => {
      running += v;
      return { name: label(r.period), value: cumulative && inYear.length > 1 ? running : v };
    });
  const series: HistorySeries[] = [{ name: names.results, series: points }];
  const f = forecast?.forecast;
  // The forecast: a dashed line from the last period it stands on to the year's last period, with
  // its interval shaded there. Only for the year shown, while it runs (a complete year is its own).
  if (f && f.method !== 'final' && points.length && inYear.length === shown.length) {
    const periods = periodsOfYear(fiscalYear, forecast.frequency);
    const from = label(periods[f.through - 1]);
    const start = points.find((p) => p.name === from);
    if (start) {
      const rest = periods.slice(f.through).map(label);
      // The target line spans the whole year, so the periods still to come take their places on the axis.
      const axis = [...points.map((p) => p.name), ...rest];
      const flat = (value: number) => ({ value, min: value, max: value });
      const out: HistorySeries[] = [];
      if (target !== null) out.push({ name: names.target, series: axis.map((name) => ({ name, ...flat(target) })) });
      out.push({ name: names.results, series: points.map((p) => ({ ...p, ...flat(p.value) })) });
      out.push({
        name: names.forecast ?? 'forecast',
        series: [
          { name: from, ...flat(start.value) },
          { name: rest[rest.length - 1], value: f.projected, min: f.low, max: f.high },
        ],
      });
      return out;
    }
  }
  if (target !== null && points.length) {
    series.push({ name: names.target, series: points.map((p) => ({ name: p.name, value: target })) });
  }
  return series;
}

/**
 * One KPI of a province: results against the target, the narratives and who approved them, and the
 * projects of the year that serve it (the province's project list, about 20 a year, filtered here:
 * the API has no per-KPI route, and one request beats one per project).
 */
@Component({
  selector: 'pd-kpi-history-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    TranslocoDirective,
    StatusChip,
    OutlookChip,
    KpiHistoryChart,
  ],
  providers: [ProvinceViewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './kpi-history.page.html',
  styleUrl: './kpi-history.page.scss',
})
export class KpiHistoryPage {
  readonly code = input.required<string>();
  readonly kpiId = input.required<string>();
  readonly fy = input<string>();
  readonly asOf = input<string>();

  protected readonly store = inject(ProvinceViewStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly results = kpiResultsResource(() => this.kpiId());
  protected readonly lang = injectLang();
  private readonly viewport = injectViewportWidth();
  /** The card's inner width: the page's and the card's padding (56 px) and a little air off the viewport. */
  protected readonly chartWidth = computed(() => Math.min(this.viewport() - 64, 720));
  protected readonly fiscalYear = computed(() => parseFiscalYear(this.fy()) ?? currentFiscalYear());
  protected readonly projects = projectsResource(() => ({ code: this.code(), fiscalYear: this.fiscalYear() }));
  protected readonly linkedProjects = computed(() =>
    (valueOf(this.projects) ?? []).filter((p) => p.kpiIds.includes(this.kpiId()) && p.status !== 'cancelled'),
  );
  protected readonly baht = formatBaht;

  protected readonly kpi = computed(() => valueOf(this.store.scorecard)?.kpis.find((k) => k.kpiId === this.kpiId()));
  private readonly definition = computed(() =>
    valueOf(this.store.map)
      ?.issues.flatMap((i) => i.goals.flatMap((g) => g.kpis))
      .find((k) => k.id === this.kpiId()),
  );
  protected readonly history = computed(() =>
    [...(valueOf(this.results) ?? [])].sort((a, b) => comparePeriods(b.period, a.period)),
  );
  /** This KPI's year-end forecast and outlook (the province view's forecasts part). */
  protected readonly forecast = computed(() => valueOf(this.store.forecasts)?.kpis.find((k) => k.kpiId === this.kpiId()));
  /** The forecast in words: the projection, its range and how it was made; figures as the chart draws them. */
  protected readonly forecastText = computed(() => {
    const k = this.forecast();
    this.lang();
    const t = (key: string, params: Record<string, unknown> = {}) => this.transloco.translate(`scorecards.forecast.${key}`, params);
    if (!k) return null;
    if (!k.forecast) return { projection: t(k.reason === 'GAP' ? 'gap' : 'none'), method: '', against: '' };
    const f = k.forecast;
    const n = formatNumber;
    const projection = f.low !== f.high ? t('projectedRange', { value: n(f.projected), low: n(f.low), high: n(f.high) }) : t('projected', { value: n(f.projected) });
    const period = formatPeriod(periodsOfYear(this.fiscalYear(), this.kpi()?.frequency ?? 'monthly')[f.through - 1] ?? '', this.lang());
    const how = f.method === 'naive' && k.rollup === 'sum' ? 'naiveSum' : f.method;
    const method = t(`method.${how}`, { period, toDate: n(f.toDate), years: f.years });
    const against = k.band ? t('againstBand', { min: n(k.band.min), max: n(k.band.max) }) : k.target !== null ? t('against', { target: n(k.target) }) : '';
    return { projection, method, against };
  });
  protected readonly series = computed(() => {
    const kpi = this.kpi();
    const k = this.forecast();
    this.lang();
    return historySeries(
      this.history(),
      this.fiscalYear(),
      kpi?.target ?? null,
      this.definition()?.rollup === 'sum',
      (p) => formatPeriod(p, this.lang()),
      {
        results: this.transloco.translate(
          this.definition()?.rollup === 'sum' ? 'scorecards.history.cumulative' : 'scorecards.history.results',
        ),
        target: this.transloco.translate('scorecards.history.targetSeries'),
        forecast: this.transloco.translate('scorecards.forecast.series'),
      },
      k?.forecast && kpi ? { frequency: kpi.frequency, forecast: k.forecast } : null,
    );
  });
  /** The chart's last series is the dashed forecast (in the results' blue; the target red). */
  protected readonly dashed = computed(
    () => {
      const s = this.series();
      return s.length > 1 && s[s.length - 1].name === this.transloco.translate('scorecards.forecast.series');
    },
  );
  protected readonly colors = computed(() =>
    this.dashed()
      ? this.series().map((s, i) => (i === this.series().length - 1 || s.name !== this.transloco.translate('scorecards.history.targetSeries') ? '#1565c0' : '#c62828'))
      : ['#1565c0', '#c62828'],
  );

  private readonly auth = inject(AuthStore);
  /** The province's own people (and admins) follow the KPI's directives here; the governor issues them. */
  protected readonly followsUp = computed(() => {
    const u = this.auth.user();
    return !!u && mayReadDirectives(u.role) && (u.role === 'admin' || u.scope.code === this.code());
  });
  protected readonly mayIssue = computed(() => this.followsUp() && mayIssueDirectives(this.auth.user()?.role));
  protected readonly directives = directivesResource(() =>
    this.followsUp() ? { unit: this.code(), kpiId: this.kpiId() } : undefined,
  );
  protected readonly issueLink = computed(() => {
    const k = this.kpi();
    return issueDirectiveLink(this.code(), { kpiId: this.kpiId(), about: k ? `${k.code} ${this.name(k)}` : undefined });
  });

  protected readonly num = formatNumber;
  protected readonly pct = formatPercent;
  protected readonly value = resultValue;

  constructor() {
    effect(() =>
      this.store.query.set({ code: this.code(), fiscalYear: this.fiscalYear(), asOf: parseDay(this.asOf()) }),
    );
    // A directive issued or moved elsewhere shows here at once (the province's workspace room).
    const reload = () => this.directives.reload();
    // The room comes from the store's query (set by the effect above), not from the inputs, which the
    // router binds only after the page is created.
    inject(RealtimeService).watch(
      () => {
        const q = this.store.query();
        return q && this.followsUp() ? `workspace:${q.code}` : null;
      },
      {
        'directive.changed': (e) => {
          if (e.data.kpiId === this.kpiId()) reload();
        },
        refetch: reload,
      },
    );
  }

  protected day(iso: string): string {
    return formatDateLabel(iso, this.lang() === 'en' ? 'en' : 'th');
  }

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return localName(unit, this.lang());
  }

  protected period(p: string): string {
    return formatPeriod(p, this.lang());
  }

  protected when(iso: string | null): string {
    return formatInstant(iso, this.lang());
  }
}
