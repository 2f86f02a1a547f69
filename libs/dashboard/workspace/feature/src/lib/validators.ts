import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { toDecimal } from '@provdash/dashboard/workspace/data-access';

const empty = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** A number as the API takes it (grouping commas allowed); empty passes, `required` says the rest. */
export const decimalValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null =>
  empty(c.value) || toDecimal(c.value) !== null ? null : { decimal: true };

/** Above zero: a ratio's denominator. */
export const positiveValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  if (empty(c.value)) return null;
  const d = toDecimal(c.value);
  return d !== null && Number(d) > 0 ? null : { positive: true };
};

/** A percent complete: 0–100 with at most two decimals (numeric(5,2) on the server). */
export const percentValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  if (empty(c.value)) return null;
  const d = toDecimal(c.value);
  if (d === null || !/^\d+(\.\d{1,2})?$/.test(d)) return { percent: true };
  return Number(d) <= 100 ? null : { percent: true };
};

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
  const name = ['required', 'decimal', 'positive', 'percent', 'url', 'maxlength'].find((n) => e[n]) ?? 'invalid';
  return { key: `workspace.errors.${name}`, text: null };
}
