import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { downloadBlob, formatNumber, xlsxBlob } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { DataQualityFindingDto, DataQualityKind, ProvinceDataQualityDto } from '@provdash/shared/contracts';
import { DATA_QUALITY_KINDS, formatDateLabel, periodLabel } from '@provdash/shared/domain';
import { findingsTable, parseKind, referenceKey } from './quality-view';
import { keepInAddress } from './keep-in-address';

/**
 * `/ministry/analysis/quality/:code`: one province's findings, kind by kind: the KPI, the period,
 * the figure and what it is judged against, who sent or reopened it and when, and the province's
 * own narrative or the reopen's reason, so the ministry knows what to ask and whom.
 */
@Component({
  selector: 'pd-province-quality-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './province-quality.page.html',
  styleUrls: ['./desk-page.scss', './quality.page.scss'],
})
export class ProvinceQualityPage {
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  readonly lang = injectLang();
  readonly kinds = DATA_QUALITY_KINDS;
  private readonly params = toSignal(this.route.paramMap, { initialValue: this.route.snapshot.paramMap });
  private readonly fy = Number(this.route.snapshot.queryParamMap.get('fy')) || null;
  readonly kind = signal<DataQualityKind | null>(parseKind(this.route.snapshot.queryParamMap.get('kind')));
  readonly exporting = signal(false);

  readonly view = httpResource<ProvinceDataQualityDto>(() => {
    const code = encodeURIComponent(this.params().get('code') ?? '');
    return `/api/analysis/quality/${code}${this.fy ? `?fiscalYear=${this.fy}` : ''}`;
  });
  readonly findings = computed(() => {
    const k = this.kind();
    return (this.view.value()?.findings ?? []).filter((f) => !k || f.kind === k);
  });
  readonly back = computed(() => ({ fy: this.fy, kind: this.kind() }));

  readonly name = localName;
  readonly kpiName = (f: DataQualityFindingDto) => localName({ nameTh: f.kpiTh, nameEn: f.kpiEn }, this.lang());
  readonly unit = (f: DataQualityFindingDto) => (this.lang() === 'en' ? f.unitEn : f.unitTh);
  readonly num = (s: string | null) => (s === null ? '–' : formatNumber(Number(s)));
  readonly periodName = (p: string) => periodLabel(p, this.lang());
  readonly dateName = (d: string | null) => (d ? formatDateLabel(d, this.lang()) : '–');
  readonly referenceKey = referenceKey;

  constructor() {
    keepInAddress(() => ({ kind: this.kind() }));
  }

  async exportXlsx(): Promise<void> {
    const v = this.view.value();
    if (!v) return;
    this.exporting.set(true);
    try {
      const t = (key: string, params?: Record<string, unknown>) =>
        this.transloco.translate(`analysis.quality.${key}`, params);
      const table = findingsTable(this.findings(), t, this.lang(), `${v.province.code} ${v.fiscalYear}`);
      const kind = this.kind() ? `-${this.kind()}` : '';
      downloadBlob(await xlsxBlob(table), `${t('exportFile')}-${v.province.code}-${v.fiscalYear}${kind}.xlsx`);
    } finally {
      this.exporting.set(false);
    }
  }
}
