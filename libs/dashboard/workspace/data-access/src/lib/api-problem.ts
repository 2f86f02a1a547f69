import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBodyDto } from '@provdash/shared/contracts';

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

/** Decimal as the API takes it: no exponent, at most 15 digits before and 6 after the point. */
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * A number typed by a person, as the API's decimal text: Thai offices type thousands separators
 * ("1,234.5") and spaces; "1e5", "12%", "" are not numbers. Null when it is not one.
 */
export function toDecimal(text: string | number | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const cleaned = String(text).trim().replace(/[,\s]/g, '');
  if (!DECIMAL.test(cleaned)) return null;
  // "007.50" and "-0" are the same numbers written longer: send them short.
  const [int, frac] = cleaned.replace(/^(-?)0+(?=\d)/, '$1').split('.');
  const trimmed = frac?.replace(/0+$/, '');
  const out = trimmed ? `${int}.${trimmed}` : int;
  return out === '-0' ? '0' : out;
}
