import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { ProjectsApi, targetsUrl, thresholdsUrl } from '@provdash/dashboard/projects/data-access';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { apiProblem, markServerErrors } from '@provdash/dashboard/workspace/data-access';
import type { DisbursementBudgetType, DisbursementTargetDto, KpiStatusThresholdsDto } from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  DISBURSEMENT_BUDGET_TYPES,
  fiscalYearOf,
  parseLocaleNumber,
  validateQuarterlyTargets,
} from '@provdash/shared/domain';

export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
type Quarter = (typeof QUARTERS)[number];
type Lang = 'th' | 'en';

/** A percentage typed in the reader's locale, 0…max, at most two decimals; null when it is not one. */
export function percentOf(text: unknown, lang: Lang, max = 100): number | null {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const r = parseLocaleNumber(String(text), lang, { maxIntegerDigits: 4, maxFractionDigits: 2 });
  if (!r.ok) return null;
  const n = Number(r.value);
  return n >= 0 && n <= max ? n : null;
}

/**
 * The domain's own check (`validateQuarterlyTargets`, the one the API runs): each quarter 0–100,
 * never below the quarter before. Each error sits on its quarter's field; a quarter not yet a
 * number is left to `required` or `range`.
 */
export function targetsValidator(lang: () => Lang) {
  return (g: AbstractControl): ValidationErrors | null => {
    const group = g as FormGroup<Record<Quarter, FormControl<string>>>;
    const values = QUARTERS.map((q) => percentOf(group.controls[q].value, lang(), Infinity));
    const errors = values.every((v) => v !== null)
      ? validateQuarterlyTargets({
          Q1: values[0] as number,
          Q2: values[1] as number,
          Q3: values[2] as number,
          Q4: values[3] as number,
        })
      : [];
    QUARTERS.forEach((q, i) => {
      const c = group.controls[q];
      const own = { ...(c.errors ?? {}) };
      delete own['range'];
      delete own['decreasing'];
      const text = String(c.value ?? '').trim();
      if (text !== '' && values[i] === null) own['range'] = true;
      for (const e of errors.filter((x) => x.quarter === `Q${i + 1}`)) {
        own[e.code === 'TARGETS_DECREASING' ? 'decreasing' : 'range'] = true;
      }
      c.setErrors(Object.keys(own).length ? own : null, { emitEvent: false });
    });
    return null;
  };
}

interface TargetForm {
  type: DisbursementBudgetType;
  form: FormGroup<Record<Quarter, FormControl<string>>>;
  version: number | undefined;
  busy: boolean;
  stale: boolean;
  saved: boolean;
  error: string | null;
  server: Partial<Record<Quarter, string>>;
}

/**
 * `/ministry/year-setup` (central analysts and admins): the Cabinet's cumulative quarterly
 * disbursement targets per budget type for a chosen fiscal year, and the year's KPI status
 * thresholds. Each saves on its own with the version read; what another person saved meanwhile is
 * refused with a reload, never overwritten. Saved settings reach open screens live.
 */
@Component({
  selector: 'pd-year-setup-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './year-setup.page.html',
  styleUrl: './year-setup.page.scss',
})
export class YearSetupPage {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(TranslocoService);
  readonly lang = injectLang();
  readonly quarters = QUARTERS;
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current - 1, this.current, this.current + 1, this.current + 2];
  readonly fiscalYear = signal(this.current);

  readonly targets = httpResource<DisbursementTargetDto[]>(() => targetsUrl(this.fiscalYear()));
  readonly thresholds = httpResource<KpiStatusThresholdsDto>(() => thresholdsUrl(this.fiscalYear()));

  readonly forms = signal<TargetForm[]>(
    DISBURSEMENT_BUDGET_TYPES.map((type) => ({
      type,
      form: new FormGroup(
        {
          q1: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
          q2: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
          q3: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
          q4: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
        },
        { validators: targetsValidator(() => this.lang()) },
      ),
      version: undefined,
      busy: false,
      stale: false,
      saved: false,
      error: null,
      server: {},
    })),
  );

  readonly thresholdForm = new FormGroup({
    green: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    amber: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  readonly thresholdState = signal({
    busy: false,
    stale: false,
    saved: false,
    error: null as string | null,
    server: {} as Record<string, string>,
  });
  private thresholdVersion: number | undefined;

  /** Another analyst's save, heard live: the figures shown reload unless a form has unsaved edits. */
  readonly live = inject(RealtimeService).watch(() => 'national', {
    'target.changed': (e) => {
      if (e.data.kind === 'disbursement-target' && e.data.fiscalYear === this.fiscalYear()) this.targets.reload();
      if (e.data.kind === 'status-thresholds' && e.data.fiscalYear === this.fiscalYear()) this.thresholds.reload();
    },
    refetch: () => {
      this.targets.reload();
      this.thresholds.reload();
    },
  });

  constructor() {
    effect(() => {
      if (!this.targets.hasValue()) return;
      const rows = this.targets.value();
      // Only the answer is a dependency: the forms are written here, not read as a source.
      untracked(() => this.fillTargets(rows));
    });
    effect(() => {
      if (!this.thresholds.hasValue()) return;
      const t = this.thresholds.value();
      untracked(() => this.fillThresholds(t));
    });
  }

  private fillTargets(rows: DisbursementTargetDto[]): void {
    {
      for (const f of this.forms()) {
        const row = rows.find((r) => r.budgetType === f.type);
        if (f.form.dirty && !f.stale) continue;
        f.version = row?.version;
        f.stale = false;
        f.server = {};
        f.form.reset(
          row
            ? { q1: this.num(row.q1), q2: this.num(row.q2), q3: this.num(row.q3), q4: this.num(row.q4) }
            : { q1: '', q2: '', q3: '', q4: '' },
        );
      }
      this.forms.update((x) => [...x]);
    }
  }

  private fillThresholds(t: KpiStatusThresholdsDto): void {
    if (this.thresholdForm.dirty && !this.thresholdState().stale) return;
    this.thresholdVersion = t.version ?? undefined;
    this.thresholdForm.reset({ green: this.num(t.green), amber: this.num(t.amber) });
    this.thresholdState.update((s) => ({ ...s, stale: false, server: {} }));
  }

  private num(n: number): string {
    return String(n);
  }

  chooseYear(fy: number): void {
    for (const f of this.forms()) f.form.markAsPristine();
    this.thresholdForm.markAsPristine();
    this.fiscalYear.set(fy);
  }

  quarterError(f: TargetForm, q: Quarter): string | null {
    if (f.server[q]) return f.server[q] ?? null;
    const c = f.form.controls[q];
    if (!c.errors || !(c.touched || c.dirty)) return null;
    const i = QUARTERS.indexOf(q);
    if (c.errors['required']) return this.i18n.translate('yearSetup.errors.required');
    if (c.errors['range']) return this.i18n.translate('yearSetup.errors.range');
    if (c.errors['decreasing']) return this.i18n.translate('yearSetup.errors.decreasing', { previous: `Q${i}` });
    return c.errors['server'] ? (f.server[q] ?? null) : null;
  }

  async saveTarget(f: TargetForm): Promise<void> {
    if (f.busy) return;
    f.server = {};
    f.error = null;
    f.saved = false;
    f.form.updateValueAndValidity();
    if (f.form.invalid) {
      f.form.markAllAsTouched();
      this.forms.update((x) => [...x]);
      return;
    }
    const v = f.form.getRawValue();
    const lang = this.lang();
    const body = {
      q1: percentOf(v.q1, lang) as number,
      q2: percentOf(v.q2, lang) as number,
      q3: percentOf(v.q3, lang) as number,
      q4: percentOf(v.q4, lang) as number,
      ...(f.version !== undefined && { version: f.version }),
    };
    f.busy = true;
    this.forms.update((x) => [...x]);
    try {
      const saved = await this.api.saveTarget(this.fiscalYear(), f.type, body);
      f.version = saved.version;
      f.saved = true;
      f.form.markAsPristine();
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409) f.stale = true;
      else {
        Object.assign(f.server, markServerErrors(p, f.form.controls, QUARTERS));
        if (!p.details.length) f.error = p.message ?? this.i18n.translate('yearSetup.errors.saveFailed');
      }
    } finally {
      f.busy = false;
      this.forms.update((x) => [...x]);
    }
  }

  reloadTargets(): void {
    for (const f of this.forms()) {
      f.stale = false;
      f.form.markAsPristine();
    }
    this.targets.reload();
  }

  thresholdError(field: 'green' | 'amber'): string | null {
    const server = this.thresholdState().server[field];
    if (server) return server;
    const c = this.thresholdForm.controls[field];
    if (!c.errors || !(c.touched || c.dirty)) return null;
    if (c.errors['required']) return this.i18n.translate('yearSetup.errors.required');
    if (c.errors['threshold']) return this.i18n.translate('yearSetup.errors.threshold');
    if (c.errors['amberAbove']) return this.i18n.translate('yearSetup.errors.amberAbove');
    return null;
  }

  async saveThresholds(): Promise<void> {
    const state = this.thresholdState();
    if (state.busy) return;
    const lang = this.lang();
    const { green: gText, amber: aText } = this.thresholdForm.getRawValue();
    const green = percentOf(gText, lang, 1000);
    const amber = percentOf(aText, lang, 1000);
    if (gText && green === null) this.thresholdForm.controls.green.setErrors({ threshold: true });
    if (aText && amber === null) this.thresholdForm.controls.amber.setErrors({ threshold: true });
    if (green !== null && amber !== null && amber > green)
      this.thresholdForm.controls.amber.setErrors({ amberAbove: true });
    if (this.thresholdForm.invalid || green === null || amber === null) {
      this.thresholdForm.markAllAsTouched();
      this.thresholdState.update((s) => ({ ...s, server: {} }));
      return;
    }
    this.thresholdState.set({ busy: true, stale: false, saved: false, error: null, server: {} });
    try {
      const saved = await this.api.saveThresholds(this.fiscalYear(), {
        green,
        amber,
        ...(this.thresholdVersion !== undefined && { version: this.thresholdVersion }),
      });
      this.thresholdVersion = saved.version ?? undefined;
      this.thresholdForm.markAsPristine();
      this.thresholdState.set({ busy: false, stale: false, saved: true, error: null, server: {} });
    } catch (e) {
      const p = apiProblem(e);
      const server: Record<string, string> = {};
      for (const d of p.details) {
        if (d.field === 'green' || d.field === 'amber') {
          server[d.field] = d.messages.join(' ');
          this.thresholdForm.controls[d.field].setErrors({ server: true });
          this.thresholdForm.controls[d.field].markAsTouched();
        }
      }
      this.thresholdState.set({
        busy: false,
        stale: p.status === 409,
        saved: false,
        error:
          p.status === 409 || p.details.length
            ? null
            : (p.message ?? this.i18n.translate('yearSetup.errors.saveFailed')),
        server,
      });
    }
  }

  reloadThresholds(): void {
    this.thresholdForm.markAsPristine();
    this.thresholdState.update((s) => ({ ...s, stale: true }));
    this.thresholds.reload();
  }

  readonly busyAny = computed(() => this.forms().some((f) => f.busy));
}
