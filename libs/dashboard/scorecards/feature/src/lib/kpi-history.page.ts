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
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import type { KpiResultDto } from '@provdash/shared/contracts';
import { comparePeriods, formatDateLabel } from '@provdash/shared/domain';
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
  names: { results: string; target: string },
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
  protected readonly series = computed(() => {
    const kpi = this.kpi();
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
      },
    );
  });

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
