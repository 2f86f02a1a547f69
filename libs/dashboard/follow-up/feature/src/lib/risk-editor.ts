import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { RisksApi } from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { datepickerLocale, dayDate, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, markServerErrors } from '@provdash/dashboard/workspace/data-access';
import type { RiskDto, RiskResponseName } from '@provdash/shared/contracts';
import { residualProblem } from '@provdash/shared/domain';
import type { Observable } from 'rxjs';

const RESPONSES: RiskResponseName[] = ['take', 'treat', 'transfer', 'terminate'];
const FIELDS = [
  'description',
  'owner',
  'likelihood',
  'impact',
  'response',
  'mitigation',
  'reviewDate',
  'residualLikelihood',
  'residualImpact',
  'note',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * A province's own (organisation-level) risk, or a new assessment of any risk: likelihood × impact,
 * the 4T response and its treatment plan, the review day (B.E. picker in Thai), and the residual
 * likelihood × impact once treated. A reassessment carries the version read: a stale one says so
 * and offers a reload instead of overwriting.
 */
@Component({
  selector: 'pd-risk-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  providers: [provideBuddhistEraDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      *transloco="let t; prefix: 'riskRegister.form'"
      [formGroup]="form"
      (ngSubmit)="save()"
      novalidate
      data-testid="risk-editor"
      [attr.aria-label]="risk() ? t('reassessTitle') : t('createTitle')"
    >
      <h2 class="wide">{{ risk() ? t('reassessTitle') : t('createTitle') }}</h2>
      @if (!risk()) {
        <mat-form-field class="wide">
          <mat-label>{{ t('description') }}</mat-label>
          <textarea matInput formControlName="description" rows="2" data-testid="risk-description"></textarea>
          <mat-error>{{ error('description') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ t('owner') }}</mat-label>
          <input matInput formControlName="owner" data-testid="risk-owner" />
          <mat-error>{{ error('owner') }}</mat-error>
        </mat-form-field>
      }
      <mat-form-field>
        <mat-label>{{ t('likelihood') }}</mat-label>
        <mat-select formControlName="likelihood" data-testid="risk-likelihood">
          @for (n of scale; track n) {
            <mat-option [value]="n">{{ n }} · {{ t('scale.' + n) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ error('likelihood') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('impact') }}</mat-label>
        <mat-select formControlName="impact" data-testid="risk-impact">
          @for (n of scale; track n) {
            <mat-option [value]="n">{{ n }} · {{ t('scale.' + n) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ error('impact') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('response') }}</mat-label>
        <mat-select formControlName="response" data-testid="risk-response">
          @for (r of responses; track r) {
            <mat-option [value]="r">{{ t('responses.' + r) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ error('response') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('reviewDate') }}</mat-label>
        <input matInput [matDatepicker]="review" formControlName="reviewDate" data-testid="risk-review" />
        <mat-datepicker-toggle matIconSuffix [for]="review" />
        <mat-datepicker #review />
        <mat-error>{{ error('reviewDate') }}</mat-error>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ t('mitigation') }}</mat-label>
        <textarea matInput formControlName="mitigation" rows="2" data-testid="risk-mitigation"></textarea>
        <mat-error>{{ error('mitigation') }}</mat-error>
      </mat-form-field>
      <p class="wide hint">{{ t('residualHint') }}</p>
      <mat-form-field>
        <mat-label>{{ t('residualLikelihood') }}</mat-label>
        <mat-select formControlName="residualLikelihood" data-testid="risk-residual-likelihood">
          <mat-option [value]="null">{{ t('notAssessed') }}</mat-option>
          @for (n of scale; track n) {
            <mat-option [value]="n">{{ n }} · {{ t('scale.' + n) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ error('residualLikelihood') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('residualImpact') }}</mat-label>
        <mat-select formControlName="residualImpact" data-testid="risk-residual-impact">
          <mat-option [value]="null">{{ t('notAssessed') }}</mat-option>
          @for (n of scale; track n) {
            <mat-option [value]="n">{{ n }} · {{ t('scale.' + n) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ error('residualImpact') }}</mat-error>
      </mat-form-field>
      @if (risk()) {
        <mat-form-field class="wide">
          <mat-label>{{ t('note') }}</mat-label>
          <textarea matInput formControlName="note" rows="2" data-testid="risk-note"></textarea>
          <mat-error>{{ error('note') }}</mat-error>
        </mat-form-field>
      }
      @if (stale()) {
        <p class="stale wide" role="alert" data-testid="risk-stale">
          {{ t('stale') }}
          <button mat-stroked-button type="button" (click)="reload.emit()">{{ t('reload') }}</button>
        </p>
      }
      @if (formError(); as e) {
        <p class="error wide" role="alert">{{ e }}</p>
      }
      <div class="actions">
        <button mat-button type="button" (click)="done.emit(false)">{{ t('cancel') }}</button>
        <button mat-flat-button type="submit" [disabled]="busy() || stale()" data-testid="risk-save">
          {{ t('save') }}
        </button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low, #f6f6f6);
    }
    h2 {
      margin: 0 0 8px;
      font-size: 1.1rem;
    }
    mat-form-field {
      flex: 1 1 180px;
      min-width: 0;
    }
    .wide {
      flex-basis: 100%;
    }
    .hint {
      margin: 0;
      font-size: 0.9rem;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .actions {
      flex-basis: 100%;
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .stale {
      padding: 8px 12px;
      border-radius: 8px;
      background: #fdecc8;
      color: #5c3c00;
    }
  `,
})
export class RiskEditor {
  private readonly api = inject(RisksApi);
  private readonly i18n = inject(TranslocoService);
  readonly lang = injectLang();
  /** The province an organisation-level risk is added to. */
  readonly unit = input<string>('');
  /** The risk to reassess; absent to add an organisation-level one. */
  readonly risk = input<RiskDto | null>(null);
  /** true when something was saved. */
  readonly done = output<boolean>();
  readonly reload = output<void>();
  readonly scale = [1, 2, 3, 4, 5];
  readonly responses = RESPONSES;
  readonly busy = signal(false);
  readonly stale = signal(false);
  readonly formError = signal<string | null>(null);
  readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  readonly form = new FormGroup({
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
    owner: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    likelihood: new FormControl<number | null>(null, { validators: [Validators.required] }),
    impact: new FormControl<number | null>(null, { validators: [Validators.required] }),
    response: new FormControl<RiskResponseName | null>(null, { validators: [Validators.required] }),
    mitigation: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
    reviewDate: new FormControl<Date | null>(null),
    residualLikelihood: new FormControl<number | null>(null),
    residualImpact: new FormControl<number | null>(null),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });

  constructor() {
    // The picker's month names and year (B.E. in Thai) follow the reader's language.
    const adapter = inject(DateAdapter);
    effect(() => adapter.setLocale(datepickerLocale(this.lang())));
    for (const f of FIELDS) {
      (this.form.controls[f].valueChanges as Observable<unknown>).subscribe(() => {
        if (this.serverErrors()[f]) this.serverErrors.update((e) => ({ ...e, [f]: undefined }));
      });
    }
    effect(() => {
      const r = this.risk();
      untracked(() => {
        const creating = !r;
        for (const f of ['description', 'owner'] as const) {
          this.form.controls[f].setValidators(
            creating ? [Validators.required, Validators.maxLength(f === 'owner' ? 200 : 4000)] : [],
          );
          this.form.controls[f].updateValueAndValidity({ emitEvent: false });
        }
        if (r)
          this.form.reset({
            description: r.description,
            owner: r.owner,
            likelihood: r.likelihood,
            impact: r.impact,
            response: r.response,
            mitigation: r.mitigation,
            reviewDate: dayDate(r.reviewDate),
            residualLikelihood: r.residualLikelihood,
            residualImpact: r.residualImpact,
            note: '',
          });
        this.stale.set(false);
      });
    });
  }

  error(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) return server;
    const c = this.form.controls[field];
    if (!c.errors) return null;
    const key = c.errors['required']
      ? 'required'
      : c.errors['maxlength']
        ? 'tooLong'
        : c.errors['matDatepickerParse']
          ? 'date'
          : c.errors['residualPair']
            ? 'residualPair'
            : c.errors['residualAboveInherent']
              ? 'residualAboveInherent'
              : 'invalid';
    return this.i18n.translate(`riskRegister.form.errors.${key}`);
  }

  /** The residual rule of the shared domain, shown next to the field before any request. */
  private checkResidual(): boolean {
    // The rule's own marks are re-judged on every save (the pair may have been mended on the other field).
    for (const f of ['residualLikelihood', 'residualImpact'] as const) {
      const c = this.form.controls[f];
      if (c.hasError('residualPair') || c.hasError('residualAboveInherent')) c.setErrors(null);
    }
    const v = this.form.getRawValue();
    if (v.likelihood === null || v.impact === null) return true;
    const problem = residualProblem(v.likelihood, v.impact, v.residualLikelihood, v.residualImpact);
    if (!problem) return true;
    const field = v.residualLikelihood === null ? 'residualLikelihood' : 'residualImpact';
    this.form.controls[field].setErrors({ [problem]: true });
    this.form.controls[field].markAsTouched();
    return false;
  }

  async save(): Promise<void> {
    if (!this.checkResidual() || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.formError.set(null);
    const common = {
      likelihood: v.likelihood as number,
      impact: v.impact as number,
      response: v.response as RiskResponseName,
      mitigation: v.mitigation.trim(),
      residualLikelihood: v.residualLikelihood,
      residualImpact: v.residualImpact,
      ...(v.reviewDate && { reviewDate: isoDay(v.reviewDate) }),
    };
    try {
      const r = this.risk();
      if (r) await this.api.reassess(r.id, { ...common, version: r.version, note: v.note.trim() });
      else
        await this.api.createOrgRisk(this.unit(), {
          ...common,
          description: v.description.trim(),
          owner: v.owner.trim(),
        });
      this.done.emit(true);
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409) {
        this.stale.set(true);
        return;
      }
      const named = markServerErrors(p, this.form.controls, FIELDS);
      this.serverErrors.set(named);
      if (!Object.keys(named).length) this.formError.set(p.message ?? this.i18n.translate('riskRegister.form.errors.saveFailed'));
    } finally {
      this.busy.set(false);
    }
  }
}
