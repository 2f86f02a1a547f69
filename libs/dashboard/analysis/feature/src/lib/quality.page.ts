import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { downloadBlob, xlsxBlob } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { DataQualityDto, DataQualityKind } from '@provdash/shared/contracts';
import { bangkokDateOf, DATA_QUALITY_KINDS, fiscalYearOf, formatDateLabel } from '@provdash/shared/domain';
import { parseKind, provincesTable, provinceRows } from './quality-view';
import { keepInAddress } from './keep-in-address';

/**
 * `/ministry/analysis/quality` (central staff, admins): which provinces' results deserve a question,
 * and why: confirmed outliers, values near a hard limit, results changed after approval, late first
 * submissions (libs/shared/domain data-quality.ts). The country's counts, a kind filter, and every
 * province worst first; a province opens its findings. One request; year and kind kept in the address.
 */
@Component({
  selector: 'pd-quality-page',
  imports: [MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quality.page.html',
  styleUrls: ['./desk-page.scss', './quality.page.scss'],
})
export class QualityPage {
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current, this.current - 1, this.current - 2, this.current - 3];
  readonly kinds = DATA_QUALITY_KINDS;
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fy')) || this.current);
  readonly kind = signal<DataQualityKind | null>(parseKind(this.route.snapshot.queryParamMap.get('kind')));
  readonly exporting = signal(false);

  readonly view = httpResource<DataQualityDto>(() => `/api/analysis/quality?fiscalYear=${this.fiscalYear()}`);
  readonly rows = computed(() => provinceRows(this.view.value()?.provinces ?? [], this.kind()));
  /** Every finding in the country, all kinds. */
  readonly total = computed(() => (this.view.value()?.provinces ?? []).reduce((n, p) => n + p.total, 0));

  readonly name = localName;
  readonly dateName = (d: string) => formatDateLabel(d, this.lang());
  readonly sharePct = (share: string) => `${Number(share) * 100} %`;

  constructor() {
    keepInAddress(() => ({ fy: this.fiscalYear(), kind: this.kind() }));
  }

  /** The chips: choosing the chosen kind again shows all kinds. */
  pick(kind: DataQualityKind | null): void {
    this.kind.set(kind);
  }

  async exportXlsx(): Promise<void> {
    const v = this.view.value();
    if (!v) return;
    this.exporting.set(true);
    try {
      const t = (key: string, params?: Record<string, unknown>) =>
        this.transloco.translate(`analysis.quality.${key}`, params);
      const table = provincesTable(this.rows(), t, (p) => localName(p, this.lang()), v.fiscalYear);
      const kind = this.kind() ? `-${this.kind()}` : '';
      downloadBlob(await xlsxBlob(table), `${t('exportFile')}-${v.fiscalYear}${kind}.xlsx`);
    } finally {
      this.exporting.set(false);
    }
  }
}
