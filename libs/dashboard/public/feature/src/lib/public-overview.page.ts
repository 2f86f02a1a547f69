import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { publicOverviewResource, recentFiscalYears } from '@provdash/dashboard/public/data-access';
import {
  AchievementBar,
  AchievementBarChart,
  formatNumber,
  formatPercent,
  PeriodFilters,
  STATUS_TONES,
  StatusChip,
  THAILAND_TILE_GRID,
  TileCartogram,
  type CartogramDatum,
  type FigureFormat,
} from '@provdash/dashboard/scorecards/ui';
import type { KpiStatusName, PublicProvinceSummaryDto } from '@provdash/shared/contracts';
import { injectLang, localName, parseFy } from './helpers';

type SortKey = 'agreement' | 'disbursement' | 'performance' | 'code';
export type MapMetric = 'agreement' | 'disbursement';

/** Against the Cabinet's target in force, as the ministry colours it: 100 % of it met, 80 % near. */
export function disbursementStatus(rate: number | null, target: number | null): KpiStatusName {
  if (rate === null || target === null) return 'none';
  return rate >= target ? 'green' : rate >= target * 0.8 ? 'amber' : 'red';
}

/** An evaluated agreement score against level 3 (the target), as the ministry colours it: 2.4 is near. */
export function agreementScoreStatus(score: number | null): KpiStatusName {
  if (score === null) return 'none';
  return score >= 3 ? 'green' : score >= 2.4 ? 'amber' : 'red';
}

/**
 * The national picture for everyone: every province's approved KPI lights, its last evaluated
 * agreement round (never the live score) and its disbursement rate, ranked as the ministry ranks.
 */
@Component({
  selector: 'pd-public-overview-page',
  imports: [
    RouterLink,
    MatCardModule,
    MatProgressBarModule,
    TranslocoDirective,
    StatusChip,
    AchievementBarChart,
    TileCartogram,
    PeriodFilters,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-overview.page.html',
  styleUrl: './public-pages.scss',
  styles: STATUS_TONES,
})
export class PublicOverviewPage {
  readonly fy = input<string>();
  readonly sort = input<string>();
  private readonly router = inject(Router);
  protected readonly lang = injectLang();
  protected readonly years = recentFiscalYears();
  protected readonly fiscalYear = computed(() => parseFy(this.fy()));
  protected readonly overview = publicOverviewResource(() => this.fiscalYear());
  protected readonly statuses: KpiStatusName[] = ['green', 'amber', 'red', 'grey'];
  protected readonly sortKey = computed<SortKey>(
    () => (['agreement', 'disbursement', 'performance', 'code'] as const).find((k) => k === this.sort()) ?? 'agreement',
  );
  protected readonly formatNumber = formatNumber;
  protected readonly formatPercent = formatPercent;
  protected readonly name = (x: { nameTh: string; nameEn: string }) => localName(x, this.lang());

  protected readonly rows = computed(() => {
    const rows = this.overview.hasValue() ? [...this.overview.value().provinces] : [];
    const key = this.sortKey();
    const byRank = (a: number | null | undefined, b: number | null | undefined) => (a ?? 999) - (b ?? 999);
    const sorters: Record<SortKey, (a: PublicProvinceSummaryDto, b: PublicProvinceSummaryDto) => number> = {
      agreement: (a, b) => byRank(a.lastRound?.rank, b.lastRound?.rank),
      disbursement: (a, b) => byRank(a.disbursementRank, b.disbursementRank),
      performance: (a, b) => (b.performanceIndex ?? -1) - (a.performanceIndex ?? -1),
      code: () => 0,
    };
    return rows.sort((a, b) => sorters[key](a, b) || a.code.localeCompare(b.code));
  });

  /** Disbursement rates as bars, coloured against the Cabinet's target in force. */
  protected readonly bars = computed<AchievementBar[]>(() => {
    if (!this.overview.hasValue()) return [];
    const o = this.overview.value();
    const target = o.disbursementTarget;
    return [...o.provinces]
      .filter((p) => p.disbursementRate !== null)
      .sort((a, b) => (b.disbursementRate ?? 0) - (a.disbursementRate ?? 0))
      .map((p) => ({
        name: this.name(p),
        value: p.disbursementRate ?? 0,
        status: disbursementStatus(p.disbursementRate ?? 0, target),
      }));
  });

  /** The figure the map colours by: picked on the page, else the evaluated agreement round when there is one. */
  private readonly pickedMetric = signal<MapMetric | null>(null);
  protected readonly mapMetrics: readonly MapMetric[] = ['agreement', 'disbursement'];
  protected readonly mapMetric = computed<MapMetric>(() => {
    const picked = this.pickedMetric();
    if (picked) return picked;
    const provinces = this.overview.hasValue() ? this.overview.value().provinces : [];
    return provinces.some((p) => p.lastRound) ? 'agreement' : 'disbursement';
  });
  protected readonly mapFormat = computed<FigureFormat>(() => (this.mapMetric() === 'agreement' ? 'score' : 'percent'));

  /** Every province on the map, from the approved figures the overview already holds. */
  protected readonly cartogram = computed<CartogramDatum[]>(() => {
    if (!this.overview.hasValue()) return [];
    const o = this.overview.value();
    const byCode = new Map(o.provinces.map((p) => [p.code, p]));
    const agreement = this.mapMetric() === 'agreement';
    return THAILAND_TILE_GRID.map(({ code }) => {
      const p = byCode.get(code);
      if (!p) return { code, name: code, value: null, rank: null, status: 'none' };
      const value = agreement ? (p.lastRound?.score ?? null) : p.disbursementRate;
      return {
        code,
        name: this.name(p),
        value,
        rank: agreement ? (p.lastRound?.rank ?? null) : (p.disbursementRank ?? null),
        status: agreement ? agreementScoreStatus(value) : disbursementStatus(value, o.disbursementTarget),
      };
    });
  });

  protected pickMapMetric(metric: MapMetric): void {
    this.pickedMetric.set(metric);
  }

  protected openProvince(code: string): void {
    const fy = this.overview.hasValue() ? this.overview.value().fiscalYear : this.fiscalYear();
    void this.router.navigate(['/public/province', code], { queryParams: fy ? { fy } : {} });
  }

  protected setQuery(params: { fy?: number; sort?: SortKey }): void {
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge' });
  }
}
