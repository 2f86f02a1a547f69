import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';

/**
 * The fiscal years the overview's filter offers (as the province view's): this one in Bangkok when
 * the app was loaded and the four before it. They follow the calendar, as the demo does.
 */
export const OVERVIEW_FISCAL_YEARS: readonly number[] = (() => {
  const fy = fiscalYearOf(bangkokDateOf(new Date()));
  return [fy - 4, fy - 3, fy - 2, fy - 1, fy];
})();

/** This fiscal year in Bangkok, kept within the years on offer. */
export function currentOverviewYear(now = new Date()): number {
  const fy = fiscalYearOf(bangkokDateOf(now));
  const years = OVERVIEW_FISCAL_YEARS;
  return Math.min(Math.max(fy, years[0]), years[years.length - 1]);
}

/** The query of the URL (`?fy=2569&asOf=2026-03-31`); what is missing or malformed falls back to today. */
export function overviewQueryOf(fy: string | null | undefined, asOf: string | null | undefined) {
  const year = Number(fy);
  return {
    fiscalYear: OVERVIEW_FISCAL_YEARS.includes(year) ? year : currentOverviewYear(),
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
  };
}
