import { httpResource } from '@angular/common/http';
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
import type { Observable } from 'rxjs';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { formatBaht, injectLang, localName } from '@provdash/dashboard/overview/ui';
import { ProjectsApi } from '@provdash/dashboard/projects/data-access';
import { datepickerLocale, dayDate, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, toDecimal } from '@provdash/dashboard/workspace/data-access';
import type {
  BudgetSourceName,
  PlanSummaryDto,
  ProjectBudgetType,
  ProjectDto,
  SaveProjectDto,
  StrategyMapDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';

const SOURCES: BudgetSourceName[] = ['province', 'cluster', 'ministry', 'local', 'other'];
const TYPES: ProjectBudgetType[] = ['capital', 'current'];
/** The form's fields that the API may name in a refusal (anything else goes above the buttons). */
const FIELDS = [
  'code',
  'nameTh',
  'nameEn',
  'strategyId',
  'kpiIds',
  'budgetSource',
  'budgetType',
  'allocated',
  'startDate',
  'endDate',
  'ownerAgencyTh',
  'responsiblePerson',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * Registers a project of the officer's province (or, for a cluster officer, of the cluster), or
 * edits one with the version read: a stale save says someone else changed it and offers a reload.
 * `/workspace/projects/new` and `/workspace/projects/:projectId/edit`.
 */
@Component({
  selector: 'pd-project-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  providers: [provideBuddhistEraDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-form.page.html',
  styleUrl: './project-form.page.scss',
})
export class ProjectFormPage {
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslocoService);
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly sources = SOURCES;
  readonly types = TYPES;

  /** Route parameter on the edit route. */
  readonly projectId = input<string | undefined>();
  readonly editing = computed(() => !!this.projectId());

  readonly existing = httpResource<ProjectDto>(() => {
    const id = this.projectId();
    return id ? `/api/projects/${encodeURIComponent(id)}` : undefined;
  });

  /** The unit the project belongs to: the edited project's, or the officer's own province or cluster. */
  readonly unitCode = computed(() => this.existing.value()?.orgUnitCode ?? this.auth.user()?.scope.code);
  readonly unitName = computed(() => {
    const scope = this.auth.user()?.scope;
    return scope && scope.code === this.unitCode() ? localName(scope, this.lang()) : (this.unitCode() ?? '');
  });
  readonly today = bangkokDateOf(new Date());
  readonly fiscalYear = computed(() => this.existing.value()?.fiscalYear ?? fiscalYearOf(this.today));

  readonly plans = httpResource<PlanSummaryDto[]>(() => {
    const code = this.unitCode();
    return code ? { url: '/api/plans', params: { unit: code } } : undefined;
  });
  readonly plan = computed(() => {
    const fy = this.fiscalYear();
    const list = this.plans.value() ?? [];
    return list.find((p) => p.startFy <= fy && fy <= p.endFy) ?? list[0];
  });
  readonly map = httpResource<StrategyMapDto>(() => {
    const id = this.plan()?.id;
    return id ? `/api/plans/${encodeURIComponent(id)}` : undefined;
  });
  readonly strategies = computed(() =>
    (this.map.value()?.issues ?? []).flatMap((i) =>
      i.goals.flatMap((g) => g.strategies.filter((s) => !s.retired).map((s) => ({ ...s, goal: g.code }))),
    ),
  );
  readonly kpis = computed(() =>
    (this.map.value()?.issues ?? []).flatMap((i) => i.goals.flatMap((g) => g.kpis.filter((k) => !k.retired))),
  );

  readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Za-z0-9.\-_/]{1,32}$/)],
    }),
    nameTh: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    nameEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    strategyId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    kpiIds: new FormControl<string[]>([], { nonNullable: true }),
    budgetSource: new FormControl<BudgetSourceName>('province', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    budgetType: new FormControl<ProjectBudgetType>('capital', { nonNullable: true, validators: [Validators.required] }),
    allocated: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startDate: new FormControl<Date | null>(null, { validators: [Validators.required] }),
    endDate: new FormControl<Date | null>(null, { validators: [Validators.required] }),
    ownerAgencyTh: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(300)],
    }),
    responsiblePerson: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });

  readonly busy = signal(false);
  readonly formError = signal<string | null>(null);
  readonly stale = signal(false);
  /** Server refusals by field, shown under the field until it is edited. */
  readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  private version: number | undefined;

  constructor() {
    // The picker's month names and year (B.E. in Thai) follow the reader's language.
    const adapter = inject(DateAdapter);
    effect(() => adapter.setLocale(datepickerLocale(this.lang())));
    // A cluster officer's projects are the cluster's: its budget is the cluster budget by default.
    effect(() => {
      if (!this.editing() && this.auth.user()?.scope.type === 'cluster')
        untracked(() => this.form.controls.budgetSource.setValue('cluster'));
    });
    effect(() => {
      const p = this.existing.value();
      // Only the answer is a dependency (filling the form reads other signals through valueChanges).
      if (p) untracked(() => this.fill(p));
    });
    for (const f of FIELDS) {
      (this.form.controls[f].valueChanges as Observable<unknown>).subscribe(() => {
        if (this.serverErrors()[f]) this.serverErrors.update((e) => ({ ...e, [f]: undefined }));
      });
    }
  }

  /** The typed allocation as read in the reader's locale (grouping allowed), in Thai baht format. */
  preview(): string | null {
    const v = toDecimal(this.form.controls.allocated.value, this.lang());
    return v === null ? null : formatBaht(v);
  }

  error(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) return server;
    const c = this.form.controls[field];
    if (!c.errors || !(c.touched || c.dirty)) return null;
    const t = (k: string) => this.i18n.translate(`projectSetup.form.errors.${k}`);
    if (c.errors['required']) return t('required');
    if (c.errors['pattern']) return t('code');
    if (c.errors['maxlength']) return t('tooLong');
    if (c.errors['matDatepickerParse']) return t('date');
    if (c.errors['money']) return t('money');
    if (c.errors['dates']) return t('dates');
    return t('invalid');
  }

  private fill(p: ProjectDto): void {
    this.version = p.version;
    this.form.reset({
      code: p.code,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      strategyId: p.strategyId,
      kpiIds: p.kpiIds,
      budgetSource: p.budgetSource,
      budgetType: p.budgetType,
      allocated: p.allocated,
      startDate: dayDate(p.startDate),
      endDate: dayDate(p.endDate),
      ownerAgencyTh: p.ownerAgencyTh,
      responsiblePerson: p.responsiblePerson,
    });
    this.form.controls.code.disable();
    this.stale.set(false);
  }

  reload(): void {
    this.formError.set(null);
    this.existing.reload();
  }

  async save(): Promise<void> {
    if (this.busy()) return;
    this.formError.set(null);
    const v = this.form.getRawValue();
    const allocated = toDecimal(v.allocated, this.lang());
    const money = allocated !== null && /^\d{1,16}(\.\d{1,2})?$/.test(allocated);
    this.form.controls.allocated.setErrors(
      v.allocated && !money ? { money: true } : this.form.controls.allocated.errors,
    );
    if (v.startDate && v.endDate && isoDay(v.endDate) < isoDay(v.startDate)) {
      this.form.controls.endDate.setErrors({ dates: true });
    }
    if (this.form.invalid || !money || !v.startDate || !v.endDate) {
      this.form.markAllAsTouched();
      focusFirstError();
      return;
    }
    const body: SaveProjectDto = {
      strategyId: v.strategyId,
      nameTh: v.nameTh.trim(),
      nameEn: v.nameEn.trim(),
      ownerAgencyTh: v.ownerAgencyTh.trim(),
      responsiblePerson: v.responsiblePerson.trim(),
      budgetSource: v.budgetSource,
      budgetType: v.budgetType,
      allocated: allocated as string,
      startDate: isoDay(v.startDate),
      endDate: isoDay(v.endDate),
      kpiIds: v.kpiIds,
    };
    this.busy.set(true);
    try {
      const id = this.projectId();
      const saved = id
        ? await this.api.updateProject(id, { ...body, version: this.version })
        : await this.api.createProject({
            ...body,
            orgUnitCode: this.unitCode(),
            code: v.code.trim(),
            fiscalYear: this.fiscalYear(),
          });
      await this.router.navigate(['/projects', saved.id]);
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409 && this.editing()) {
        this.stale.set(true);
        return;
      }
      const byCode: Partial<Record<string, Field>> = {
        'project.strategyOutside': 'strategyId',
        'project.kpiOutside': 'kpiIds',
        'project.datesInvalid': 'endDate',
        'conflict.duplicate': 'code',
      };
      const named: Partial<Record<Field, string>> = {};
      for (const d of p.details) {
        if ((FIELDS as readonly string[]).includes(d.field)) named[d.field as Field] = d.messages.join(' ');
      }
      const field = p.code ? byCode[p.code] : undefined;
      if (field && p.message) named[field] = p.message;
      if (p.status === 409 && !this.editing())
        named.code = p.message ?? this.i18n.translate('projectSetup.form.errors.duplicate');
      this.serverErrors.set(named);
      if (Object.keys(named).length) {
        for (const f of Object.keys(named) as Field[]) {
          // mat-error shows only on an invalid control: the server's refusal makes it so until edited.
          this.form.controls[f].setErrors({ server: true });
          this.form.controls[f].markAsTouched();
        }
        queueMicrotask(focusFirstError);
      } else {
        this.formError.set(p.message ?? this.i18n.translate('projectSetup.form.errors.saveFailed'));
      }
    } finally {
      this.busy.set(false);
    }
  }
}

/** Keyboard users land on the first field that needs attention. */
function focusFirstError(): void {
  const el = document.querySelector<HTMLElement>(
    'pd-project-form-page .mat-form-field-invalid input, pd-project-form-page .mat-form-field-invalid mat-select, pd-project-form-page .mat-form-field-invalid textarea',
  );
  el?.focus();
}
