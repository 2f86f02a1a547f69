import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import { WorkspaceStore } from '@provdash/dashboard/workspace/data-access';
import type { EntryStatusName, WorkspaceKpiDto, WorkspaceProjectDto } from '@provdash/shared/contracts';
import { EntryStatus } from './entry-status';
import { formatInstant, formatPercent, formatPeriod, formatValue, injectLang, localName } from './format';

export type HistoryData =
  | { kind: 'kpi'; store: WorkspaceStore; kpi: WorkspaceKpiDto; fiscalYear: number }
  | { kind: 'project'; store: WorkspaceStore; project: WorkspaceProjectDto };

/** One line of the history, whichever kind of entry it is. */
export interface HistoryRow {
  period: string;
  value: string;
  status: EntryStatusName;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnReason: string | null;
}

/**
 * Every value of one KPI (one fiscal year) or one project as the API lists it: status, who
 * submitted and approved it and when, and why it was returned.
 */
@Component({
  selector: 'pd-history-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule, TranslocoDirective, EntryStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'workspace.historyDialog'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <mat-dialog-content>
        <p class="what">
          <strong>{{ code }}</strong> {{ name() }}
        </p>
        @if (error()) {
          <p class="error" role="alert">{{ t('loadError') }}</p>
        } @else if (rows() === null) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('loading')" />
        } @else if (rows()!.length === 0) {
          <p class="muted" data-testid="history-empty">{{ t('empty') }}</p>
        } @else {
          <ol class="history" data-testid="history">
            @for (r of rows(); track r.period) {
              <li class="row" data-testid="history-row" [attr.data-period]="r.period">
                <div class="head">
                  <span class="period">{{ period(r.period) }}</span>
                  <span class="value">{{ r.value }}</span>
                  <pd-entry-status [status]="r.status" />
                </div>
                <dl class="who">
                  @if (r.submittedBy || r.submittedAt) {
                    <div>
                      <dt>{{ t('submitted') }}</dt>
                      <dd>{{ person(r.submittedBy) }} {{ when(r.submittedAt) }}</dd>
                    </div>
                  }
                  @if (r.approvedBy || r.approvedAt) {
                    <div>
                      <dt>{{ t('approved') }}</dt>
                      <dd>{{ person(r.approvedBy) }} {{ when(r.approvedAt) }}</dd>
                    </div>
                  }
                  @if (r.returnReason) {
                    <div>
                      <dt>{{ t('returnReason') }}</dt>
                      <dd>{{ r.returnReason }}</dd>
                    </div>
                  }
                </dl>
              </li>
            }
          </ol>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="history-close">{{ t('close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .history {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .row {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
    }
    .period {
      font-weight: 500;
      min-width: 7em;
    }
    .value {
      font-variant-numeric: tabular-nums;
    }
    .who {
      margin: 4px 0 0;
      font-size: 0.9em;
      color: var(--mat-sys-on-surface-variant);
      div {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      dt::after {
        content: ':';
      }
      dd {
        margin: 0;
      }
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class HistoryDialog {
  private readonly data = inject<HistoryData>(MAT_DIALOG_DATA);
  private readonly lang = injectLang();
  protected readonly code = this.data.kind === 'kpi' ? this.data.kpi.code : this.data.project.code;
  protected readonly rows = signal<HistoryRow[] | null>(null);
  protected readonly error = signal(false);

  constructor() {
    void this.load();
  }

  protected name(): string {
    return localName(this.data.kind === 'kpi' ? this.data.kpi : this.data.project, this.lang());
  }

  protected period(key: string): string {
    return formatPeriod(key, this.lang());
  }

  protected when(iso: string | null): string {
    return iso ? formatInstant(iso, this.lang()) : '';
  }

  /** A name from the desk; "–" for someone it does not list (the API gives ids only). */
  protected person(id: string | null): string {
    return id ? (this.data.store.personName(id) ?? '–') : '';
  }

  private async load(): Promise<void> {
    try {
      const d = this.data;
      if (d.kind === 'kpi') {
        const list = await d.store.kpiHistory(d.kpi.kpiId, d.fiscalYear);
        const ratio = d.kpi.rollup === 'ratio';
        this.rows.set(
          list.map((r) => ({
            period: r.period,
            value: ratio ? `${formatValue(r.numerator)} / ${formatValue(r.denominator)}` : formatValue(r.value),
            status: r.status,
            submittedBy: r.submittedBy,
            submittedAt: r.submittedAt,
            approvedBy: r.approvedBy,
            approvedAt: r.approvedAt,
            returnReason: r.returnReason,
          })),
        );
      } else {
        const list = await d.store.progressHistory(d.project.projectId);
        this.rows.set(
          list.map((r) => ({
            period: r.period,
            value: formatPercent(r.percent),
            status: r.status,
            submittedBy: r.submittedBy,
            submittedAt: null,
            approvedBy: r.approvedBy,
            approvedAt: null,
            returnReason: r.returnReason,
          })),
        );
      }
    } catch {
      this.error.set(true);
    }
  }
}
