import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { ProjectsApi, type SaveRiskBody } from '@provdash/dashboard/projects/data-access';
import { datepickerLocale, dayDate, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, markServerErrors } from '@provdash/dashboard/workspace/data-access';
import type { RiskDto, RiskResponseName } from '@provdash/shared/contracts';

const RESPONSES: RiskResponseName[] = ['take', 'treat', 'transfer', 'terminate'];
const FIELDS = ['description', 'likelihood', 'impact', 'response', 'owner', 'mitigation', 'reviewDate'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A project's 4T risk: likelihood × impact 1–5, the response, owner and review date. Adds a risk,
 * or changes one with the version read (a stale save says so and offers a reload).
 */
@Component({
  selector: 'pd-risk-form',
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
      *transloco="let t; prefix: 'projectSetup.risk'"
      [formGroup]="form"
      (ngSubmit)="save()"
      novalidate
      data-testid="risk-form"
    >
      <mat-form-field class="wide">
        <mat-label>{{ t('description') }}</mat-label>
        <textarea matInput formControlName="description" rows="2" data-testid="risk-description"></textarea>
        <mat-error>{{ error('description') }}</mat-error>
      </mat-form-field>
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
        <mat-label>{{ t('owner') }}</mat-label>
        <input matInput formControlName="owner" data-testid="risk-owner" />
        <mat-error>{{ error('owner') }}</mat-error>
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
      @if (stale()) {
        <p class="stale" role="alert" data-testid="risk-stale">
          {{ t('stale') }}
          <button mat-stroked-button type="button" (click)="reload.emit()">{{ t('reload') }}</button>
        </p>
      }
      @if (formError(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
      <div class="actions">
        @if (risk(); as r) {
          @if (r.status === 'open') {
            <button mat-button type="button" [disabled]="busy()" (click)="close()" data-testid="risk-close">
              {{ t('close') }}
            </button>
          }
        }
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
    mat-form-field {
      flex: 1 1 180px;
      min-width: 0;
    }
    .wide {
      flex-basis: 100%;
    }
    .actions {
      flex-basis: 100%;
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .error {
      flex-basis: 100%;
      color: var(--mat-sys-error);
    }
    .stale {
      flex-basis: 100%;
      padding: 8px 12px;
      border-radius: 8px;
      background: #fdecc8;
      color: #5c3c00;
    }
  `,
})
export class RiskForm {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(TranslocoService);
  readonly lang = injectLang();
  readonly projectId = input.required<string>();
  /** The risk to change; absent to add one. */
  readonly risk = input<RiskDto | null>(null);
  /** true when something was saved (the page reloads). */
  readonly done = output<boolean>();
  readonly reload = output<void>();
  readonly scale = [1, 2, 3, 4, 5];
  readonly responses = RESPONSES;
  readonly busy = signal(false);
  readonly stale = signal(false);
  readonly formError = signal<string | null>(null);
  readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  readonly form = new FormGroup({
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000)],
    }),
    likelihood: new FormControl<number | null>(null, { validators: [Validators.required] }),
    impact: new FormControl<number | null>(null, { validators: [Validators.required] }),
    response: new FormControl<RiskResponseName | null>(null, { validators: [Validators.required] }),
    owner: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    mitigation: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
    reviewDate: new FormControl<Date | null>(null),
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
      if (r)
        untracked(() => {
          this.form.reset({
            description: r.description,
            likelihood: r.likelihood,
            impact: r.impact,
            response: r.response,
            owner: r.owner,
            mitigation: r.mitigation,
            reviewDate: dayDate(r.reviewDate),
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
          : 'invalid';
    return this.i18n.translate(`projectSetup.form.errors.${key}`);
  }

  async close(): Promise<void> {
    const r = this.risk();
    if (r) await this.send({ status: 'closed', version: r.version });
  }

  async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: SaveRiskBody = {
      description: v.description.trim(),
      likelihood: v.likelihood as number,
      impact: v.impact as number,
      response: v.response as RiskResponseName,
      owner: v.owner.trim(),
      mitigation: v.mitigation.trim(),
      ...(v.reviewDate && { reviewDate: isoDay(v.reviewDate) }),
    };
    const r = this.risk();
    await this.send(r ? { ...body, version: r.version } : body);
  }

  private async send(body: SaveRiskBody): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    try {
      const r = this.risk();
      if (r) await this.api.updateRisk(r.id, body);
      else await this.api.createRisk(this.projectId(), body);
      this.done.emit(true);
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409) {
        this.stale.set(true);
        return;
      }
      const named = markServerErrors(p, this.form.controls, FIELDS);
      this.serverErrors.set(named);
      if (!Object.keys(named).length)
        this.formError.set(p.message ?? this.i18n.translate('projectSetup.form.errors.saveFailed'));
    } finally {
      this.busy.set(false);
    }
  }
}
