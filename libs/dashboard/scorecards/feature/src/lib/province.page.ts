import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { OVERVIEW_KEYS, ProvinceOverviewStore } from '@provdash/dashboard/overview/data-access';
import { AgreementScoreTile, AttentionLists, DisbursementPanel, LoadState } from '@provdash/dashboard/overview/ui';
import { HEADLINE_KEY, KPI_STATUSES, ProvinceViewStore, valueOf } from '@provdash/dashboard/scorecards/data-access';
import {
  formatInstant,
  formatNumber,
  formatPercent,
  formatPeriod,
  KpiSparkline,
  PeriodFilters,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import type { ScorecardKpiDto } from '@provdash/shared/contracts';
import {
  DEFAULT_STATUS_THRESHOLDS,
  formatDateLabel,
  kpiDisplayState,
  type KpiDisplayState,
} from '@provdash/shared/domain';
import {
  currentFiscalYear,
  FISCAL_YEARS,
  injectLang,
  injectViewportWidth,
  localName,
  parseDay,
  parseFiscalYear,
} from './page-helpers';

/** Where a section stands: a resource's load, with a 404 read as "none this year" where that is what it means. */
function loadState(res: { error(): unknown; hasValue(): boolean }, none = false): LoadState {
  if (none) return 'none';
  if (res.error()) return 'error';
  return res.hasValue() ? 'ready' : 'loading';
}

/** The widest the disbursement chart gets: it still fits an A4 page when printed. */
const CHART_MAX_WIDTH = 680;

/**
 * The governor's screen, for a fiscal year as of a day: the agreement score as the headline, the KPI
 * lights, the disbursement against the target curve, what needs chasing (red KPIs, slowest
 * projects), then every KPI by issue and goal. Two stores: the scorecard's and the overview's.
 */
@Component({
  selector: 'pd-province-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatProgressBarModule,
    TranslocoDirective,
    StatusChip,
    PeriodFilters,
    KpiSparkline,
    AgreementScoreTile,
    DisbursementPanel,
    AttentionLists,
  ],
  providers: [ProvinceViewStore, ProvinceOverviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './province.page.html',
  styleUrl: './province.page.scss',
})
export class ProvincePage {
  /** Route parameter and query parameters (component input binding). */
  readonly code = input.required<string>();
  readonly fy = input<string>();
  readonly asOf = input<string>();

  protected readonly store = inject(ProvinceViewStore);
  protected readonly overview = inject(ProvinceOverviewStore);
  protected readonly keys = OVERVIEW_KEYS;
  private readonly orgUnits = inject(OrgUnitsStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly route = inject(ActivatedRoute);
  protected readonly lang = injectLang();
  protected readonly years = FISCAL_YEARS;
  protected readonly statuses = KPI_STATUSES;
  protected readonly fiscalYear = computed(() => parseFiscalYear(this.fy()) ?? currentFiscalYear());
  protected readonly asOfDay = computed(() => parseDay(this.asOf()));
  /** The snapshot with the approvals heard since, so figures move without a reload. */
  protected readonly scorecard = this.store.card;
  protected readonly headlineKey = HEADLINE_KEY;

  protected readonly province = computed(() => {
    const d = valueOf(this.orgUnits.directory);
    const all = d ? [...d.clusters.flatMap((c) => c.provinces), ...d.unclustered] : [];
    return all.find((p) => p.code === this.code());
  });
  protected readonly provinceName = computed(() => localName(this.province(), this.lang()) || this.code());

  /** The KPIs below target, furthest behind first. */
  protected readonly redKpis = computed(() =>
    (this.scorecard()?.kpis ?? [])
      .filter((k) => k.status === 'red')
      .sort((a, b) => (a.achievement ?? Infinity) - (b.achievement ?? Infinity) || a.code.localeCompare(b.code)),
  );
  protected readonly agreementState = computed(() =>
    loadState(this.overview.agreementResource, this.overview.noAgreement()),
  );
  protected readonly disbursementState = computed(() => loadState(this.overview.disbursementResource));
  protected readonly slowestState = computed(() => loadState(this.overview.slowest));
  protected readonly slowest = computed(() => valueOf(this.overview.slowest) ?? []);
  private readonly viewport = injectViewportWidth();
  protected readonly chartWidth = computed(() => Math.max(260, Math.min(this.viewport() - 64, CHART_MAX_WIDTH)));

  protected readonly num = formatNumber;
  protected readonly pct = formatPercent;
  protected readonly display: (kpi: ScorecardKpiDto) => KpiDisplayState = kpiDisplayState;

  protected period(key: string): string {
    return formatPeriod(key, this.lang());
  }

  /** The status in one line, from the KPI's one display state: actual, expected by now and the rule. */
  protected why(kpi: ScorecardKpiDto): string {
    const s = kpiDisplayState(kpi);
    const t = (key: string, params: Record<string, unknown> = {}) =>
      this.transloco.translate(`scorecards.why.${key}`, params);
    const unit = this.lang() === 'en' ? kpi.unitEn || kpi.unitTh : kpi.unitTh;
    const status = this.transloco.translate(`scorecards.status.${s.status}`);
    const { green, amber } = DEFAULT_STATUS_THRESHOLDS;
    const figures = {
      actual: formatNumber(s.actual),
      expected: formatNumber(s.expected),
      achievement: formatPercent(s.achievement),
      unit,
      status,
      green,
      amber,
    };
    const line =
      s.kind === 'judged'
        ? t(s.rule ?? 'higherBetter', figures)
        : s.kind === 'noReport'
          ? t('noReport', { period: s.missingPeriod ? this.period(s.missingPeriod) : '' })
          : t(s.kind);
    return s.earlyPeriod ? `${line} ${t('early', { period: this.period(s.earlyPeriod) })}` : line;
  }

  constructor() {
    effect(() => {
      const query = { code: this.code(), fiscalYear: this.fiscalYear(), asOf: this.asOfDay() };
      this.store.query.set(query);
      this.overview.query.set(query);
    });
  }

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return localName(unit, this.lang());
  }

  protected updated(iso: string | null): string {
    return formatInstant(iso, this.lang());
  }

  protected day(iso: string): string {
    return formatDateLabel(iso, this.lang());
  }

  protected print(): void {
    globalThis.print?.();
  }

  protected setFilter(queryParams: { fy?: number | null; asOf?: string | null }): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
