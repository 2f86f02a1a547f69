import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
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
import {
  directivesResource,
  issueDirectiveLink,
  mayIssueDirectives,
  mayReadDirectives,
} from '@provdash/dashboard/follow-up/data-access';
import { projectPageUrl } from '@provdash/dashboard/projects/data-access';
import { formatPeriod, StatusChip } from '@provdash/dashboard/scorecards/ui';
import type { ProjectPageDto, RiskDto, RoomName } from '@provdash/shared/contracts';
import { canSeeUnapproved, formatDateLabel, isAllowed } from '@provdash/shared/domain';
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
export class ProjectPage implements OnInit {
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly projectId = input.required<string>();
  readonly page = httpResource<ProjectPageDto>(() => projectPageUrl(this.projectId()));
  readonly data = computed(() => (this.page.hasValue() ? this.page.value() : undefined));
  readonly width = signal(viewWidth());
  readonly chartWidth = computed(() => Math.max(260, Math.min(this.width() - 64, 720)));

  private readonly realtime = inject(RealtimeService);
  private readonly injector = inject(Injector);

  /**
   * The page follows the project's unit: its progress moving through review, the project (or a KPI)
   * changed by someone else, a GFMIS batch; each reloads the one request. Heard on the unit's scope
   * room, which carries only what the page's readers may see (approved progress). Started once the
   * route's input is set: the room comes from the page's answer, which needs the project id.
   */
  ngOnInit(): void {
    this.realtime.watch(
      (): RoomName | null => {
        const unit = this.data()?.unit;
        if (!unit) return null;
        return unit.type === 'cluster' ? `cluster:${unit.code}` : `province:${unit.code}`;
      },
      {
        'target.changed': (e) => {
          if (e.data.kind === 'definition' && (e.data.entity === 'project' || e.data.entity === 'kpi'))
            this.page.reload();
        },
        'project-progress.changed': (e) => {
          if (e.data.projectId === this.projectId()) this.page.reload();
        },
        'disbursement-batch.imported': () => this.page.reload(),
        refetch: () => this.page.reload(),
      },
      { injector: this.injector },
    );
  }

  /** Whoever may write on the project's unit sees the edit button and the risk form (the API checks again). */
  readonly mayWrite = computed(() => {
    const user = this.auth.user();
    const unit = this.data()?.unit;
    return !!user && !!unit && isAllowed({ role: user.role, scopePath: user.scope.path }, 'write', unit);
  });
  /** The province's own people follow the project's directives here; the governor issues them. */
  readonly followsUp = computed(() => {
    const user = this.auth.user();
    const unit = this.data()?.unit;
    return (
      !!user &&
      !!unit &&
      unit.type === 'province' &&
      mayReadDirectives(user.role) &&
      canSeeUnapproved({ role: user.role, scopePath: user.scope.path }, unit)
    );
  });
  readonly mayIssue = computed(() => this.followsUp() && mayIssueDirectives(this.auth.user()?.role));
  readonly directives = directivesResource(() => {
    const d = this.data();
    return d && this.followsUp() ? { unit: d.unit.code, projectId: this.projectId() } : undefined;
  });
  readonly issueFromProject = computed(() => {
    const d = this.data();
    return issueDirectiveLink(d?.unit.code ?? '', {
      projectId: this.projectId(),
      about: d ? `${d.project.code} ${this.name(d.project)}` : undefined,
    });
  });
  issueFromRisk(r: RiskDto) {
    return issueDirectiveLink(this.data()?.unit.code ?? '', { riskId: r.id, about: r.description });
  }
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
