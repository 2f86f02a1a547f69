import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatInputModule } from '@angular/material/input';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { SpreadsheetFilePicker } from '@provdash/dashboard/shared/spreadsheet-import';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { PlanImportStore } from './plan-import.store';

/**
 * `/workspace/plan-import`: a plan's issues, goals, strategies, arrows, KPIs and a year's targets
 * from the office's sheet, as a file or as rows pasted from it (docs/plan-import.md). Check first (dry run: what would be created or updated, or every
 * row/column error), then import; the same file again changes nothing.
 */
@Component({
  selector: 'pd-plan-import-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatInputModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, SpreadsheetFilePicker, TranslocoDirective],
  providers: [PlanImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'kpiSetup.import'">
      <section class="page">
        <h1>{{ t('title') }}</h1>
        <p class="sub">{{ t('intro') }}</p>
        <p>
          <a href="/api/plan-import/template" download data-testid="plan-template-link">{{ t('template') }}</a>
        </p>
        <div class="controls">
          <mat-form-field>
            <mat-label>{{ t('year') }}</mat-label>
            <mat-select [value]="year()" (valueChange)="year.set($event); store.reset()" data-testid="plan-import-year">
              @for (y of years; track y) {
                <mat-option [value]="y">{{ t('fy', { year: y }) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-button-toggle-group
            [value]="source()"
            (change)="source.set($event.value); store.reset()"
            [attr.aria-label]="t('source')"
            data-testid="plan-source"
          >
            <mat-button-toggle value="file" data-testid="plan-source-file">{{ t('fromFile') }}</mat-button-toggle>
            <mat-button-toggle value="paste" data-testid="plan-source-paste">{{ t('fromPaste') }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (source() === 'file') {
            <pd-spreadsheet-file-picker
              inputId="plan-file"
              testId="plan-file-input"
              nameTestId="plan-file-name"
              [chooseLabel]="t('choose')"
              [noFileLabel]="t('noFile')"
              [file]="file()"
              (fileChange)="file.set($event); store.reset()"
            />
          }
        </div>
        @if (source() === 'paste') {
          <mat-form-field class="paste">
            <mat-label>{{ t('pasteLabel') }}</mat-label>
            <textarea
              matInput
              rows="8"
              spellcheck="false"
              [value]="pasted()"
              (input)="pasted.set($any($event.target).value); store.reset()"
              data-testid="plan-paste"
            ></textarea>
            <mat-hint>{{ pastedRows() ? t('pasteRows', { rows: pastedRows() }) : t('pasteEmpty') }}</mat-hint>
          </mat-form-field>
          <p class="hint">{{ t('pasteHint') }}</p>
        }
        <div class="actions">
          <button mat-stroked-button type="button" [disabled]="!ready() || store.busy()" (click)="send(true)" data-testid="plan-dry-run">
            {{ t('check') }}
          </button>
          <button mat-flat-button color="primary" type="button" [disabled]="!ready() || store.busy()" (click)="send(false)" data-testid="plan-import">
            {{ t('import') }}
          </button>
        </div>
        @if (store.busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (store.outcome(); as o) {
          @switch (o.kind) {
            @case ('report') {
              <div class="report" role="status" data-testid="plan-report" [attr.data-dry-run]="o.report.dryRun">
                <p class="headline">
                  @if (o.report.accepted === 0) {
                    <span data-testid="plan-unchanged">{{ t('unchanged', { rows: o.report.rows }) }}</span>
                  } @else if (o.report.dryRun) {
                    {{ t('wouldWrite', { accepted: o.report.accepted, rows: o.report.rows }) }}
                  } @else {
                    {{ t('written', { accepted: o.report.accepted, rows: o.report.rows }) }}
                  }
                </p>
                <table>
                  <thead>
                    <tr><th></th><th>{{ t('created') }}</th><th>{{ t('updated') }}</th></tr>
                  </thead>
                  <tbody>
                    @for (k of kinds; track k) {
                      <tr [attr.data-kind]="k">
                        <th scope="row">{{ t('kind.' + k) }}</th>
                        <td data-testid="plan-created">{{ o.report.created[k] }}</td>
                        <td data-testid="plan-updated">{{ o.report.updated[k] }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
            @case ('rejected') {
              <div class="rejected" role="alert" data-testid="plan-errors">
                <p>{{ t('rejected', { count: o.errors.length }) }}</p>
                <table>
                  <thead>
                    <tr><th>{{ t('row') }}</th><th>{{ t('column') }}</th><th>{{ t('problem') }}</th></tr>
                  </thead>
                  <tbody>
                    @for (e of o.errors; track $index) {
                      <tr data-testid="plan-error">
                        <td>{{ e.row }}</td>
                        <td>{{ e.column ?? '–' }}</td>
                        <td>{{ e.message }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
            @case ('failed') {
              <p class="rejected" role="alert" data-testid="plan-failed">{{ o.message ?? t('failed') }}</p>
            }
          }
        }
      </section>
    </ng-container>
  `,
  styleUrl: './kpi-setup.pages.scss',
  styles: `
    .controls,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: center;
      margin-bottom: 12px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      max-width: 720px;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #e0e0e0;
      vertical-align: top;
    }
    .report {
      background: #e8f5e9;
      padding: 12px 16px;
      border-radius: 8px;
    }
    .rejected {
      background: #fdecea;
      color: #611a15;
      padding: 12px 16px;
      border-radius: 8px;
      overflow-x: auto;
    }
    .headline {
      font-weight: 600;
    }
    .paste {
      width: 100%;
    }
    .paste textarea {
      font-family: monospace;
      white-space: pre;
      overflow-x: auto;
    }
    .hint {
      color: #555;
      font-size: 0.875rem;
      margin-top: 0;
    }
  `,
})
export class PlanImportPage {
  protected readonly store = inject(PlanImportStore);
  private readonly auth = inject(AuthStore);
  private readonly currentFy = fiscalYearOf(bangkokDateOf(new Date()));
  protected readonly years = [this.currentFy - 1, this.currentFy, this.currentFy + 1];
  protected readonly year = signal(this.currentFy);
  protected readonly file = signal<File | null>(null);
  protected readonly kinds = ['issues', 'goals', 'strategies', 'links', 'kpis', 'targets'] as const;
  /** A file, or rows pasted from the template's sheet: one pipeline either way. */
  protected readonly source = signal<'file' | 'paste'>('file');
  protected readonly pasted = signal('');
  protected readonly pastedRows = computed(() => this.pasted().split(/\r?\n/).filter((l) => l.trim() !== '').length);
  protected readonly ready = computed(() => (this.source() === 'file' ? this.file() !== null : this.pastedRows() > 0));
  /** The office's own unit: the import fills its plan. */
  private readonly unitCode = computed(() => this.auth.user()?.scope.code ?? '');

  protected send(dryRun: boolean): void {
    if (this.source() === 'paste') {
      if (this.pastedRows()) void this.store.uploadPasted(this.unitCode(), this.year(), this.pasted(), dryRun);
      return;
    }
    const file = this.file();
    if (file) void this.store.upload(this.unitCode(), this.year(), file, dryRun);
  }
}
