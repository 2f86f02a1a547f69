import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { CHART_KEY, ComparisonStore } from '@provdash/dashboard/scorecards/data-access';
import {
  type AchievementBar,
  AchievementBarChart,
  formatNumber,
  formatPercent,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import type { KpiStatusName } from '@provdash/shared/contracts';
import {
  currentFiscalYear,
  FISCAL_YEARS,
  injectLang,
  injectViewportWidth,
  localName,
  parseDay,
  parseFiscalYear,
} from './page-helpers';

export interface RankedRow {
  code: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  rank: number | null;
  actual: number | null;
  achievement: number | null;
  status: KpiStatusName;
}

/** Ranked first, unranked (no data) last, ties by province code. */
export function byRank<T extends { rank: number | null; code: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

export function sameBars(a: readonly AchievementBar[], b: readonly AchievementBar[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.name === b[i].name && x.value === b[i].value && x.status === b[i].status)
  );
}

/** The ministry's view: one KPI or goal across the 77 provinces, and the clusters ranked. */
@Component({
  selector: 'pd-compare-page',
  imports: [
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    StatusChip,
    AchievementBarChart,
  ],
  providers: [ComparisonStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare.page.html',
  styleUrl: './compare.page.scss',
})
export class ComparePage {
  readonly kpi = input<string>();
  readonly goal = input<string>();
  readonly fy = input<string>();
  readonly asOf = input<string>();

  protected readonly store = inject(ComparisonStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lang = injectLang();
  private readonly viewport = injectViewportWidth();
  protected readonly chartWidth = computed(() => Math.min(this.viewport() - 40, 900));
  protected readonly years = FISCAL_YEARS;
  protected readonly fiscalYear = computed(() => parseFiscalYear(this.fy()) ?? currentFiscalYear());

  /** The snapshots with the approvals heard since, re-ranked. */
  protected readonly kpiResult = this.store.kpiView;
  protected readonly goalResult = this.store.goalView;
  protected readonly chartKey = CHART_KEY;
  protected readonly rows = computed<RankedRow[]>(() => {
    const k = this.kpiResult();
    if (this.kpi() && k) {
      return byRank(k.rows.map((r) => ({ ...r, code: r.orgUnitCode })));
    }
    const g = this.goalResult();
    if (this.goal() && g) {
      return byRank(
        g.rows.map((r) => ({
          code: r.orgUnitCode,
          nameTh: r.nameTh,
          nameEn: r.nameEn,
          clusterCode: r.clusterCode,
          rank: r.rank,
          actual: null,
          achievement: r.summary.performanceIndex,
          status: r.summary.status,
        })),
      );
    }
    return [];
  });
  /** Equal bars are the same bars: a reload that changed nothing does not redraw the chart. */
  protected readonly bars = computed<AchievementBar[]>(
    () =>
      this.rows()
        .filter((r) => r.achievement !== null)
        .map((r) => ({ name: this.name(r), value: r.achievement as number, status: r.status })),
    { equal: sameBars },
  );
  protected readonly loading = computed(
    () => this.store.kpiComparison.isLoading() || this.store.goalComparison.isLoading(),
  );
  protected readonly failed = computed(() => !!(this.store.kpiComparison.error() || this.store.goalComparison.error()));

  protected readonly num = formatNumber;
  protected readonly pct = formatPercent;

  constructor() {
    effect(() => {
      const kpi = this.kpi();
      const goal = this.goal();
      const base = { fiscalYear: this.fiscalYear(), asOf: parseDay(this.asOf()) };
      this.store.query.set(
        kpi ? { kind: 'kpi', code: kpi, ...base } : goal ? { kind: 'goal', code: goal, ...base } : undefined,
      );
    });
  }

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return localName(unit, this.lang());
  }

  protected pick(queryParams: { kpi?: string | null; goal?: string | null; fy?: number }): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
