import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { KpiHistoryChart } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, toDecimal } from '@provdash/dashboard/workspace/data-access';
import type { KpiDefinitionDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, periodLabel, periodsOfYear } from '@provdash/shared/domain';
import { map } from 'rxjs';
import { decimalValidator, type Lang, trajectoryChart } from './kpi-form.model';
import { KpiSetupApi } from './kpi-setup.api';

/**
 * A KPI's target for one fiscal year and, optionally, its trajectory: a target per reporting
 * period of the October fiscal year (B.E. labels), drawn as a small line while it is typed. The
 * yearly row's version guards the save: a stale one is answered with "changed by someone else".
 */
@Component({
  selector: 'pd-target-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
    KpiHistoryChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'kpiSetup.targets'">
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="target-form">
        @if (banner(); as b) {
          <div class="banner" [class.stale]="b.kind === 'stale'" role="alert" data-testid="target-banner">
            <span>{{ b.text }}</span>
            @if (b.kind === 'stale') {
              <button mat-stroked-button type="button" data-testid="target-reload" (click)="reload.emit()">
                {{ t('reload') }}
              </button>
            }
          </div>
        }
        @if (savedNote()) {
          <p class="ok" role="status" data-testid="target-saved">{{ t('saved') }}</p>
        }
        <div class="top">
          <mat-form-field>
            <mat-label>{{ t('year') }}</mat-label>
            <mat-select [value]="year()" (valueChange)="year.set($event)" data-testid="target-year">
              @for (y of years(); track y) {
                <mat-option [value]="y">{{ t('fy', { year: y }) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('yearly', { unit: unit() }) }}</mat-label>
            <input matInput formControlName="target" inputmode="decimal" data-testid="target-yearly" />
            <mat-error>{{ errorOf(form.controls.target) }}</mat-error>
          </mat-form-field>
        </div>
        @if (isDraft()) {
          <p class="draft" data-testid="target-draft">{{ t('draft') }}</p>
        }
        @if (periods().length > 1) {
          <h3>{{ t('trajectory') }}</h3>
          <p class="note">{{ t('trajectoryNote') }}</p>
          <div class="layout">
            <div class="periods" formArrayName="trajectory">
              @for (p of periods(); track p; let i = $index) {
                <mat-form-field>
                  <mat-label>{{ label(p) }}</mat-label>
                  <input
                    matInput
                    [formControlName]="i"
                    inputmode="decimal"
                    [attr.data-testid]="'target-period-' + p"
                  />
                  <mat-error>{{ errorOf(form.controls.trajectory.at(i)) }}</mat-error>
                </mat-form-field>
              }
            </div>
            <div class="chart" data-testid="trajectory-chart">
              @if (chart().length) {
                <pd-kpi-history-chart [series]="chart()" [width]="chartWidth" [height]="220" />
              } @else {
                <p class="note">{{ t('chartEmpty') }}</p>
              }
            </div>
          </div>
        }
        <div class="actions">
          <button mat-flat-button color="primary" type="submit" [disabled]="saving()" data-testid="target-save">
            {{ t('save') }}
          </button>
        </div>
      </form>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
    }
    .top mat-form-field {
      flex: 1 1 200px;
    }
    h3 {
      margin: 8px 0 0;
      font-size: 1rem;
    }
    .layout {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: flex-start;
    }
    .periods {
      flex: 1 1 280px;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
      column-gap: 12px;
    }
    .chart {
      flex: 0 1 340px;
      min-width: 0;
      overflow: hidden;
    }
    .note {
      color: #555;
      font-size: 0.875rem;
      margin: 4px 0 8px;
    }
    .ok {
      color: #1b5e20;
    }
    .draft {
      color: #663c00;
      background: #fff4e5;
      padding: 6px 10px;
      border-radius: 6px;
      display: inline-block;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: #fdecea;
      color: #611a15;
    }
    .banner.stale {
      background: #fff4e5;
      color: #663c00;
    }
  `,
})
export class TargetEditor {
  readonly kpi = input.required<KpiDefinitionDto>();
  readonly saved = output<KpiDefinitionDto>();
  readonly reload = output<void>();

  private readonly api = inject(KpiSetupApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$.pipe(map((l): Lang => (l === 'en' ? 'en' : 'th'))), {
    initialValue: (this.transloco.getActiveLang() === 'en' ? 'en' : 'th') as Lang,
  });
  private readonly locale = () => this.lang();

  protected readonly chartWidth = typeof window !== 'undefined' && window.innerWidth < 480 ? 300 : 340;
  private readonly currentFy = fiscalYearOf(bangkokDateOf(new Date()));
  /** The years with a target, this fiscal year and the next (October comes). */
  protected readonly years = computed(() =>
    [...new Set([...this.kpi().targets.map((t) => t.fiscalYear), this.currentFy, this.currentFy + 1])].sort(),
  );
  protected readonly year = signal(this.currentFy);
  protected readonly periods = computed(() => periodsOfYear(this.year(), this.kpi().frequency));
  protected readonly isDraft = computed(() => this.kpi().targets.find((t) => t.fiscalYear === this.year())?.state === 'draft');
  protected readonly unit = computed(() => (this.lang() === 'en' ? this.kpi().unitEn : this.kpi().unitTh));

  protected readonly form = new FormGroup({
    target: new FormControl('', { nonNullable: true, validators: [Validators.required, decimalValidator(this.locale)] }),
    trajectory: new FormArray<FormControl<string>>([]),
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly saving = signal(false);
  protected readonly savedNote = signal(false);
  protected readonly banner = signal<{ kind: 'stale' | 'error'; text: string } | null>(null);

  /** Redrawn on every keystroke: what the office types is what the chart shows. */
  protected readonly chart = computed(() => {
    const v = this.values();
    const values = (v.trajectory ?? []).map((s) => (s ? toDecimal(s, this.lang()) : null));
    return trajectoryChart(this.periods(), values, v.target ? toDecimal(v.target, this.lang()) : null, this.lang(), {
      trajectory: this.transloco.translate('kpiSetup.targets.trajectory'),
      target: this.transloco.translate('kpiSetup.targets.yearlyLine'),
    });
  });

  constructor() {
    let first = true;
    effect(() => {
      const kpi = this.kpi();
      if (first) {
        // Open on the latest year that has a target, else this fiscal year.
        const latest = kpi.targets[kpi.targets.length - 1]?.fiscalYear;
        if (latest !== undefined && latest >= this.currentFy) this.year.set(latest);
        first = false;
      }
      this.fill(kpi, this.year(), this.periods());
    });
  }

  private fill(kpi: KpiDefinitionDto, fy: number, periods: string[]): void {
    const stored = kpi.targets.find((t) => t.fiscalYear === fy);
    const arr = this.form.controls.trajectory;
    arr.clear({ emitEvent: false });
    for (const p of periods.length > 1 ? periods : []) {
      const value = stored?.trajectory.find((x) => x.period === p)?.target ?? '';
      arr.push(new FormControl(value, { nonNullable: true, validators: [decimalValidator(this.locale)] }), {
        emitEvent: false,
      });
    }
    this.form.controls.target.setValue(stored?.target ?? '');
    this.form.markAsPristine();
    this.banner.set(null);
  }

  protected label(period: string): string {
    return periodLabel(period, this.lang());
  }

  protected errorOf(c: FormControl<string>): string {
    const e = c.errors ?? {};
    if (e['server']) return String(e['server']);
    const key = ['required', 'decimal'].find((k) => e[k]);
    return key ? this.transloco.translate(`kpiSetup.errors.${key}`) : '';
  }

  protected async save(): Promise<void> {
    this.banner.set(null);
    this.savedNote.set(false);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const lang = this.lang();
    const v = this.form.getRawValue();
    const periods = this.periods();
    const trajectory = v.trajectory
      .map((s, i) => ({ period: periods[i], target: s.trim() ? (toDecimal(s, lang) ?? '') : '' }))
      .filter((p) => p.target !== '');
    const fy = this.year();
    const version = this.kpi().targets.find((t) => t.fiscalYear === fy)?.version ?? undefined;
    this.saving.set(true);
    try {
      const kpi = await this.api.setTarget(this.kpi().id, fy, {
        target: toDecimal(v.target, lang) ?? '',
        trajectory,
        ...(version !== null && version !== undefined && { version }),
      });
      this.savedNote.set(true);
      this.saved.emit(kpi);
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409) {
        this.banner.set({ kind: 'stale', text: p.message ?? this.transloco.translate('kpiSetup.stale') });
      } else if (p.details.some((d) => d.field === 'target')) {
        this.form.controls.target.setErrors({ server: p.details.find((d) => d.field === 'target')?.messages.join(' ') });
      } else {
        this.banner.set({ kind: 'error', text: p.message ?? this.transloco.translate('kpiSetup.offline') });
      }
    } finally {
      this.saving.set(false);
    }
  }
}
