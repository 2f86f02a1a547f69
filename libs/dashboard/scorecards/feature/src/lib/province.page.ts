import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore, FirstPaint, LastSeen } from '@provdash/dashboard/auth/data-access';
import { mayReadDirectives } from '@provdash/dashboard/follow-up/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import {
  OVERVIEW_KEYS,
  primeProvinceView,
  ProvinceOverviewStore,
  provinceViewUrl,
} from '@provdash/dashboard/overview/data-access';
import { AgreementScoreTile, AttentionLists, DisbursementPanel, LoadState } from '@provdash/dashboard/overview/ui';
import { HEADLINE_KEY, KPI_STATUSES, ProvinceViewStore, valueOf } from '@provdash/dashboard/scorecards/data-access';
import {
  formatInstant,
  formatInstantTime,
  formatNumber,
  formatPercent,
  formatPeriod,
  KpiSparkline,
  OutlookChip,
  PeriodFilters,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import type { ProvinceViewDto, ScorecardKpiDto } from '@provdash/shared/contracts';
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
import { ProvinceRisks } from './province-risks';

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
    OutlookChip,
    PeriodFilters,
    KpiSparkline,
    AgreementScoreTile,
    DisbursementPanel,
    AttentionLists,
    ProvinceRisks,
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
  private readonly injector = inject(Injector);
  private readonly firstPaint = inject(FirstPaint);
  private readonly auth = inject(AuthStore);
  /** The province's own people (and admins) read its risks; nobody else is asked to (no refused request). */
  protected readonly showRisks = computed(() => {
    const u = this.auth.user();
    if (!u || !mayReadDirectives(u.role)) return false;
    return u.role === 'admin' || u.scope.code === this.code();
  });
  private readonly lastSeen = inject(LastSeen);
  /** Bumped when the network returns: the screen asks for its parts again. */
  private readonly generation = signal(0);
  /** When the figures shown were last seen, while the screen shows its kept copy (no network); else null. */
  protected readonly lastSeenAt = computed(() => {
    const shown = this.lastSeen.shown();
    return shown && shown.url === provinceViewUrl(this.code()) ? shown.savedAt : null;
  });
  /** The names of the province from the screen's composed answer (its first paint, one request). */
  private readonly unit = signal<ProvinceViewDto['unit'] | undefined>(undefined);
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
  /**
   * The plan's name and map link come after the first paint (below-the-fold requests): until the
   * plan list has answered, their places are kept so nothing under them jumps when they arrive.
   */
  protected readonly planPending = computed(() => ['idle', 'loading'].includes(this.store.plans.status()));
  protected readonly headlineKey = HEADLINE_KEY;

  /**
   * The directory (every province's names) only after the first paint: until then the composed
   * answer's names serve, and the first paint waits for one request, not two.
   */
  private readonly directory = computed(() =>
    this.store.scorecard.hasValue() || this.store.scorecard.error()
      ? untracked(() => this.injector.get(OrgUnitsStore)).directory
      : undefined,
  );

  protected readonly province = computed(() => {
    const directory = this.directory();
    const d = directory ? valueOf(directory) : undefined;
    if (!d) return this.unit();
    return [...d.clusters.flatMap((c) => c.provinces), ...d.unclustered].find((p) => p.code === this.code());
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

  /** Each KPI's year-end forecast and outlook, by id (the screen's forecasts part). */
  private readonly forecasts = computed(
    () => new Map((valueOf(this.store.forecasts)?.kpis ?? []).map((k) => [k.kpiId, k])),
  );
  /** What each goal contributes to, by code. */
  private readonly contributions = computed(
    () => new Map((valueOf(this.store.contributions)?.goals ?? []).map((g) => [g.code, g])),
  );
  /** The projection of a year still running (a complete year's figure is the actual already shown). */
  protected forecastOf(kpiId: string) {
    const f = this.forecasts().get(kpiId)?.forecast;
    return f && f.method !== 'final' ? f : null;
  }
  protected outlookOf(kpiId: string) {
    const k = this.forecasts().get(kpiId);
    return k?.forecast && k.forecast.method !== 'final' ? k.outlook : null;
  }
  protected contribution(goalCode: string) {
    return this.contributions().get(goalCode) ?? null;
  }
  /** The disbursement's year-end forecast, for the panel's chart and its line in words. */
  protected readonly disbursementForecast = computed(() => valueOf(this.store.forecasts)?.disbursement ?? null);

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
      this.generation();
      const query = { code: this.code(), fiscalYear: this.fiscalYear(), asOf: this.asOfDay() };
      // The user's own province is kept on the device, to be shown (marked) when there is no network.
      // Who the user is may not be known yet (a reload restores the session meanwhile).
      const keepFor = async () => {
        await this.auth.whenReady();
        const user = this.auth.user();
        return user && user.scope.code === query.code ? user.id : undefined;
      };
      // Before the stores ask for their parts: they are answered from this one request.
      void primeProvinceView(this.firstPaint, query, keepFor).then((view) => {
        if (view && view.unit.code === this.code()) this.unit.set(view.unit);
      });
      this.store.query.set(query);
      this.overview.query.set(query);
    });
    // Back online: a screen showing its kept copy (or failures) renews the session, then loads afresh.
    const online = async () => {
      if (!this.lastSeenAt() && !this.store.scorecard.error()) return;
      if (this.auth.offline()) await this.auth.refresh();
      this.generation.update((g) => g + 1);
    };
    const listener = () => void online();
    globalThis.addEventListener?.('online', listener);
    inject(DestroyRef).onDestroy(() => globalThis.removeEventListener?.('online', listener));
  }

  protected seenAt(iso: string): string {
    return formatInstantTime(iso, this.lang());
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
