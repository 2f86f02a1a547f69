import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';

export interface ReturnReasonData {
  /** What is being returned, e.g. "K1.2.1 · ต.ค. 2569". */
  what: string;
  /**
   * `reopen`: an approved result is taken back (the title, a warning of what it undoes and the
   * button say so); the confirm button is the confirmation. Default `return`.
   */
  mode?: 'return' | 'reopen';
}

/** Asks why a submission goes back to the office (or an approved result is reopened); closes with the reason (required), or nothing. */
@Component({
  selector: 'pd-return-reason-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'workspace.queue'">
      <h2 mat-dialog-title>{{ reopen ? t('reopenTitle') : t('returnTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="send()" novalidate>
        <mat-dialog-content>
          <p>{{ data.what }}</p>
          @if (reopen) {
          <p class="warning" data-testid="reopen-warning">{{ t('reopenWarning') }}</p>
          }
          <mat-form-field class="wide">
            <mat-label>{{ t('reason') }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="3"
              maxlength="2000"
              required
              data-testid="return-reason-input"
            ></textarea>
            <mat-hint>{{ t('reasonHint') }}</mat-hint>
            <mat-error data-testid="return-reason-error">{{ t('reasonRequired') }}</mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" data-testid="return-confirm">
            {{ reopen ? t('reopenConfirm') : t('return') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .warning {
      background: #fff4e5;
      color: #663c00;
      padding: 8px 12px;
      border-radius: 4px;
    }
  `,
})
export class ReturnReasonDialog {
  protected readonly data = inject<ReturnReasonData>(MAT_DIALOG_DATA);
  protected readonly reopen = this.data.mode === 'reopen';
  private readonly ref = inject<MatDialogRef<ReturnReasonDialog, string>>(MatDialogRef);
  // Blank text is no reason: the API refuses it too (result.reasonRequired).
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(2000)],
    }),
  });

  protected send(): void {
    const reason = this.form.controls.reason;
    reason.markAsTouched();
    if (reason.invalid) return;
    this.ref.close(reason.value.trim());
  }
}
