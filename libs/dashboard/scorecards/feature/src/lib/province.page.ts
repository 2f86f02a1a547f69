import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { HEADLINE_KEY, KPI_STATUSES, ProvinceViewStore, valueOf } from '@provdash/dashboard/scorecards/data-access';
import {
  formatInstant,
  formatNumber,
  formatPercent,
  KpiSparkline,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import { formatDateLabel } from '@provdash/shared/domain';
import { currentFiscalYear, FISCAL_YEARS, injectLang, localName, parseDay, parseFiscalYear } from './page-helpers';

/** The governor's screen: one province's KPIs by issue and goal, for a fiscal year, as of a day. */
@Component({
  selector: 'pd-province-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    StatusChip,
    KpiSparkline,
  ],
  providers: [ProvinceViewStore],
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
  private readonly orgUnits = inject(OrgUnitsStore);
  private readonly router = inject(Router);
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

  protected readonly num = formatNumber;
  protected readonly pct = formatPercent;

  constructor() {
    effect(() => this.store.query.set({ code: this.code(), fiscalYear: this.fiscalYear(), asOf: this.asOfDay() }));
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

  protected setFilter(queryParams: { fy?: number | null; asOf?: string | null }): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
