import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  DisbursementChart,
  type DisbursementCurve,
  type DisbursementSeriesNames,
  formatBaht,
  formatMonth,
  formatPoints,
  injectLang,
  localName,
} from '@provdash/dashboard/overview/ui';
import { projectPageUrl } from '@provdash/dashboard/projects/data-access';
import { formatPeriod, StatusChip } from '@provdash/dashboard/scorecards/ui';
import type { ProjectPageDto, RiskDto } from '@provdash/shared/contracts';
import { formatDateLabel, isAllowed } from '@provdash/shared/domain';
import { RiskForm } from './risk-form';

const pctFormat = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * `/projects/:projectId`: one project for the governor and everyone who may read it — progress
 * history, monthly disbursement against the target curve of its budget type, its KPIs with their
 * lights, and its risks (with a small form for those who may write). One request
 * (`GET /api/projects/:id/page`).
 */
@Component({
  selector: 'pd-project-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    TranslocoDirective,
    DisbursementChart,
    StatusChip,
    RiskForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project.page.html',
  styleUrl: './project.page.scss',
  host: { '(window:resize)': 'resized()' },
})
export class ProjectPage {
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly projectId = input.required<string>();
  readonly page = httpResource<ProjectPageDto>(() => projectPageUrl(this.projectId()));
  readonly data = computed(() => (this.page.hasValue() ? this.page.value() : undefined));
  readonly width = signal(viewWidth());
  readonly chartWidth = computed(() => Math.max(260, Math.min(this.width() - 64, 720)));

  /** Whoever may write on the project's unit sees the edit button and the risk form (the API checks again). */
  readonly mayWrite = computed(() => {
    const user = this.auth.user();
    const unit = this.data()?.unit;
    return !!user && !!unit && isAllowed({ role: user.role, scopePath: user.scope.path }, 'write', unit);
  });
  /** The risk being edited: a risk's id, 'new', or null. */
  readonly editingRisk = signal<string | null>(null);

  readonly curve = computed<DisbursementCurve>(() => (this.data()?.curve ?? []).map((p) => ({ ...p, byType: [] })));
  readonly names = computed<DisbursementSeriesNames>(() => {
    const en = this.lang() === 'en';
    return {
      overall: en ? 'Disbursed' : 'เบิกจ่ายสะสม',
      overallTarget: en ? 'Target' : 'เป้าหมาย',
      capital: '',
      capitalTarget: '',
    };
  });

  name(x: { nameTh: string; nameEn: string } | undefined): string {
    return localName(x, this.lang());
  }
  baht(v: string | null | undefined): string {
    return formatBaht(v);
  }
  pct(v: number | null | undefined): string {
    return v === null || v === undefined ? '–' : `${pctFormat.format(v)} %`;
  }
  points(v: number | null | undefined): string {
    return formatPoints(v);
  }
  day(iso: string | null | undefined): string {
    return iso ? formatDateLabel(iso, this.lang()) : '–';
  }
  month(m: string): string {
    return formatMonth(m, this.lang());
  }
  period(key: string): string {
    return formatPeriod(key, this.lang());
  }
  resized(): void {
    this.width.set(viewWidth());
  }
  riskDone(saved: boolean): void {
    this.editingRisk.set(null);
    if (saved) this.page.reload();
  }
  trackRisk(r: RiskDto): string {
    return `${r.id}:${r.version}`;
  }
}

function viewWidth(): number {
  return typeof window === 'undefined' ? 1024 : window.innerWidth;
}
