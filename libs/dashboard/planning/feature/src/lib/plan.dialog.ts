import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PlanSummaryDto } from '@provdash/shared/contracts';
import { errorOf, showProblem } from './form-errors';
import type { PlanBuilderStore } from './plan-builder.store';

export interface PlanDialogData {
  store: PlanBuilderStore;
  /** Absent: create the four-year plan; present: edit it. */
  plan?: PlanSummaryDto;
  /** The first fiscal year offered for a new plan (B.E.). */
  startFy: number;
}

/** How the dialog ended: saved (with the plan), or a reload asked for after someone else's change. */
export type PlanDialogResult = { saved: PlanSummaryDto } | 'reload';

const yearsInOrder = (g: AbstractControl): ValidationErrors | null => {
  const start = Number(g.get('startFy')?.value);
  const end = g.get('endFy');
  if (!end) return null;
  const wrong = Number(end.value) < start;
  const errors = { ...(end.errors ?? {}) };
  if (wrong) errors['yearsOrder'] = true;
  else delete errors['yearsOrder'];
  end.setErrors(Object.keys(errors).length ? errors : null, { emitEvent: false });
  return null;
};

/** Create (name, vision, four fiscal years from the start year, B.E.) or edit the plan's heading. */
@Component({
  selector: 'pd-plan-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'planBuilder'">
      <h2 mat-dialog-title>{{ data.plan ? t('plan.editTitle') : t('plan.createTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <mat-form-field class="wide">
            <mat-label>{{ t('plan.nameTh') }}</mat-label>
            <input matInput formControlName="nameTh" maxlength="300" data-testid="plan-name-th" cdkFocusInitial />
            @let e1 = errorOf(form.controls.nameTh);
            <mat-error>{{ e1?.key ? (e1!.key! | transloco) : e1?.text }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ t('plan.nameEn') }}</mat-label>
            <input matInput formControlName="nameEn" maxlength="300" data-testid="plan-name-en" />
            @let e2 = errorOf(form.controls.nameEn);
            <mat-error>{{ e2?.key ? (e2!.key! | transloco) : e2?.text }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ t('plan.visionTh') }}</mat-label>
            <textarea
              matInput
              formControlName="visionTh"
              rows="2"
              maxlength="4000"
              data-testid="plan-vision-th"
            ></textarea>
            @let e3 = errorOf(form.controls.visionTh);
            <mat-error>{{ e3?.key ? (e3!.key! | transloco) : e3?.text }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ t('plan.visionEn') }}</mat-label>
            <textarea
              matInput
              formControlName="visionEn"
              rows="2"
              maxlength="4000"
              data-testid="plan-vision-en"
            ></textarea>
            @let e4 = errorOf(form.controls.visionEn);
            <mat-error>{{ e4?.key ? (e4!.key! | transloco) : e4?.text }}</mat-error>
          </mat-form-field>
          <div class="pair">
            <mat-form-field>
              <mat-label>{{ t('plan.startFy') }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                formControlName="startFy"
                data-testid="plan-start-fy"
                (input)="followStart()"
              />
              <mat-hint>{{ hint(form.controls.startFy.value) }}</mat-hint>
              @let e5 = errorOf(form.controls.startFy);
              <mat-error>{{ e5?.key ? (e5!.key! | transloco) : e5?.text }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('plan.endFy') }}</mat-label>
              <input matInput type="number" inputmode="numeric" formControlName="endFy" data-testid="plan-end-fy" />
              <mat-hint>{{ hint(form.controls.endFy.value) }}</mat-hint>
              @let e6 = errorOf(form.controls.endFy);
              <mat-error>{{ e6?.key ? (e6!.key! | transloco) : e6?.text }}</mat-error>
            </mat-form-field>
          </div>
          @if (conflict()) {
            <p class="error" role="alert" data-testid="conflict">
              {{ t('conflict') }}
              <button mat-stroked-button type="button" data-testid="conflict-reload" (click)="ref.close('reload')">
                {{ t('reload') }}
              </button>
            </p>
          } @else if (formError() !== null) {
            <p class="error" role="alert" data-testid="form-error">{{ formError() || t('errors.failed') }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="plan-save">
            {{ data.plan ? t('save') : t('plan.create') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .pair {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      mat-form-field {
        flex: 1 1 140px;
      }
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PlanDialog {
  protected readonly data = inject<PlanDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<PlanDialog, PlanDialogResult>>(MatDialogRef);
  protected readonly errorOf = errorOf;
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  private readonly p = this.data.plan;

  private readonly year = [Validators.required, Validators.min(2500), Validators.max(2999)];
  protected readonly form = new FormGroup(
    {
      nameTh: new FormControl(this.p?.nameTh ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(300)],
      }),
      nameEn: new FormControl(this.p?.nameEn ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(300)],
      }),
      visionTh: new FormControl(this.p?.visionTh ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(4000)],
      }),
      visionEn: new FormControl(this.p?.visionEn ?? '', {
        nonNullable: true,
        validators: [Validators.maxLength(4000)],
      }),
      startFy: new FormControl(this.p?.startFy ?? this.data.startFy, { nonNullable: true, validators: this.year }),
      endFy: new FormControl(this.p?.endFy ?? this.data.startFy + 3, { nonNullable: true, validators: this.year }),
    },
    { validators: yearsInOrder },
  );
  private endTouched = this.p !== undefined;

  constructor() {
    this.form.controls.endFy.valueChanges.subscribe(() => (this.endTouched = true));
  }

  /** A four-year plan by default: the last year follows the first until it is typed in. */
  protected followStart(): void {
    if (this.endTouched) return;
    const start = Number(this.form.controls.startFy.value);
    if (Number.isInteger(start)) this.form.controls.endFy.setValue(start + 3, { emitEvent: false });
  }

  /** What a B.E. fiscal year spans: October of the year before to September (ต.ค. 2570 – ก.ย. 2571). */
  protected hint(fy: number | string): string {
    const n = Number(fy);
    if (!Number.isInteger(n) || n < 2500 || n > 2999) return '';
    return this.transloco.translate('planBuilder.plan.yearHint', {
      prev: n - 1,
      fy: n,
      gStart: n - 544,
      gEnd: n - 543,
    });
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.formError.set(null);
    this.conflict.set(false);
    this.form.markAllAsTouched();
    this.form.updateValueAndValidity();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const body = { ...v, startFy: Number(v.startFy), endFy: Number(v.endFy) };
    this.busy.set(true);
    const r = this.p
      ? await this.data.store.updatePlan(this.p.id, this.p.version, body)
      : await this.data.store.createPlan(body);
    this.busy.set(false);
    if (r.ok) return this.ref.close({ saved: r.value });
    const left = showProblem(this.form, r.problem);
    this.conflict.set(left.conflict);
    if (!left.conflict) this.formError.set(left.message);
  }
}
