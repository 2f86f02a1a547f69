import { ChangeDetectionStrategy, ChangeDetectorRef, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ApiProblem, Outcome } from '@provdash/dashboard/workspace/data-access';

export type EntryDialogResult = 'saved' | 'submitted';

/** What both entry dialogs look like: the heading line, full-width fields, the return reason, errors. */
export const ENTRY_DIALOG_STYLES = `
  .what {
    margin-top: 0;
    line-height: 1.7;
  }
  .wide {
    width: 100%;
  }
  .returned {
    padding: 8px 12px;
    border-radius: 8px;
    background: #fbd9d7;
    color: #8e1c1c;
  }
  .error {
    color: var(--mat-sys-error);
  }
`;
export type EntryStep = 'save' | 'submit';

/**
 * How both entry dialogs (a KPI's result, a project's progress) save: the draft first, then with
 * `submit` the submission of the version just saved; the dialog closes with what was done, or stays
 * open with the problem. The draft is saved either way, so a refused submission says why it did not
 * go on. Keeps the version to send next (the one read, then each save's).
 */
export class EntrySave {
  readonly busy = signal<EntryStep | null>(null);
  readonly formError = signal<string | null>(null);

  constructor(
    public version: number | undefined,
    private readonly ref: MatDialogRef<unknown, EntryDialogResult>,
    private readonly cdr: ChangeDetectorRef,
  ) {}

  async run(
    submit: boolean,
    steps: {
      save: (version: number | undefined) => Promise<Outcome<{ version: number }>>;
      submit: (version: number) => Promise<Outcome<unknown>>;
      /** Puts a refusal on the field it is about, or in `formError`. */
      show: (problem: ApiProblem) => void;
    },
  ): Promise<void> {
    if (this.busy()) return;
    this.busy.set(submit ? 'submit' : 'save');
    try {
      const saved = await steps.save(this.version);
      if (!saved.ok) return steps.show(saved.problem);
      this.version = saved.value.version;
      if (!submit) return this.ref.close('saved');
      const sent = await steps.submit(saved.value.version);
      if (!sent.ok) return steps.show(sent.problem);
      this.ref.close('submitted');
    } finally {
      this.busy.set(null);
      this.cdr.markForCheck();
    }
  }
}

/** The entry dialogs' buttons: cancel, save as draft (the form's submit button) and save and submit. */
@Component({
  selector: 'pd-entry-actions',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <ng-container *transloco="let t; prefix: 'workspace.entry'">
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="entry-cancel">{{ t('cancel') }}</button>
        <button mat-stroked-button type="submit" [disabled]="busy() !== null" data-testid="save-draft">
          {{ busy() === 'save' ? t('saving') : t('saveDraft') }}
        </button>
        <button
          mat-flat-button
          type="button"
          [disabled]="busy() !== null"
          (click)="submitNow.emit()"
          data-testid="save-submit"
        >
          {{ busy() === 'submit' ? t('submitting') : t('saveSubmit') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
})
export class EntryActions {
  readonly busy = input.required<EntryStep | null>();
  readonly submitNow = output<void>();
}
