import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ConfirmData {
  title: string;
  body: string;
  confirm: string;
  cancel?: string;
  /** Shown large and selectable (a temporary password), with nothing to confirm. */
  secret?: string;
}

/** A question to confirm, or a one-time secret to hand over (then only "done"). */
@Component({
  selector: 'pd-admin-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.body }}</p>
      @if (data.secret) {
        <p class="secret" data-testid="temporary-password">{{ data.secret }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.cancel) {
        <button mat-button type="button" [mat-dialog-close]="false">{{ data.cancel }}</button>
      }
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="confirm">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .secret {
      font-family: ui-monospace, monospace;
      font-size: 1.25rem;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      user-select: all;
      overflow-wrap: anywhere;
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}
