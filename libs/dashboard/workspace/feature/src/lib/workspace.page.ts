import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import {
  isEditable,
  isSubmittable,
  KpiWorkItem,
  Outcome,
  pendingKey,
  ProjectWorkItem,
  WorkFilter,
  WorkspaceStore,
} from '@provdash/dashboard/workspace/data-access';
import type { OrgUnitDto, WorkspaceQueueItemDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatDateLabel } from '@provdash/shared/domain';
import { firstValueFrom } from 'rxjs';
import { EntryStatus } from './entry-status';
import { formatInstant, formatPercent, formatPeriod, formatValue, injectLang, localName, localUnit } from './format';
import { HistoryData, HistoryDialog } from './history.dialog';
import type { EntryDialogResult } from './entry-save';
import { KpiEntryData, KpiEntryDialog } from './kpi-entry.dialog';
import { ProgressEntryData, ProgressEntryDialog } from './progress-entry.dialog';
import { ResultsSpreadsheetPanel } from './results-spreadsheet.panel';
import { ReturnReasonData, ReturnReasonDialog } from './return-reason.dialog';
import { MonthlyReportsPanel } from './monthly-reports.panel';
import { CommentModerationPanel } from './comment-moderation.panel';

export const WORKSPACE_TABS = ['kpis', 'projects', 'queue', 'sheet'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

function thisFiscalYear(): number {
  return fiscalYearOf(bangkokDateOf(new Date()));
}

const DIALOG = { width: '640px', maxWidth: '96vw', autoFocus: 'first-tabbable' as const };

/**
 * The strategy office's desk (`/workspace?code=50&fy=2570&tab=queue`): what is due and late for the
 * province, KPI by KPI and project by project, entry and submission, the approver's queue, the
 * results spreadsheet, and each value's history. Governors see it too, without the buttons.
 */
@Component({
  selector: 'pd-workspace-page',
  imports: [
    MonthlyReportsPanel,
    CommentModerationPanel,
    NgTemplateOutlet,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    RouterLink,
    TranslocoDirective,
    TranslocoPipe,
    EntryStatus,
    ResultsSpreadsheetPanel,
  ],
  providers: [WorkspaceStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workspace.page.html',
  styleUrl: './workspace.page.scss',
})
export class WorkspacePage {
  /** Query parameters (component input binding). */
  readonly code = input<string>();
  readonly fy = input<string>();
  readonly tab = input<string>();

  protected readonly store = inject(WorkspaceStore);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  // Only a country-wide user picks a province: nobody else needs the directory.
  private readonly orgUnits = this.auth.user()?.scope.type === 'province' ? null : inject(OrgUnitsStore);
  protected readonly lang = injectLang();
  /** The governor reads the desk; the others also build the plan (the plan builder's roleGuard). */
  protected readonly mayPlan = computed(() => this.auth.user()?.role !== 'governor');

  protected readonly years = (() => {
    const fy = thisFiscalYear();
    return [fy - 2, fy - 1, fy];
  })();
  protected readonly province = signal<string | null>(null);
  protected readonly fiscalYear = signal<number>(thisFiscalYear());
  protected readonly selectedTab = signal(0);
  /** What the last action came to, read out by screen readers ("saved as draft"). */
  protected readonly notice = signal<string | null>(null);
  /** The API's refusal of an action on one line (self-approval, a stale version), by the line's key. */
  protected readonly lineErrors = signal<Record<string, string>>({});

  protected readonly provinces = computed<OrgUnitDto[]>(() => {
    const d = this.orgUnits?.directory.hasValue() ? this.orgUnits.directory.value() : undefined;
    const all = d ? [...d.clusters.flatMap((c) => c.provinces), ...d.unclustered] : [];
    return [...all].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));
  });

  protected readonly isEditable = isEditable;
  protected readonly isSubmittable = isSubmittable;
  protected readonly formatValue = formatValue;
  protected readonly formatPercent = formatPercent;

  constructor() {
    effect(() => {
      const scope = this.auth.user()?.scope;
      this.province.set(this.code() ?? (scope?.type === 'province' ? scope.code : null));
    });
    effect(() => {
      const fy = Number(this.fy());
      if (Number.isInteger(fy) && fy > 2400) this.fiscalYear.set(fy);
    });
    effect(() => {
      const i = WORKSPACE_TABS.indexOf(this.tab() as WorkspaceTab);
      if (i >= 0) this.selectedTab.set(i);
    });
    effect(() => {
      const code = this.province();
      this.store.target.set(code ? { code, fiscalYear: this.fiscalYear() } : undefined);
    });
  }

  protected name(x: { nameTh: string; nameEn: string }): string {
    return localName(x, this.lang());
  }

  protected unit(x: { unitTh: string | null; unitEn: string | null }): string {
    return localUnit(x, this.lang());
  }

  protected period(key: string): string {
    return formatPeriod(key, this.lang());
  }

  protected when(iso: string | null): string {
    return formatInstant(iso, this.lang());
  }

  protected day(isoDate: string): string {
    return formatDateLabel(isoDate, this.lang());
  }

  protected kpiValue(i: KpiWorkItem): string {
    const e = i.entry;
    if (i.kpi.rollup === 'ratio') return `${formatValue(e.numerator)} / ${formatValue(e.denominator)}`;
    return formatValue(e.value);
  }

  protected queueValue(q: WorkspaceQueueItemDto): string {
    if (q.kind === 'project-progress') return formatPercent(q.percent);
    const v =
      q.numerator !== null ? `${formatValue(q.numerator)} / ${formatValue(q.denominator)}` : formatValue(q.value);
    return `${v} ${this.unit(q)}`.trim();
  }

  protected pickProvince(code: string): void {
    this.province.set(code);
    this.clearMessages();
  }

  protected pickYear(fy: number): void {
    this.fiscalYear.set(fy);
    this.clearMessages();
  }

  protected pickFilter(filter: WorkFilter): void {
    this.store.filter.set(filter);
  }

  /** The count cards lead to the list they count. */
  protected show(tab: WorkspaceTab, filter: WorkFilter = 'todo'): void {
    this.store.filter.set(filter);
    this.selectedTab.set(WORKSPACE_TABS.indexOf(tab));
  }

  protected itemCode(i: KpiWorkItem | ProjectWorkItem): string {
    return i.kind === 'kpi' ? i.kpi.code : i.project.code;
  }

  protected itemName(i: KpiWorkItem | ProjectWorkItem): string {
    return this.name(i.kind === 'kpi' ? i.kpi : i.project);
  }

  /** What the entry holds so far, or null when nothing is entered. */
  protected itemValue(i: KpiWorkItem | ProjectWorkItem): string | null {
    if (i.kind === 'project') return i.entry.percent === null ? null : formatPercent(i.entry.percent);
    return i.entry.status === 'missing' ? null : `${this.kpiValue(i)} ${this.unit(i.kpi)}`.trim();
  }

  protected submitKey(i: KpiWorkItem | ProjectWorkItem): string {
    return pendingKey('submit', i.kind === 'kpi' ? i.kpi.kpiId : i.project.projectId, i.entry.period);
  }

  protected open(i: KpiWorkItem | ProjectWorkItem): Promise<void> {
    return i.kind === 'kpi' ? this.openKpi(i) : this.openProject(i);
  }

  private async openKpi(item: KpiWorkItem): Promise<void> {
    const data: KpiEntryData = { store: this.store, kpi: item.kpi, entry: item.entry };
    const ref = this.dialog.open<KpiEntryDialog, KpiEntryData, EntryDialogResult>(KpiEntryDialog, { ...DIALOG, data });
    this.announce(await firstValueFrom(ref.afterClosed()));
  }

  private async openProject(item: ProjectWorkItem): Promise<void> {
    const data: ProgressEntryData = { store: this.store, project: item.project, entry: item.entry };
    const ref = this.dialog.open<ProgressEntryDialog, ProgressEntryData, EntryDialogResult>(ProgressEntryDialog, {
      ...DIALOG,
      data,
    });
    this.announce(await firstValueFrom(ref.afterClosed()));
  }

  /** Sends an entry as it stands (a draft, or a returned one) for approval. */
  protected async submit(item: KpiWorkItem | ProjectWorkItem): Promise<void> {
    const version = item.entry.version;
    if (version === null) return;
    const outcome =
      item.kind === 'kpi'
        ? await this.store.submitKpiResult(item.kpi.kpiId, item.entry.period, version)
        : await this.store.submitProgress(item.project.projectId, item.entry.period, version);
    this.settle(item.key, outcome, 'submitted');
  }

  protected reopenKey(i: KpiWorkItem | ProjectWorkItem): string {
    return pendingKey('reopen', i.kind === 'kpi' ? i.kpi.kpiId : i.project.projectId, i.entry.period);
  }

  /** The approver takes an approved result back: a reason, a confirmation, then it is returned to the office. */
  protected async reopen(item: KpiWorkItem | ProjectWorkItem): Promise<void> {
    const version = item.entry.version;
    if (item.kind !== 'kpi' || version === null) return;
    const ref = this.dialog.open<ReturnReasonDialog, ReturnReasonData, string>(ReturnReasonDialog, {
      ...DIALOG,
      data: { what: `${item.kpi.code} · ${this.period(item.entry.period)}`, mode: 'reopen' },
    });
    const reason = await firstValueFrom(ref.afterClosed());
    if (!reason) return;
    this.settle(item.key, await this.store.reopenKpiResult(item.kpi.kpiId, item.entry.period, version, reason), 'reopened');
  }

  protected history(item: KpiWorkItem | ProjectWorkItem): void {
    const data: HistoryData =
      item.kind === 'kpi'
        ? { kind: 'kpi', store: this.store, kpi: item.kpi, fiscalYear: this.fiscalYear() }
        : { kind: 'project', store: this.store, project: item.project };
    this.dialog.open(HistoryDialog, { ...DIALOG, data, autoFocus: 'dialog' });
  }

  protected async approve(q: WorkspaceQueueItemDto): Promise<void> {
    this.settle(q.id, await this.store.approve(q), 'approved');
  }

  protected async returnItem(q: WorkspaceQueueItemDto): Promise<void> {
    const ref = this.dialog.open<ReturnReasonDialog, ReturnReasonData, string>(ReturnReasonDialog, {
      ...DIALOG,
      data: { what: `${q.code} · ${this.period(q.period)}` },
    });
    const reason = await firstValueFrom(ref.afterClosed());
    if (!reason) return;
    this.settle(q.id, await this.store.returnItem(q, reason), 'returned');
  }

  protected ownSubmission(q: WorkspaceQueueItemDto): boolean {
    return q.submittedBy?.id === this.store.data()?.viewer.id;
  }

  protected busy(key: string): boolean {
    return this.store.pending() === key;
  }

  private settle(key: string, outcome: Outcome<unknown>, done: 'submitted' | 'approved' | 'returned' | 'reopened'): void {
    const errors = { ...this.lineErrors() };
    delete errors[key];
    if (!outcome.ok) errors[key] = outcome.problem.message ?? this.transloco.translate('workspace.errors.failed');
    this.lineErrors.set(errors);
    this.notice.set(outcome.ok ? this.transloco.translate(`workspace.done.${done}`) : null);
  }

  private announce(result: EntryDialogResult | undefined): void {
    if (result) this.notice.set(this.transloco.translate(`workspace.done.${result}`));
  }

  private clearMessages(): void {
    this.notice.set(null);
    this.lineErrors.set({});
  }
}
