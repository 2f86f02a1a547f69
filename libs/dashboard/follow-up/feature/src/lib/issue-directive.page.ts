import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { DirectivesApi, directivesResource } from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { datepickerLocale, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, markServerErrors } from '@provdash/dashboard/workspace/data-access';
import { addDays, bangkokDateOf, compareIsoDates } from '@provdash/shared/domain';
import type { Observable } from 'rxjs';

const FIELDS = ['title', 'detail', 'ownerUserId', 'ownerAgency', 'dueDate'] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Issue a directive" (`/follow-up/new?unit=30&kpiId=…&about=…`): what, to whom (a person of the
 * province and/or an agency), by when (B.E. date picker), linked to the KPI, project or risk it
 * came from. The server's refusals land next to the field they name.
 */
@Component({
  selector: 'pd-issue-directive-page',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideBuddhistEraDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'followUp'">
      <h1>{{ t('issue.title') }}</h1>
      @if (about()) {
        <p class="sub" data-testid="issue-about">{{ t('issue.from', { what: about() }) }}</p>
      }
      @if (board.value(); as b) {
        @if (!b.canIssue) {
          <p class="error" role="alert">{{ t('issue.notAllowed') }}</p>
        }
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="issue-form">
        <mat-form-field class="wide">
          <mat-label>{{ t('fields.title') }}</mat-label>
          <textarea matInput formControlName="title" rows="2" data-testid="issue-title"></textarea>
          <mat-error>{{ error('title') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ t('fields.detail') }}</mat-label>
          <textarea matInput formControlName="detail" rows="3" data-testid="issue-detail"></textarea>
          <mat-error>{{ error('detail') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ t('fields.ownerUser') }}</mat-label>
          <mat-select formControlName="ownerUserId" data-testid="issue-owner">
            <mat-option [value]="''">{{ t('fields.noPerson') }}</mat-option>
            @for (p of board.value()?.people ?? []; track p.id) {
              <mat-option [value]="p.id">{{ p.displayName }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ error('ownerUserId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ t('fields.ownerAgency') }}</mat-label>
          <input matInput formControlName="ownerAgency" data-testid="issue-agency" />
          <mat-hint>{{ t('fields.ownerHint') }}</mat-hint>
          <mat-error>{{ error('ownerAgency') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ t('fields.dueDate') }}</mat-label>
          <input matInput [matDatepicker]="due" [min]="today" formControlName="dueDate" data-testid="issue-due" />
          <mat-datepicker-toggle matIconSuffix [for]="due" />
          <mat-datepicker #due />
          <mat-error>{{ error('dueDate') }}</mat-error>
        </mat-form-field>
        @if (formError(); as e) {
          <p class="error wide" role="alert" data-testid="issue-error">{{ e }}</p>
        }
        <div class="row-end">
          <a mat-button [routerLink]="['/follow-up']" [queryParams]="{ unit: code() }">{{ t('issue.cancel') }}</a>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="issue-save">
            {{ t('issue.save') }}
          </button>
        </div>
      </form>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 760px;
      margin: 0 auto;
      padding: 16px;
      box-sizing: border-box;
    }
    h1 {
      font-size: 1.5rem;
      margin: 0 0 4px;
    }
    .sub {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    mat-form-field {
      flex: 1 1 220px;
      min-width: 0;
    }
    .wide {
      flex-basis: 100%;
    }
    .row-end {
      flex-basis: 100%;
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 8px;
    }
    .error {
      padding: 8px 12px;
      border-radius: 8px;
      background: #fde2e1;
      color: #8c1d18;
    }
  `,
})
export class IssueDirectivePage {
  private readonly api = inject(DirectivesApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslocoService);
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly unit = input<string>();
  readonly kpiId = input<string>();
  readonly projectId = input<string>();
  readonly riskId = input<string>();
  /** The source's name, as the page that links here knows it. */
  readonly about = input<string>();
  readonly code = computed(() => this.unit() ?? this.auth.user()?.scope.code);
  /** The people to give it to (and whether the reader may issue), from the province's page read. */
  readonly board = directivesResource(() => {
    const unit = this.code();
    return unit ? { unit, show: 'overdue' } : undefined;
  });
  readonly today = new Date(`${bangkokDateOf(new Date())}T00:00:00`);
  readonly busy = signal(false);
  readonly formError = signal<string | null>(null);
  readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3), Validators.maxLength(500)],
    }),
    detail: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
    ownerUserId: new FormControl('', { nonNullable: true }),
    ownerAgency: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    dueDate: new FormControl<Date | null>(new Date(`${addDays(bangkokDateOf(new Date()), 14)}T00:00:00`), {
      validators: [Validators.required],
    }),
  });

  constructor() {
    const adapter = inject(DateAdapter);
    effect(() => adapter.setLocale(datepickerLocale(this.lang())));
    for (const f of FIELDS) {
      (this.form.controls[f].valueChanges as Observable<unknown>).subscribe(() => {
        if (this.serverErrors()[f]) this.serverErrors.update((e) => ({ ...e, [f]: undefined }));
      });
    }
    effect(() => {
      const about = this.about();
      if (about)
        untracked(
          () =>
            !this.form.controls.title.value &&
            this.form.controls.title.setValue(this.i18n.translate('followUp.issue.titleFrom', { what: about })),
        );
    });
  }

  error(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) return server;
    const c = this.form.controls[field];
    if (!c.errors) return null;
    const key = c.errors['required']
      ? 'required'
      : c.errors['minlength']
        ? 'tooShort'
        : c.errors['maxlength']
          ? 'tooLong'
          : c.errors['matDatepickerParse']
            ? 'date'
            : c.errors['matDatepickerMin'] || c.errors['past']
              ? 'past'
              : c.errors['owner']
                ? 'owner'
                : 'invalid';
    return this.i18n.translate(`followUp.errors.${key}`);
  }

  async save(): Promise<void> {
    const v = this.form.getRawValue();
    if (!v.ownerUserId && !v.ownerAgency.trim()) this.form.controls.ownerAgency.setErrors({ owner: true });
    if (v.dueDate && compareIsoDates(isoDay(v.dueDate), bangkokDateOf(new Date())) < 0)
      this.form.controls.dueDate.setErrors({ past: true });
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const unit = this.code();
    if (!unit) return;
    this.busy.set(true);
    this.formError.set(null);
    try {
      const d = await this.api.issue({
        orgUnitCode: unit,
        title: v.title.trim(),
        detail: v.detail.trim(),
        ownerUserId: v.ownerUserId || null,
        ownerAgency: v.ownerAgency.trim(),
        dueDate: isoDay(v.dueDate as Date),
        ...(this.kpiId() && { kpiId: this.kpiId() }),
        ...(this.projectId() && { projectId: this.projectId() }),
        ...(this.riskId() && { riskId: this.riskId() }),
      });
      await this.router.navigate(['/follow-up', d.id]);
    } catch (e) {
      const p = apiProblem(e);
      const errors = markServerErrors(p, this.form.controls, FIELDS);
      this.serverErrors.set(errors);
      if (!Object.keys(errors).length) this.formError.set(p.message ?? this.i18n.translate('followUp.errors.failed'));
    } finally {
      this.busy.set(false);
    }
  }
}
