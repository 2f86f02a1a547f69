import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { publicProvinceResource, recentFiscalYears } from '@provdash/dashboard/public/data-access';
import {
  formatInstant,
  formatNumber,
  formatPercent,
  KpiSparkline,
  PeriodFilters,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import type { KpiStatusName, ScorecardKpiDto } from '@provdash/shared/contracts';
import { injectLang, parseFy } from './helpers';
import { PublicFollowUp } from './public-follow-up';

/** A province for everyone: approved KPI results by issue, evaluated agreement rounds, disbursement. */
@Component({
  selector: 'pd-public-province-page',
  imports: [
    RouterLink,
    MatCardModule,
    MatProgressBarModule,
    TranslocoDirective,
    StatusChip,
    KpiSparkline,
    PeriodFilters,
    PublicFollowUp,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-province.page.html',
  styleUrl: './public-pages.scss',
})
export class PublicProvincePage {
  readonly code = input.required<string>();
  readonly fy = input<string>();
  private readonly router = inject(Router);
  protected readonly lang = injectLang();
  protected readonly years = recentFiscalYears();
  protected readonly fiscalYear = computed(() => parseFy(this.fy()));
  protected readonly province = publicProvinceResource(() => ({ code: this.code(), fy: this.fiscalYear() }));
  protected readonly statuses: KpiStatusName[] = ['green', 'amber', 'red', 'grey'];
  protected readonly formatNumber = formatNumber;
  protected readonly formatPercent = formatPercent;
  protected readonly formatInstant = (iso: string) => formatInstant(iso, this.lang());

  /** KPIs grouped by strategic issue, in the plan's order. */
  protected readonly issues = computed(() => {
    const kpis = this.province.hasValue() ? this.province.value().scorecard.kpis : [];
    const groups = new Map<string, ScorecardKpiDto[]>();
    for (const k of kpis) groups.set(k.issueCode, [...(groups.get(k.issueCode) ?? []), k]);
    return [...groups.entries()].map(([code, list]) => ({ code, kpis: list }));
  });

  protected setFy(fy: number): void {
    void this.router.navigate([], { queryParams: { fy }, queryParamsHandling: 'merge' });
  }
}
