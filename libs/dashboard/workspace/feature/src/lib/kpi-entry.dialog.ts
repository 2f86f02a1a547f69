import { ChangeDetectionStrategy, ChangeDetectorRef, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiProblem, toDecimal, WorkspaceStore } from '@provdash/dashboard/workspace/data-access';
import type { SaveKpiResultDto, WorkspaceKpiDto, WorkspaceKpiEntryDto } from '@provdash/shared/contracts';
import { effectiveHardLimits } from '@provdash/shared/domain';
import { ENTRY_DIALOG_STYLES, EntryActions, EntryDialogResult, EntrySave } from './entry-save';
import { EntryStatus } from './entry-status';
import { formatPeriod, formatValue, injectLang, localName } from './format';
import { decimalValidator, errorOf, httpUrlValidator, positiveValidator } from './validators';

export interface KpiEntryData {
  store: WorkspaceStore;
  kpi: WorkspaceKpiDto;
  entry: WorkspaceKpiEntryDto;
}

/** How the dialog ended: a draft saved, or saved and sent for approval. */

type Field = 'value' | 'numerator' | 'denominator' | 'narrativeTh' | 'evidenceUrl' | 'evidenceTitle';

/** The API's 422 keys that belong to one field of the form (docs/strategy-and-kpis.md, "Entering results"). */
const FIELD_OF_KEY: Record<string, Field> = {
  'result.valueRequired': 'value',
  'result.ratioRequired': 'denominator',
  'result.outlierNote': 'narrativeTh',
  // Impossible values (the KPI's hard limits): under the value, or the numerator of a ratio KPI.
  'result.belowHardMin': 'value',
  'result.aboveHardMax': 'value',
};

/** The body's field names, as the API's validation details name them. */
const FIELD_OF_DETAIL: Record<string, Field> = {
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  narrativeTh: 'narrativeTh',
  evidence: 'evidenceUrl',
};

/**
 * Entering one KPI result: a value (or numerator and denominator for ratio KPIs), the narrative
 * and an evidence link. The form checks what it can; the API checks the rest (period, plausible
 * range) and its message shows under the field it concerns. A value the API calls an outlier
 * must be confirmed, with the narrative explaining it, and is sent again with `confirmOutlier`.
 */
@Component({
  selector: 'pd-kpi-entry-dialog',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
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
      <h2 mat-dialog-title data-testid="entry-title">{{ t('kpiTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="save(false)" novalidate>
        <mat-dialog-content>
          <p class="what">
            <strong>{{ kpi.code }}</strong> {{ name() }}<br />
            <span data-testid="entry-period">{{ periodLabel() }}</span>
            <pd-entry-status [status]="entry.status" [late]="entry.late" />
          </p>
          <p class="hint">
            @if (kpi.target !== null) {
              {{ t('target', { value: fmt(kpi.target), unit: unit() }) }}
            }
            @if (kpi.plausibleMin !== null || kpi.plausibleMax !== null) {
              · {{ t('plausible', { min: fmt(kpi.plausibleMin), max: fmt(kpi.plausibleMax) }) }}
            }
            @if (limits.min !== null || limits.max !== null) {
              ·
              <span data-testid="hard-limits">{{
                limits.min !== null && limits.max !== null
                  ? t('limitsBoth', { min: fmt(limits.min), max: fmt(limits.max) })
                  : limits.min !== null
                    ? t('limitsMin', { min: fmt(limits.min) })
                    : t('limitsMax', { max: fmt(limits.max) })
              }}</span>
            }
          </p>
          @if (entry.status === 'returned' && entry.returnReason) {
            <p class="returned" role="note" data-testid="return-reason">
              {{ t('returnedBecause', { reason: entry.returnReason }) }}
            </p>
          }

          @if (ratio) {
            <div class="pair">
              <mat-form-field>
                <mat-label>{{ t('numerator') }}</mat-label>
                <input
                  matInput
                  formControlName="numerator"
                  inputmode="decimal"
                  autocomplete="off"
                  data-testid="numerator"
                />
                @if (parsed(form.controls.numerator.value); as pn) {
                  <mat-hint data-testid="numerator-parsed">{{ t('parsedAs', { value: fmt(pn), unit: '' }) }}</mat-hint>
                }
                @let en = errorOf(form.controls.numerator);
                <mat-error>{{ en?.key ? (en!.key! | transloco) : en?.text }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('denominator') }}</mat-label>
                <input
                  matInput
                  formControlName="denominator"
                  inputmode="decimal"
                  autocomplete="off"
                  data-testid="denominator"
                />
                @if (parsed(form.controls.denominator.value); as pd) {
                  <mat-hint data-testid="denominator-parsed">{{
                    t('parsedAs', { value: fmt(pd), unit: '' })
                  }}</mat-hint>
                }
                @let ed = errorOf(form.controls.denominator);
                <mat-error>{{ ed?.key ? (ed!.key! | transloco) : ed?.text }}</mat-error>
              </mat-form-field>
            </div>
          } @else {
            <mat-form-field class="wide">
              <mat-label>{{ t('value', { unit: unit() }) }}</mat-label>
              <input matInput formControlName="value" inputmode="decimal" autocomplete="off" data-testid="value" />
              @if (parsed(form.controls.value.value); as pv) {
                <mat-hint data-testid="value-parsed">{{ t('parsedAs', { value: fmt(pv), unit: unit() }) }}</mat-hint>
              } @else {
                <mat-hint>{{ t('valueHint') }}</mat-hint>
              }
              @let ev = errorOf(form.controls.value);
              <mat-error data-testid="value-error">{{ ev?.key ? (ev!.key! | transloco) : ev?.text }}</mat-error>
            </mat-form-field>
          }

          @if (outlier()) {
            <div class="outlier" role="alert" data-testid="outlier">
              <p><span aria-hidden="true">⚠ </span>{{ outlier() }}</p>
              <mat-checkbox formControlName="confirmOutlier" data-testid="confirm-outlier">{{
                t('confirmOutlier')
              }}</mat-checkbox>
            </div>
          }

          <mat-form-field class="wide">
            <mat-label>{{ t('narrative') }}</mat-label>
            <textarea
              matInput
              formControlName="narrativeTh"
              rows="3"
              maxlength="4000"
              data-testid="narrative"
            ></textarea>
            <mat-hint>{{ outlier() ? t('narrativeOutlierHint') : t('narrativeHint') }}</mat-hint>
            @let nt = errorOf(form.controls.narrativeTh);
            <mat-error data-testid="narrative-error">{{ nt?.key ? (nt!.key! | transloco) : nt?.text }}</mat-error>
          </mat-form-field>

          <fieldset class="evidence">
            <legend>{{ t('evidence') }}</legend>
            <mat-form-field class="wide">
              <mat-label>{{ t('evidenceUrl') }}</mat-label>
              <input
                matInput
                type="url"
                formControlName="evidenceUrl"
                autocomplete="url"
                placeholder="https://"
                data-testid="evidence-url"
              />
              @let eu = errorOf(form.controls.evidenceUrl);
              <mat-error>{{ eu?.key ? (eu!.key! | transloco) : eu?.text }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ t('evidenceTitle') }}</mat-label>
              <input matInput formControlName="evidenceTitle" maxlength="300" data-testid="evidence-title" />
            </mat-form-field>
          </fieldset>

          @if (saving.formError(); as error) {
            <p class="error" role="alert" data-testid="form-error">{{ error }}</p>
          }
        </mat-dialog-content>
        <pd-entry-actions [busy]="saving.busy()" (submitNow)="save(true)" />
      </form>
    </ng-container>
  `,
  styles: [
    ENTRY_DIALOG_STYLES,
    `
      .hint {
        color: var(--mat-sys-on-surface-variant);
        font-size: 0.9em;
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        gap: 0 12px;
        mat-form-field {
          flex: 1 1 160px;
        }
      }
      .evidence {
        border: 0;
        padding: 0;
        margin: 8px 0 0;
        legend {
          padding: 0 0 8px;
          font-weight: 500;
        }
      }
      .outlier {
        margin: 0 0 16px;
        padding: 8px 12px;
        border-radius: 8px;
        border: 1px solid #f9a825;
        background: #fff8e1;
        color: #5d4300;
        p {
          margin: 0 0 4px;
        }
      }
    `,
  ],
})
export class KpiEntryDialog {
  private readonly data = inject<KpiEntryData>(MAT_DIALOG_DATA);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = injectLang();

  protected readonly kpi = this.data.kpi;
  protected readonly entry = this.data.entry;
  protected readonly ratio = this.kpi.rollup === 'ratio';
  protected readonly errorOf = errorOf;
  protected readonly fmt = formatValue;
  /** Outside these a value is impossible and the API refuses it (the KPI's own, else the defaults by unit). */
  protected readonly limits = effectiveHardLimits(this.kpi);
  private readonly locale = () => this.lang();

  protected readonly form = new FormGroup({
    value: new FormControl(grouped(this.entry.value), {
      nonNullable: true,
      validators: this.ratio ? [] : [Validators.required, decimalValidator(this.locale)],
    }),
    numerator: new FormControl(grouped(this.entry.numerator), {
      nonNullable: true,
      validators: this.ratio ? [Validators.required, decimalValidator(this.locale)] : [],
    }),
    denominator: new FormControl(grouped(this.entry.denominator), {
      nonNullable: true,
      validators: this.ratio
        ? [Validators.required, decimalValidator(this.locale), positiveValidator(this.locale)]
        : [],
    }),
    narrativeTh: new FormControl(this.entry.narrativeTh, {
      nonNullable: true,
      validators: [Validators.maxLength(4000)],
    }),
    evidenceUrl: new FormControl(this.entry.evidence[0]?.url ?? '', {
      nonNullable: true,
      validators: [httpUrlValidator, Validators.maxLength(1000)],
    }),
    evidenceTitle: new FormControl(this.entry.evidence[0]?.title ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(300)],
    }),
    confirmOutlier: new FormControl(false, { nonNullable: true }),
  });

  /** The API's message when it called the value an outlier; the confirmation shows while it stands. */
  protected readonly outlier = signal<string | null>(null);
  protected readonly saving = new EntrySave(
    this.entry.version ?? undefined,
    inject<MatDialogRef<KpiEntryDialog, EntryDialogResult>>(MatDialogRef),
    inject(ChangeDetectorRef),
  );

  constructor() {
    // A different value is a different question: the outlier confirmation starts over.
    const changes = [this.form.controls.value, this.form.controls.numerator, this.form.controls.denominator].map((c) =>
      c.valueChanges.subscribe(() => {
        if (!this.outlier()) return;
        this.outlier.set(null);
        this.form.controls.confirmOutlier.setValue(false);
      }),
    );
    inject(DestroyRef).onDestroy(() => changes.forEach((s) => s.unsubscribe()));
  }

  /** The number a field will be saved as, shown before saving; null while it is not a number. */
  protected parsed(text: string): string | null {
    return toDecimal(text, this.locale());
  }

  protected name(): string {
    return localName(this.kpi, this.lang());
  }

  protected unit(): string {
    return this.lang() === 'en' ? this.kpi.unitEn || this.kpi.unitTh : this.kpi.unitTh;
  }

  protected periodLabel(): string {
    return formatPeriod(this.entry.period, this.lang());
  }

  /** Saves the draft, and with `submit` sends it for approval too. */
  protected async save(submit: boolean): Promise<void> {
    if (this.saving.busy()) return;
    this.saving.formError.set(null);
    this.form.markAllAsTouched();
    const confirming = this.outlier() !== null && this.form.controls.confirmOutlier.value;
    if (confirming && !this.form.controls.narrativeTh.value.trim()) {
      // The API would refuse it too (result.outlierNote); saying so here spares a round trip.
      this.form.controls.narrativeTh.setErrors({ required: true });
    }
    if (this.form.invalid) return;
    const { store, kpi, entry } = this.data;
    await this.saving.run(submit, {
      save: (version) => store.saveKpiResult(kpi.kpiId, entry.period, this.body(confirming, version)),
      submit: (version) => store.submitKpiResult(kpi.kpiId, entry.period, version),
      show: (problem) => this.show(problem),
    });
  }

  private body(confirming: boolean, version: number | undefined): SaveKpiResultDto {
    const v = this.form.getRawValue();
    const url = v.evidenceUrl.trim();
    const evidence = [
      ...(url ? [{ url, title: v.evidenceTitle.trim() || url }] : []),
      // Links beyond the first (from earlier entries) stay as they were.
      ...this.entry.evidence.slice(1),
    ];
    return {
      ...(this.ratio
        ? {
            numerator: toDecimal(v.numerator, this.locale()) ?? undefined,
            denominator: toDecimal(v.denominator, this.locale()) ?? undefined,
          }
        : { value: toDecimal(v.value, this.locale()) ?? undefined }),
      narrativeTh: v.narrativeTh,
      evidence,
      ...(confirming && { confirmOutlier: true }),
      ...(version !== undefined && { version }),
    };
  }

  private show(problem: ApiProblem): void {
    const message = problem.message ?? null;
    if (problem.code === 'result.outlier') {
      this.outlier.set(message);
      return;
    }
    const key = problem.code ? FIELD_OF_KEY[problem.code] : undefined;
    const field = key === 'value' && this.ratio ? 'numerator' : key;
    if (field && message) return this.fieldError(field, message);
    const details = problem.details.filter((d) => FIELD_OF_DETAIL[d.field.split('.')[0]]);
    if (details.length) {
      for (const d of details) this.fieldError(FIELD_OF_DETAIL[d.field.split('.')[0]], d.messages.join(' '));
      return;
    }
    this.saving.formError.set(message ?? this.transloco.translate('workspace.errors.failed'));
  }

  private fieldError(field: Field, message: string): void {
    const control = this.form.controls[field];
    control.setErrors({ api: message });
    control.markAsTouched();
  }
}

/** A stored decimal as the person reads it: with Thai digit grouping. */
function grouped(value: string | null): string {
  return value === null ? '' : formatValue(value);
}
