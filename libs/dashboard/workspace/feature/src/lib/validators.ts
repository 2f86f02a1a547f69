import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { API_DECIMAL_LIMITS } from '@provdash/dashboard/workspace/data-access';
import { parseLocaleNumber, type LocaleNumberError, type NumberLocale } from '@provdash/shared/domain';

const empty = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** The translation key (under `workspace.errors`) of each way a typed number can be wrong. */
const NUMBER_ERROR: Record<Exclude<LocaleNumberError, 'empty'>, string> = {
  notANumber: 'decimal',
  grouping: 'grouping',
  tooManyDecimals: 'decimal',
  tooLarge: 'decimal',
};

/** The reader's locale for numbers, read when the control is checked (a language switch applies at once). */
export type LocaleOf = () => NumberLocale;

/**
 * A number as the API takes it, written in the reader's locale: thousands separators only between
 * groups of three ("1,234.5", never "1,2,3"). Empty passes; `required` says the rest. The error
 * says which way it is wrong: `{ grouping: true }` or `{ decimal: true }`.
 */
export function decimalValidator(locale: LocaleOf): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    if (empty(c.value)) return null;
    const r = parseLocaleNumber(c.value, locale(), API_DECIMAL_LIMITS);
    return r.ok ? null : { [NUMBER_ERROR[r.error as Exclude<LocaleNumberError, 'empty'>]]: true };
  };
}

/** Above zero: a ratio's denominator. */
export function positiveValidator(locale: LocaleOf): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    if (empty(c.value)) return null;
    const r = parseLocaleNumber(c.value, locale(), API_DECIMAL_LIMITS);
    return r.ok && Number(r.value) <= 0 ? { positive: true } : null;
  };
}

/** A percent complete: 0–100 with at most two decimals (numeric(5,2) on the server). */
export function percentValidator(locale: LocaleOf): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    if (empty(c.value)) return null;
    const r = parseLocaleNumber(c.value, locale(), { maxIntegerDigits: 3, maxFractionDigits: 2 });
    if (!r.ok) return r.error === 'grouping' ? { grouping: true } : { percent: true };
    return Number(r.value) >= 0 && Number(r.value) <= 100 ? null : { percent: true };
  };
}

/** An evidence link: http(s) only, as the API checks. */
export const httpUrlValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  if (empty(c.value)) return null;
  try {
    const url = new URL(String(c.value).trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') ? null : { url: true };
  } catch {
    return { url: true };
  }
};

/**
 * A control's first error: a translation key for the form's own checks, or the API's own message
 * (already in the reader's language) when the server refused the value.
 */
export function errorOf(c: AbstractControl): { key: string | null; text: string | null } | null {
  const e = c.errors;
  if (!e) return null;
  if (typeof e['api'] === 'string') return { key: null, text: e['api'] };
  const name =
    ['required', 'grouping', 'decimal', 'positive', 'percent', 'url', 'maxlength'].find((n) => e[n]) ?? 'invalid';
  return { key: `workspace.errors.${name}`, text: null };
}
