import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { SpreadsheetFilePicker } from '@provdash/dashboard/shared/spreadsheet-import';
import { ResultsSpreadsheetStore, TemplateFormat } from '@provdash/dashboard/workspace/data-access';
import { formatValue } from './format';

/**
 * The KPI results spreadsheet (docs/kpi-results-import.md): the template to fill in, and the
 * filled file back, checked first if the office likes. A rejected file lists every row at fault.
 */
@Component({
  selector: 'pd-results-spreadsheet-panel',
  imports: [MatButtonModule, SpreadsheetFilePicker, TranslocoDirective],
  providers: [ResultsSpreadsheetStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'workspace.sheet'">
      <p class="intro">{{ t('intro') }}</p>
      <div class="row">
        <button
          mat-stroked-button
          type="button"
          data-testid="template-xlsx"
          [disabled]="store.downloading() !== null"
          (click)="download('xlsx')"
        >
          {{ store.downloading() === 'xlsx' ? t('downloading') : t('downloadXlsx') }}
        </button>
        <button
          mat-stroked-button
          type="button"
          data-testid="template-csv"
          [disabled]="store.downloading() !== null"
          (click)="download('csv')"
        >
          {{ store.downloading() === 'csv' ? t('downloading') : t('downloadCsv') }}
        </button>
      </div>
      @if (store.downloadError() !== null) {
        <p class="error" role="alert" data-testid="template-error">{{ store.downloadError() || t('failed') }}</p>
      }

      <pd-spreadsheet-file-picker
        class="row"
        inputId="results-file"
        testId="results-file"
        nameTestId="results-file-name"
        [chooseLabel]="t('chooseFile')"
        [noFileLabel]="t('noFile')"
        [file]="file()"
        (fileChange)="choose($event)"
      />
      <div class="row">
        <button
          mat-stroked-button
          type="button"
          data-testid="results-dry-run"
          [disabled]="!file() || store.busy() !== null"
          (click)="upload(true)"
        >
          {{ store.busy() === 'dryRun' ? t('checking') : t('dryRun') }}
        </button>
        <button
          mat-flat-button
          type="button"
          data-testid="results-import"
          [disabled]="!file() || store.busy() !== null"
          (click)="upload(false)"
        >
          {{ store.busy() === 'import' ? t('importing') : t('import') }}
        </button>
      </div>

      @if (report(); as r) {
        <div class="notice" role="status" data-testid="results-report" [attr.data-dry-run]="r.dryRun">
          {{
            t(r.dryRun ? 'checked' : 'imported', {
              rows: count(r.rows),
              accepted: count(r.accepted),
              skipped: count(r.skipped),
            })
          }}
        </div>
      } @else if (rejected(); as o) {
        <div class="rejected" data-testid="results-errors">
          <p class="error" role="alert">{{ o.message || t('rejected') }}</p>
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">
                {{
                  t('errorsCaption')
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="num">{{ t('errorRow') }}</th>
                  <th scope="col">{{ t('errorColumn') }}</th>
                  <th scope="col">{{ t('errorMessage') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (e of o.errors; track $index) {
                  <tr data-testid="results-error-row">
                    <td class="num">{{ e.row }}</td>
                    <td>{{ e.column ?? '–' }}</td>
                    <td>{{ e.message }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </div>
      } @else if (failed(); as o) {
        <p class="error" role="alert" data-testid="results-failed">{{ o.message || t('failed') }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-block: 12px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .table-wrap {
      overflow-x: auto;
    }
    .table {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: start;
      }
      .num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    }
  `,
})
export class ResultsSpreadsheetPanel {
  readonly code = input.required<string>();
  readonly fiscalYear = input.required<number>();
  /** Something was written: the desk should reload. */
  readonly imported = output<void>();

  protected readonly store = inject(ResultsSpreadsheetStore);
  protected readonly file = signal<File | null>(null);
  protected readonly report = computed(() => {
    const o = this.store.outcome();
    return o?.kind === 'report' ? o.report : null;
  });
  protected readonly rejected = computed(() => {
    const o = this.store.outcome();
    return o?.kind === 'rejected' ? o : null;
  });
  protected readonly failed = computed(() => {
    const o = this.store.outcome();
    return o?.kind === 'failed' ? o : null;
  });

  protected count(n: number): string {
    return formatValue(n);
  }

  protected download(format: TemplateFormat): void {
    void this.store.downloadTemplate(this.code(), this.fiscalYear(), format);
  }

  protected choose(file: File | null): void {
    this.file.set(file);
    this.store.reset();
  }

  protected async upload(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file) return;
    if (await this.store.upload(this.code(), this.fiscalYear(), file, dryRun)) this.imported.emit();
  }
}
