import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { DisbursementPanel } from '@provdash/dashboard/overview/ui';
import {
  formatNumber,
  formatPercent,
  STATUS_SYMBOL,
  STATUS_TONES,
  StatusChip,
} from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { ClusterScreenDto, KpiStatusName } from '@provdash/shared/contracts';
import { formatDateLabel } from '@provdash/shared/domain';

/**
 * `/cluster/:code` (public, approved data like the province view): a province cluster for the
 * ministry and the cluster's office. Its member provinces side by side on each KPI they share
 * (the cluster figure beside them, summed or pooled as the KPI says), the cluster's own plan, and
 * its disbursement with its provinces'. One request (`/api/screens/cluster/:code`).
 */
@Component({
  selector: 'pd-cluster-page',
  imports: [MatProgressBarModule, RouterLink, TranslocoDirective, StatusChip, DisbursementPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cluster.page.html',
  styleUrl: './cluster.page.scss',
  styles: [STATUS_TONES],
})
export class ClusterPage {
  private readonly route = inject(ActivatedRoute);
  protected readonly lang = injectLang();
  private readonly params = toSignal(this.route.paramMap, { initialValue: this.route.snapshot.paramMap });
  private readonly query = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });

  readonly screen = httpResource<ClusterScreenDto>(() => {
    const fy = Number(this.query().get('fy'));
    return `/api/screens/cluster/${encodeURIComponent(this.params().get('code') ?? '')}${fy ? `?fiscalYear=${fy}` : ''}`;
  });
  /** Each shared KPI's cells in the order of the provinces' columns. */
  readonly rows = computed(() => {
    const s = this.screen.value();
    if (!s) return [];
    return s.view.kpis.map((k) => ({
      kpi: k,
      cells: s.view.provinces.map((p) => k.cells.find((c) => c.orgUnitCode === p.code) ?? null),
    }));
  });
  protected readonly chartWidth = computed(() => Math.max(260, Math.min((globalThis.innerWidth ?? 1280) - 64, 720)));

  protected readonly name = localName;
  protected readonly num = formatNumber;
  protected readonly pct = formatPercent;
  protected readonly symbol = (s: KpiStatusName) => STATUS_SYMBOL[s];
  protected readonly dateName = (d: string) => formatDateLabel(d, this.lang());
  protected readonly provinceName = (s: ClusterScreenDto, code: string) =>
    localName(s.view.provinces.find((p) => p.code === code) ?? { nameTh: code, nameEn: code }, this.lang());
  protected readonly unitOf = (k: { unitTh: string; unitEn: string }) =>
    this.lang() === 'en' ? k.unitEn || k.unitTh : k.unitTh;
}
