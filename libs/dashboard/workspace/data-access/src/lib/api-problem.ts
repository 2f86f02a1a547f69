import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { ErrorBodyDto } from '@provdash/shared/contracts';
import { localeNumberOrNull, type NumberLocale } from '@provdash/shared/domain';

/**
 * A refused or failed call as the screen needs it: the API's message (already in the reader's
 * language: the auth interceptor sends Accept-Language), its key (`code`, e.g. `result.outlier`)
 * and field details. `status` 0 means no answer came (offline, server down).
 */
export interface ApiProblem {
  status: number;
  code: string | null;
  message: string | null;
  details: { field: string; messages: string[] }[];
}

export function apiProblem(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) return { status: 0, code: null, message: null, details: [] };
  const body = error.error as Partial<ErrorBodyDto> | null;
  const ok = body !== null && typeof body === 'object';
  return {
    status: error.status,
    code: ok && typeof body.code === 'string' ? body.code : null,
    message: ok && typeof body.message === 'string' ? body.message : null,
    details: ok && Array.isArray(body.details) ? body.details : [],
  };
}

/**
 * The API's field details shown on the form's own controls: each field of `fields` it names is
 * marked invalid and touched (mat-error shows only then) until it is edited. Returns the messages
 * by field; an empty result means the refusal named no field of this form.
 */
export function markServerErrors<F extends string>(
  problem: ApiProblem,
  controls: Record<F, AbstractControl>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const d of problem.details) {
    const f = d.field as F;
    if (!fields.includes(f)) continue;
    errors[f] = d.messages.join(' ');
    controls[f].setErrors({ server: true });
    controls[f].markAsTouched();
  }
  return errors;
}

/** What the API's decimal fields take: at most 15 digits before and 6 after the point. */
export const API_DECIMAL_LIMITS = { maxIntegerDigits: 15, maxFractionDigits: 6 } as const;

/**
 * A number typed by a person, read strictly in their locale (`parseLocaleNumber` in the domain
 * library), as the API's decimal text: "1,234.5" is 1234.5; "1,2,3", "1e5", "12%", "" are not
 * numbers. Null when it is not one.
 */
export function toDecimal(text: string | number | null | undefined, locale: NumberLocale = 'th'): string | null {
  return localeNumberOrNull(text, locale, API_DECIMAL_LIMITS);
}
