import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import type { DisbursementBatchDto } from '@provdash/shared/contracts';

/** Asks before a batch's rows are taken out again; closes with true to go ahead. */
@Component({
  selector: 'pd-confirm-rollback-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'gfmisImport.rollback'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('body', { file: batch.fileName, rows: batch.rows }) }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" data-testid="rollback-cancel">
          {{ t('cancel') }}
        </button>
        <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="rollback-confirm">
          {{ t('confirm') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
})
export class ConfirmRollbackDialog {
  protected readonly batch = inject<DisbursementBatchDto>(MAT_DIALOG_DATA);
}
