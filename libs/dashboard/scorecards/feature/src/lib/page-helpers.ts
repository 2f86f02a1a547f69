import { toSignal } from '@angular/core/rxjs-interop';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { fromEvent, map } from 'rxjs';

/** Defined once in the i18n lib; re-exported so this lib's files keep one import. */
export { injectLang, localName } from '@provdash/dashboard/shared/i18n';

/**
 * The fiscal years the filters offer: this one in Bangkok and the four before it, oldest first, as
 * the public pages offer them. They follow the calendar, as the demo does (it holds the last four).
 */
export function fiscalYearsOnOffer(now = new Date()): number[] {
  const fy = fiscalYearOf(bangkokDateOf(now));
  return [fy - 4, fy - 3, fy - 2, fy - 1, fy];
}

/** The years on offer when the app was loaded. */
export const FISCAL_YEARS: readonly number[] = fiscalYearsOnOffer();

/** This fiscal year in Bangkok, kept within the years on offer. */
export function currentFiscalYear(now = new Date()): number {
  const fy = fiscalYearOf(bangkokDateOf(now));
  return Math.min(Math.max(fy, FISCAL_YEARS[0]), FISCAL_YEARS[FISCAL_YEARS.length - 1]);
}

/** A fiscal year from the URL, or null when it is missing or not one on offer. */
export function parseFiscalYear(text: string | null | undefined): number | null {
  const fy = Number(text);
  return FISCAL_YEARS.includes(fy) ? fy : null;
}

/** A `YYYY-MM-DD` day from the URL, or null. */
export function parseDay(text: string | null | undefined): string | null {
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

/** The window's width, for charts that need a size in pixels. */
export function injectViewportWidth() {
  const width = () => globalThis.innerWidth || 1024;
  return toSignal(fromEvent(globalThis, 'resize').pipe(map(width)), { initialValue: width() });
}
