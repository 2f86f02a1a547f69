import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatNumber } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { LikelyToMissDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatDateLabel } from '@provdash/shared/domain';
import { keepInAddress } from './keep-in-address';

type Row = LikelyToMissDto['kpis'][number];

/**
 * `/ministry/analysis/likely-to-miss` (central staff, admins): every province's KPIs whose
 * year-end forecast misses the year's target (forecast.ts, `forecastOutlook`), provinces with the
 * most first; each opens the KPI's page with its dashed forecast. One request; the year is kept in
 * the address.
 */
@Component({
  selector: 'pd-likely-to-miss-page',
  imports: [MatFormFieldModule, MatProgressBarModule, MatSelectModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './likely-to-miss.page.html',
  styleUrls: ['./desk-page.scss', './completeness.page.scss'],
})
export class LikelyToMissPage {
  private readonly route = inject(ActivatedRoute);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current, this.current - 1];
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fy')) || this.current);
  readonly view = httpResource<LikelyToMissDto>(() => `/api/analysis/likely-to-miss?fiscalYear=${this.fiscalYear()}`);

  /** Provinces with most KPIs likely to miss first, each with its KPIs by code. */
  readonly provinces = computed(() => {
    const byCode = new Map<string, { code: string; nameTh: string; nameEn: string; kpis: Row[] }>();
    for (const k of this.view.value()?.kpis ?? []) {
      const p = byCode.get(k.provinceCode) ?? {
        code: k.provinceCode,
        nameTh: k.provinceNameTh,
        nameEn: k.provinceNameEn,
        kpis: [],
      };
      p.kpis.push(k);
      byCode.set(k.provinceCode, p);
    }
    return [...byCode.values()]
      .map((p) => ({ ...p, kpis: p.kpis.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })) }))
      .sort((a, b) => b.kpis.length - a.kpis.length || a.code.localeCompare(b.code));
  });

  constructor() {
    keepInAddress(() => ({ fy: this.fiscalYear() }));
  }

  readonly name = localName;
  readonly num = formatNumber;
  readonly dateName = (d: string) => formatDateLabel(d, this.lang());
  readonly kpiName = (k: Row) => localName({ nameTh: k.nameTh, nameEn: k.nameEn }, this.lang());
}
