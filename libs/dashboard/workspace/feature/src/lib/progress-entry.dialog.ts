import { ChangeDetectionStrategy, ChangeDetectorRef, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiProblem, toDecimal, WorkspaceStore } from '@provdash/dashboard/workspace/data-access';
import type { WorkspaceProgressEntryDto, WorkspaceProjectDto } from '@provdash/shared/contracts';
import { EntryStatus } from './entry-status';
import { formatPeriod, formatValue, injectLang, localName } from './format';
import { ENTRY_DIALOG_STYLES, EntryActions, EntryDialogResult, EntrySave } from './entry-save';
import { errorOf, percentValidator } from './validators';

export interface ProgressEntryData {
  store: WorkspaceStore;
  project: WorkspaceProjectDto;
  entry: WorkspaceProgressEntryDto;
}

/** A project's progress for one month: percent complete and a milestone note, saved or sent for approval. */
@Component({
  selector: 'pd-progress-entry-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    TranslocoPipe,
    EntryStatus,
    EntryActions,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'workspace.entry'">
      <h2 mat-dialog-title>{{ t('progressTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="save(false)" novalidate>
        <mat-dialog-content>
          <p class="what">
            <strong>{{ project.code }}</strong> {{ name() }}<br />
            <span>{{ periodLabel() }}</span>
            <pd-entry-status [status]="entry.status" [late]="entry.late" />
          </p>
          @if (entry.status === 'returned' && entry.returnReason) {
            <p class="returned" role="note">{{ t('returnedBecause', { reason: entry.returnReason }) }}</p>
          }
          <mat-form-field class="wide">
            <mat-label>{{ t('percent') }}</mat-label>
            <input matInput formControlName="percent" inputmode="decimal" autocomplete="off" data-testid="percent" />
            <span matTextSuffix>%</span>
            @if (parsedPercent(form.controls.percent.value); as pp) {
              <mat-hint data-testid="percent-parsed">{{ t('parsedAs', { value: pp, unit: '%' }) }}</mat-hint>
            } @else {
              <mat-hint>{{ t('percentHint') }}</mat-hint>
            }
            @let ep = errorOf(form.controls.percent);
            <mat-error data-testid="percent-error">{{ ep?.key ? (ep!.key! | transloco) : ep?.text }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ t('milestone') }}</mat-label>
            <textarea
              matInput
              formControlName="milestoneNote"
              rows="3"
              maxlength="4000"
              data-testid="milestone"
            ></textarea>
            @let em = errorOf(form.controls.milestoneNote);
            <mat-error>{{ em?.key ? (em!.key! | transloco) : em?.text }}</mat-error>
          </mat-form-field>
          @if (saving.formError(); as error) {
            <p class="error" role="alert" data-testid="form-error">{{ error }}</p>
          }
        </mat-dialog-content>
        <pd-entry-actions [busy]="saving.busy()" (submitNow)="save(true)" />
      </form>
    </ng-container>
  `,
  styles: ENTRY_DIALOG_STYLES,
})
export class ProgressEntryDialog {
  private readonly data = inject<ProgressEntryData>(MAT_DIALOG_DATA);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = injectLang();

  protected readonly project = this.data.project;
  protected readonly entry = this.data.entry;
  protected readonly errorOf = errorOf;

  protected readonly form = new FormGroup({
    percent: new FormControl(this.entry.percent === null ? '' : String(this.entry.percent), {
      nonNullable: true,
      validators: [Validators.required, percentValidator(() => this.lang())],
    }),
    milestoneNote: new FormControl(this.entry.milestoneNote, {
      nonNullable: true,
      validators: [Validators.maxLength(4000)],
    }),
  });

  protected readonly saving = new EntrySave(
    this.entry.version ?? undefined,
    inject<MatDialogRef<ProgressEntryDialog, EntryDialogResult>>(MatDialogRef),
    inject(ChangeDetectorRef),
  );

  /** The percent as it will be saved, shown before saving; null while the field is not a valid percent. */
  protected parsedPercent(text: string): string | null {
    const d = toDecimal(text, this.lang());
    return d !== null && !this.form?.controls.percent.errors ? formatValue(d) : null;
  }

  protected name(): string {
    return localName(this.project, this.lang());
  }

  protected periodLabel(): string {
    return formatPeriod(this.entry.period, this.lang());
  }

  protected async save(submit: boolean): Promise<void> {
    if (this.saving.busy()) return;
    this.saving.formError.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { store, project, entry } = this.data;
    const v = this.form.getRawValue();
    await this.saving.run(submit, {
      save: (version) =>
        store.saveProgress(project.projectId, entry.period, {
          percent: Number(toDecimal(v.percent, this.lang())),
          milestoneNote: v.milestoneNote,
          ...(version !== undefined && { version }),
        }),
      submit: (version) => store.submitProgress(project.projectId, entry.period, version),
      show: (problem) => this.show(problem),
    });
  }

  private show(problem: ApiProblem): void {
    const percent = problem.details.find((d) => d.field === 'percent');
    if (percent) {
      this.form.controls.percent.setErrors({ api: percent.messages.join(' ') });
      return;
    }
    this.saving.formError.set(problem.message ?? this.transloco.translate('workspace.errors.failed'));
  }
}
