import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { map } from 'rxjs';
import { KpiSetupApi } from './kpi-setup.api';
import {
  AGGREGATION_KINDS,
  defaultLimitsHint,
  fieldErrorsOf,
  fillForm,
  FREQUENCIES,
  KPI_DIRECTIONS,
  kpiForm,
  type KpiField,
  type Lang,
  ROLLUP_METHODS,
  toKpiBody,
} from './kpi-form.model';

/**
 * Defining or editing a KPI (issue 18.2): every field of the definition, checked here as far as the
 * form can (required, numbers in the reader's locale, band and limits in order, a ratio's parts),
 * the API's refusal shown under the field it names, and a stale save answered with "changed by
 * someone else" and a reload, never an overwrite. Code, direction, frequency and roll-up are fixed
 * once results may depend on them (the API takes them at creation only).
 */
@Component({
  selector: 'pd-kpi-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './kpi-form.html',
  styleUrl: './kpi-form.scss',
})
export class KpiForm {
  readonly goalId = input.required<string>();
  /** The KPI to edit; null defines a new one. */
  readonly kpi = input<KpiDefinitionDto | null>(null);
  readonly people = input<KpiSetupDto['people']>([]);
  readonly saved = output<KpiDefinitionDto>();
  readonly reload = output<void>();
  readonly cancelled = output<void>();

  private readonly api = inject(KpiSetupApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$.pipe(map((l): Lang => (l === 'en' ? 'en' : 'th'))), {
    initialValue: (this.transloco.getActiveLang() === 'en' ? 'en' : 'th') as Lang,
  });

  protected readonly form = kpiForm(() => this.lang());
  protected readonly directions = KPI_DIRECTIONS;
  protected readonly frequencies = FREQUENCIES;
  protected readonly rollups = ROLLUP_METHODS;
  protected readonly aggregations = AGGREGATION_KINDS;

  protected readonly creating = computed(() => this.kpi() === null);
  protected readonly saving = signal(false);
  /** A refusal that names no field: the stale version (with a reload) or another problem. */
  protected readonly banner = signal<{ kind: 'stale' | 'error'; text: string } | null>(null);
  protected readonly serverErrors = signal<Partial<Record<KpiField, string>>>({});
  // The raw value: direction and roll-up are disabled when editing, and still decide what the form asks.
  private readonly values = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly direction = computed(() => this.values().direction);
  protected readonly rollup = computed(() => this.values().rollup);
  /** The limits the unit gives when none is typed: shown as the fields' placeholders. */
  protected readonly limitDefaults = computed(() => {
    const v = this.values();
    return defaultLimitsHint(v.unitTh ?? '', v.unitEn ?? '', v.nameTh ?? '');
  });

  constructor() {
    effect(() => {
      const kpi = this.kpi();
      if (kpi) {
        fillForm(this.form, kpi);
        for (const c of ['code', 'direction', 'frequency', 'rollup', 'ratioMultiplier'] as const)
          this.form.controls[c].disable();
      }
      this.banner.set(null);
      this.serverErrors.set({});
    });
  }

  /** The message under a field: the server's for it, else the first of the form's own checks. */
  protected errorOf(field: KpiField): string {
    const server = this.serverErrors()[field];
    if (server) return server;
    const errors = this.form.controls[field].errors ?? {};
    const key = ['required', 'pattern', 'decimal', 'order', 'maxlength'].find((k) => errors[k]);
    return key ? this.transloco.translate(`kpiSetup.errors.${key}`) : '';
  }

  protected async save(): Promise<void> {
    this.banner.set(null);
    this.clearServerErrors();
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) {
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    const body = toKpiBody(this.form, this.creating(), this.lang());
    const kpi = this.kpi();
    try {
      const saved = kpi
        ? await this.api.update(kpi.id, { ...body, version: kpi.version })
        : await this.api.create(this.goalId(), body);
      this.saved.emit(saved);
    } catch (e) {
      const p = apiProblem(e);
      const fields = fieldErrorsOf(p, Object.keys(this.form.controls));
      if (p.status === 409 && p.code === 'conflict.version') {
        this.banner.set({ kind: 'stale', text: p.message ?? this.transloco.translate('kpiSetup.stale') });
      } else if (Object.keys(fields).length) {
        this.serverErrors.set(fields);
        for (const [f, msg] of Object.entries(fields)) {
          const c = this.form.controls[f as KpiField];
          c.setErrors({ ...(c.errors ?? {}), server: msg });
          c.markAsTouched();
        }
        this.focusFirstInvalid();
      } else {
        this.banner.set({ kind: 'error', text: p.message ?? this.transloco.translate('kpiSetup.offline') });
      }
    } finally {
      this.saving.set(false);
    }
  }

  private clearServerErrors(): void {
    for (const f of Object.keys(this.serverErrors()) as KpiField[]) {
      const c = this.form.controls[f];
      const { server: _s, ...rest } = c.errors ?? {};
      c.setErrors(Object.keys(rest).length ? rest : null);
    }
    this.serverErrors.set({});
    this.form.updateValueAndValidity();
  }

  /** The keyboard user lands on what to fix. */
  private focusFirstInvalid(): void {
    queueMicrotask(() => {
      const el = document.querySelector<HTMLElement>('pd-kpi-form .ng-invalid:not(form) input, pd-kpi-form .ng-invalid:not(form) mat-select, pd-kpi-form input.ng-invalid, pd-kpi-form textarea.ng-invalid');
      el?.focus();
    });
  }
}
