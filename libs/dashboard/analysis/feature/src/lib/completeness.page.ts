import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatPercent } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { CompletenessDto, ReportingCountsDto } from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  fiscalYearOf,
  formatDateLabel,
  MONTH_KEY_PATTERN,
  periodLabel,
  reportingRates,
} from '@provdash/shared/domain';
import { byCompleteness, completenessBand } from './completeness-view';
import { ReportingFigures } from './reporting-figures';
import { keepInAddress } from './keep-in-address';

/**
 * `/ministry/analysis/completeness` (central staff, admins): have the provinces reported? For a
 * fiscal year to date or one month of it: the country's counts, the tile map of the 77 provinces
 * coloured by completeness (grouped by region and cluster), and the national table worst first;
 * a province opens its KPIs. One request; the year and month are kept in the address.
 */
@Component({
  selector: 'pd-completeness-page',
  imports: [
    ReportingFigures,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggle,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './completeness.page.html',
  styleUrls: ['./desk-page.scss', './completeness.page.scss'],
})
export class CompletenessPage {
  private readonly route = inject(ActivatedRoute);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current, this.current - 1, this.current - 2, this.current - 3];
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fy')) || this.current);
  readonly month = signal(this.monthParam());
  readonly onlyMissing = signal(this.route.snapshot.queryParamMap.get('missing') === '1');

  readonly view = httpResource<CompletenessDto>(() => {
    const m = this.month();
    return `/api/analysis/completeness?fiscalYear=${this.fiscalYear()}${m ? `&month=${m}` : ''}`;
  });

  /** Regions, each with its clusters and their provinces (Bangkok under its region, in no cluster). */
  readonly map = computed(() => {
    const v = this.view.value();
    if (!v) return [];
    return v.regions.map((r) => ({
      region: r,
      groups: [
        ...v.clusters
          .filter((c) => c.regionCode === r.code)
          .map((c) => ({ cluster: c, provinces: v.provinces.filter((p) => p.clusterCode === c.code) })),
        ...(v.provinces.some((p) => p.regionCode === r.code && !p.clusterCode)
          ? [{ cluster: null, provinces: v.provinces.filter((p) => p.regionCode === r.code && !p.clusterCode) }]
          : []),
      ],
    }));
  });
  readonly table = computed(() => {
    const rows = [...(this.view.value()?.provinces ?? [])].sort(byCompleteness);
    return this.onlyMissing() ? rows.filter((p) => p.counts.reported < p.counts.due) : rows;
  });

  readonly name = localName;
  readonly band = completenessBand;
  readonly pct = formatPercent;
  readonly rate = (x: { counts: ReportingCountsDto }) => reportingRates(x.counts);
  readonly periodName = (p: string) => periodLabel(p, this.lang());
  readonly dateName = (d: string) => formatDateLabel(d, this.lang());

  constructor() {
    keepInAddress(() => ({ fy: this.fiscalYear(), month: this.month(), missing: this.onlyMissing() ? 1 : null }));
  }

  setYear(fy: number): void {
    this.fiscalYear.set(fy);
    this.month.set(null);
  }

  private monthParam(): string | null {
    const m = this.route.snapshot.queryParamMap.get('month');
    return m && MONTH_KEY_PATTERN.test(m) ? m : null;
  }
}
