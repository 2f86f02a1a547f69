import type { CompletenessProvinceDto, ReportingCountsDto } from '@provdash/shared/contracts';
import { reportingRates } from '@provdash/shared/domain';

/** The tile's band by completeness: every result in (full), most (≥ 80 %), fewer, or nothing due. */
export type CompletenessBand = 'full' | 'most' | 'few' | 'none';

export function completenessBand(c: ReportingCountsDto): CompletenessBand {
  const { completeness } = reportingRates(c);
  if (completeness === null) return 'none';
  if (completeness >= 100) return 'full';
  return completeness >= 80 ? 'most' : 'few';
}

/** Provinces worst first (lowest completeness, then most late), so the ones to call come first. */
export function byCompleteness(a: CompletenessProvinceDto, b: CompletenessProvinceDto): number {
  const ra = reportingRates(a.counts).completeness ?? 101;
  const rb = reportingRates(b.counts).completeness ?? 101;
  return ra - rb || b.counts.late - a.counts.late || a.code.localeCompare(b.code);
}
