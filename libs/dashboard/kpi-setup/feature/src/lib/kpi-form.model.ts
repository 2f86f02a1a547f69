import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { API_DECIMAL_LIMITS, type ApiProblem, toDecimal } from '@provdash/dashboard/workspace/data-access';
import type { KpiDefinitionDto } from '@provdash/shared/contracts';
import {
  AGGREGATION_KINDS,
  defaultHardLimits,
  FREQUENCIES,
  KPI_DIRECTIONS,
  parseLocaleNumber,
  periodLabel,
  ROLLUP_METHODS,
  type NumberLocale,
} from '@provdash/shared/domain';

export { AGGREGATION_KINDS, FREQUENCIES, KPI_DIRECTIONS, ROLLUP_METHODS };

import type { Lang } from '@provdash/dashboard/shared/i18n';
export type { Lang };

const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** A number typed in the reader's locale ("1,234.5"); empty passes, `required` says the rest. */
export function decimalValidator(locale: () => NumberLocale): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    if (blank(c.value)) return null;
    const r = parseLocaleNumber(c.value, locale(), API_DECIMAL_LIMITS);
    return r.ok ? null : { decimal: true };
  };
}

/** Text that is not only spaces (the API refuses an empty name). */
const filled: ValidatorFn = (c) => (blank(c.value) ? { required: true } : null);

const text = (max: number, required = false) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...(required ? [filled] : [])] });

export function kpiForm(locale: () => NumberLocale) {
  const num = () => new FormControl('', { nonNullable: true, validators: [decimalValidator(locale)] });
  const form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [filled, Validators.pattern(/^[A-Za-z0-9.\-_]{1,32}$/)],
    }),
    nameTh: text(500, true),
    nameEn: text(500, true),
    unitTh: text(50, true),
    unitEn: text(50, true),
    direction: new FormControl<string>('higher_better', { nonNullable: true }),
    bandMin: num(),
    bandMax: num(),
    baselineValue: num(),
    baselineFy: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^\s*(2[4-9]\d\d)?\s*$/)] }),
    frequency: new FormControl<string>('quarterly', { nonNullable: true }),
    rollup: new FormControl<string>('sum', { nonNullable: true }),
    ratioMultiplier: new FormControl('100', { nonNullable: true, validators: [decimalValidator(locale)] }),
    numeratorTh: text(300),
    denominatorTh: text(300),
    aggregation: new FormControl<string>('none', { nonNullable: true }),
    ownerAgencyTh: text(300),
    ownerAgencyEn: text(300),
    ownerUserId: new FormControl<string>('', { nonNullable: true }),
    dataSource: text(300),
    definitionTh: text(8000),
    plausibleMin: num(),
    plausibleMax: num(),
    hardMin: num(),
    hardMax: num(),
  });
  form.addValidators(crossFieldValidator(locale));
  return form;
}

export type KpiForm = ReturnType<typeof kpiForm>;
export type KpiField = keyof KpiForm['controls'];

/**
 * What depends on two fields: a band needs both edges (lower ≤ upper), a ratio says what its two
 * parts count, hard limits in order. The error is put on the field to fix, so it shows beside it.
 */
function crossFieldValidator(locale: () => NumberLocale): ValidatorFn {
  return (g: AbstractControl): ValidationErrors | null => {
    const f = (g as KpiForm).controls;
    const n = (c: FormControl<string>) => (blank(c.value) ? null : Number(toDecimal(c.value, locale())));
    const mark = (c: FormControl<string>, key: string, on: boolean) => {
      const rest = { ...(c.errors ?? {}) };
      delete rest[key];
      c.setErrors(on ? { ...rest, [key]: true } : Object.keys(rest).length ? rest : null);
    };
    const band = f.direction.value === 'band';
    mark(f.bandMin, 'required', band && blank(f.bandMin.value));
    mark(f.bandMax, 'required', band && blank(f.bandMax.value));
    const lo = n(f.bandMin);
    const hi = n(f.bandMax);
    mark(f.bandMax, 'order', band && lo !== null && hi !== null && lo > hi);
    const ratio = f.rollup.value === 'ratio';
    mark(f.numeratorTh, 'required', ratio && blank(f.numeratorTh.value));
    mark(f.denominatorTh, 'required', ratio && blank(f.denominatorTh.value));
    const hmin = n(f.hardMin);
    const hmax = n(f.hardMax);
    mark(f.hardMax, 'order', hmin !== null && hmax !== null && hmin > hmax);
    const pmin = n(f.plausibleMin);
    const pmax = n(f.plausibleMax);
    mark(f.plausibleMax, 'order', pmin !== null && pmax !== null && pmin > pmax);
    return null;
  };
}

/** The form filled from a stored KPI (numbers shown as stored: the API's decimal text). */
export function fillForm(form: KpiForm, kpi: KpiDefinitionDto): void {
  form.reset({
    code: kpi.code,
    nameTh: kpi.nameTh,
    nameEn: kpi.nameEn,
    unitTh: kpi.unitTh,
    unitEn: kpi.unitEn,
    direction: kpi.direction,
    bandMin: kpi.bandMin ?? '',
    bandMax: kpi.bandMax ?? '',
    baselineValue: kpi.baselineValue ?? '',
    baselineFy: kpi.baselineFy === null ? '' : String(kpi.baselineFy),
    frequency: kpi.frequency,
    rollup: kpi.rollup,
    ratioMultiplier: kpi.ratioMultiplier ?? '100',
    numeratorTh: kpi.numeratorTh,
    denominatorTh: kpi.denominatorTh,
    aggregation: kpi.aggregation,
    ownerAgencyTh: kpi.ownerAgencyTh,
    ownerAgencyEn: kpi.ownerAgencyEn,
    ownerUserId: kpi.ownerUserId ?? '',
    dataSource: kpi.dataSource,
    definitionTh: kpi.definitionTh,
    plausibleMin: kpi.plausibleMin ?? '',
    plausibleMax: kpi.plausibleMax ?? '',
    hardMin: kpi.hardMin ?? '',
    hardMax: kpi.hardMax ?? '',
  });
}

/**
 * The API body: numbers as decimal text (null for "none"), and on creation the fields fixed for
 * the KPI's life (code, direction, frequency, roll-up, multiplier). Band edges only for a band KPI.
 */
export function toKpiBody(
  form: KpiForm,
  creating: boolean,
  locale: NumberLocale,
): Record<string, string | number | null> {
  const v = form.getRawValue();
  const dec = (s: string) => (blank(s) ? null : toDecimal(s, locale));
  const body: Record<string, string | number | null> = {
    nameTh: v.nameTh.trim(),
    nameEn: v.nameEn.trim(),
    unitTh: v.unitTh.trim(),
    unitEn: v.unitEn.trim(),
    ownerAgencyTh: v.ownerAgencyTh.trim(),
    ownerAgencyEn: v.ownerAgencyEn.trim(),
    ownerUserId: v.ownerUserId || null,
    dataSource: v.dataSource.trim(),
    definitionTh: v.definitionTh,
    baselineValue: dec(v.baselineValue),
    baselineFy: blank(v.baselineFy) ? null : Number(v.baselineFy),
    plausibleMin: dec(v.plausibleMin),
    plausibleMax: dec(v.plausibleMax),
    hardMin: dec(v.hardMin),
    hardMax: dec(v.hardMax),
    aggregation: v.aggregation,
  };
  if (v.direction === 'band') Object.assign(body, { bandMin: dec(v.bandMin), bandMax: dec(v.bandMax) });
  if (v.rollup === 'ratio')
    Object.assign(body, { numeratorTh: v.numeratorTh.trim(), denominatorTh: v.denominatorTh.trim() });
  if (creating) {
    Object.assign(body, { code: v.code.trim(), direction: v.direction, frequency: v.frequency, rollup: v.rollup });
    if (v.rollup === 'ratio') body['ratioMultiplier'] = dec(v.ratioMultiplier) ?? '100';
  }
  return body;
}

/** The API's refusal keys that belong to one field (the message shows under it). */
const FIELD_OF_KEY: Record<string, KpiField> = {
  'kpi.codeTaken': 'code',
  'kpi.bandRequired': 'bandMin',
  'kpi.hardLimitsInvalid': 'hardMax',
  'kpi.ownerNotInUnit': 'ownerUserId',
};

/**
 * A 4xx as messages per field: the field named by the API's details (a validation error), else the
 * field its key belongs to. What names no field (a stale version, a lost connection) is left for
 * the form's banner.
 */
export function fieldErrorsOf(problem: ApiProblem, fields: readonly string[]): Partial<Record<KpiField, string>> {
  const out: Partial<Record<KpiField, string>> = {};
  for (const d of problem.details) {
    if (fields.includes(d.field)) out[d.field as KpiField] = d.messages.join(' ') || problem.message || '';
  }
  const keyed = problem.code ? FIELD_OF_KEY[problem.code] : undefined;
  if (keyed && !out[keyed]) out[keyed] = problem.message ?? '';
  return out;
}

/** "0 – 100", "0 – none": the limits a KPI gets by its unit when it sets none. */
export function defaultLimitsHint(unitTh: string, unitEn: string, nameTh: string): { min: string; max: string | null } {
  const d = defaultHardLimits({ unitTh, unitEn, nameTh });
  return { min: d.min ?? '', max: d.max };
}

export interface ChartSeries {
  name: string;
  series: { name: string; value: number }[];
}

/**
 * The trajectory as the chart draws it: one point per period typed so far (a period left empty
 * has no point), and the yearly target as a flat line across the year.
 */
export function trajectoryChart(
  periods: readonly string[],
  values: readonly (string | null)[],
  target: string | null,
  lang: Lang,
  names: { trajectory: string; target: string },
): ChartSeries[] {
  const labels = periods.map((p) => periodLabel(p, lang));
  const points = periods
    .map((_, i) => ({ name: labels[i], value: values[i] === null ? NaN : Number(values[i]) }))
    .filter((p) => Number.isFinite(p.value));
  const out: ChartSeries[] = [{ name: names.trajectory, series: points }];
  const t = target === null ? NaN : Number(target);
  if (Number.isFinite(t) && labels.length > 1)
    out.push({ name: names.target, series: labels.map((name) => ({ name, value: t })) });
  return out.filter((s) => s.series.length > 0);
}
