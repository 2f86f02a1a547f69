/**
 * The ministry's data-quality follow-up (issue 22): which of a province's results a central analyst
 * should question, and why. One definition for the SQL that lists the country
 * (apps/api/src/modules/analysis/data-quality-queries.ts) and for the screens and specs that explain it.
 *
 * Only results sent for approval (not in draft) are judged: a draft is the province's work in
 * progress, not yet its word. A result may be several findings at once (an outlier sent late).
 *
 * - `outlier`: a value outside the KPI's plausible range that was saved anyway, confirmed with a
 *   narrative (result entry refuses it otherwise, `isOutsidePlausibleRange` is that same check).
 *   The range is the KPI's own plausible min/max, or, where it sets neither, its approved history
 *   (mean ± 3 standard deviations, from six values on). Ratio KPIs have no plausible range.
 * - `near_limit`: a value (a ratio KPI's rate) inside the hard limits but within 5 % of the width
 *   of the range from one of them (`NEAR_LIMIT_SHARE`). Only where both limits exist: "near" a
 *   one-sided limit (a count that is 0 or more) has no scale, and zero is an ordinary count.
 * - `changed_after_approval`: its value now differs from its value when it was first approved; an
 *   approved result is locked, so only a reopen (approved → returned, with a reason) lets it change.
 * - `late`: first sent for approval after its deadline (`reportingFlags`: late and reported). A
 *   result never sent at all is missing, which the completeness screen counts.
 */
import { compare, div, mul, parseDecimal, Rational, sub } from './rational';
import type { HardLimits } from './kpi-limits';
import { OwedResult, reportingFlags } from './reporting-completeness';
import { RESULT_DEADLINE_DAYS } from './notification-rules';
import type { DataQualityKind } from './vocabulary';

/**
 * "Near a hard limit": within this share of the range's width from a limit. 5 %: on a share in
 * percent (0–100) that is 0–5 and 95–100; wide enough to catch a value typed against a ceiling
 * (100 % of households, 0 complaints), narrow enough that most ordinary values are not listed.
 */
export const NEAR_LIMIT_SHARE = '0.05';

/** A KPI's approved history gives its plausible range: mean ± this many standard deviations… */
export const HISTORY_RANGE_SDS = 3;
/** …once it has at least this many approved values. */
export const HISTORY_RANGE_MIN_VALUES = 6;

/** A plausible range; a side left undefined is open. */
export interface PlausibleRange {
  min?: number;
  max?: number;
}

/** The range a KPI's approved history gives (mean ± 3 SD), or null with fewer than six values. */
export function historyRange(h: { mean: number | null; sd: number | null; n: number }): PlausibleRange | null {
  if (h.n < HISTORY_RANGE_MIN_VALUES || h.mean === null || h.sd === null) return null;
  return { min: h.mean - HISTORY_RANGE_SDS * h.sd, max: h.mean + HISTORY_RANGE_SDS * h.sd };
}

export interface PlausibleKpi {
  plausibleMin: string | null;
  plausibleMax: string | null;
  rollup: string;
}

/**
 * The range an entry is checked against: the KPI's own plausible min/max on each side where set,
 * else its history's (the caller passes history only for a KPI that sets neither). Null for a ratio
 * KPI, whose parts are checked instead, and when nothing bounds it.
 */
export function plausibleRange(kpi: PlausibleKpi, history: PlausibleRange | null): PlausibleRange | null {
  if (kpi.rollup === 'ratio') return null;
  const min = kpi.plausibleMin !== null ? Number(kpi.plausibleMin) : history?.min;
  const max = kpi.plausibleMax !== null ? Number(kpi.plausibleMax) : history?.max;
  if (min === undefined && max === undefined) return null;
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}

/** Whether a value lies outside the range (both ends are plausible): result entry asks to confirm it. */
export function isOutsidePlausibleRange(value: number, range: PlausibleRange | null): boolean {
  if (!range) return false;
  return (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
}

/** The plausible bound a value crosses, or null. */
export function crossedPlausibleBound(
  value: number,
  range: PlausibleRange | null,
): { side: 'min' | 'max'; limit: number } | null {
  if (!range) return null;
  if (range.min !== undefined && value < range.min) return { side: 'min', limit: range.min };
  if (range.max !== undefined && value > range.max) return { side: 'max', limit: range.max };
  return null;
}

/** A confirmed outlier: outside the range and saved with a narrative explaining it. */
export function isConfirmedOutlier(value: number, range: PlausibleRange | null, narrative: string | null): boolean {
  return isOutsidePlausibleRange(value, range) && (narrative ?? '').trim() !== '';
}

/** A result's value, or both parts of a ratio KPI's. */
export interface ResultValues {
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

/**
 * What the hard limits are about: the value, or a ratio KPI's rate numerator / denominator ×
 * multiplier (null without a positive denominator, as `checkRatioHardLimits` leaves it).
 */
export function resultFigure(r: ResultValues, ratio: boolean, multiplier: string | null): Rational | null {
  if (!ratio) return r.value === null ? null : parseDecimal(r.value);
  if (r.numerator === null || r.denominator === null) return null;
  const den = parseDecimal(r.denominator);
  if (den.num <= 0n) return null;
  return mul(div(parseDecimal(r.numerator), den), parseDecimal(multiplier ?? 1));
}

/**
 * The hard limit a value inside the limits is near (within `share` of the range's width), or null;
 * a value equal to a limit is near it. With both equally near (a very narrow range), the lower one.
 */
export function nearHardLimit(
  value: string | Rational,
  limits: HardLimits,
  share: string = NEAR_LIMIT_SHARE,
): { side: 'min' | 'max'; limit: string } | null {
  if (limits.min === null || limits.max === null) return null;
  const v = typeof value === 'string' ? parseDecimal(value) : value;
  const min = parseDecimal(limits.min);
  const max = parseDecimal(limits.max);
  const width = sub(max, min);
  if (compare(width, parseDecimal(0)) <= 0) return null;
  if (compare(v, min) < 0 || compare(v, max) > 0) return null;
  const margin = mul(width, parseDecimal(share));
  if (compare(sub(v, min), margin) <= 0) return { side: 'min', limit: limits.min };
  if (compare(sub(max, v), margin) <= 0) return { side: 'max', limit: limits.max };
  return null;
}

const sameDecimal = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : compare(parseDecimal(a), parseDecimal(b)) === 0;

/**
 * Whether a result's value now differs from its value when first approved (each part of a ratio;
 * compared as numbers, so 10 and 10.0 are the same). Never approved: no.
 */
export function changedSinceApproval(approved: ResultValues | null, now: ResultValues): boolean {
  if (!approved) return false;
  return (
    !sameDecimal(approved.value, now.value) ||
    !sameDecimal(approved.numerator, now.numerator) ||
    !sameDecimal(approved.denominator, now.denominator)
  );
}

/** First sent after its deadline: late and yet reported (`reportingFlags`), judged on `asOf`. */
export function isLateSubmission(r: OwedResult, asOf: string, deadlineDays = RESULT_DEADLINE_DAYS): boolean {
  const f = reportingFlags(r, asOf, deadlineDays);
  return f.late && f.reported;
}

/** Everything the four rules need to know about one result. */
export interface QualityInput extends ResultValues {
  period: string;
  status: OwedResult['status'];
  firstSubmittedOn: string | null;
  narrative: string | null;
  ratio: boolean;
  multiplier: string | null;
  /** The KPI's plausible range (`plausibleRange`). */
  plausible: PlausibleRange | null;
  /** The KPI's effective hard limits (`effectiveHardLimits`). */
  hardLimits: HardLimits;
  /** Its values when first approved; null if it never was. */
  approved: ResultValues | null;
}

/** The findings one result is, in the vocabulary's order; none for a draft. */
export function classifyResult(r: QualityInput, asOf: string, deadlineDays = RESULT_DEADLINE_DAYS): DataQualityKind[] {
  if (r.status === null || r.status === 'draft') return [];
  const kinds: DataQualityKind[] = [];
  if (!r.ratio && r.value !== null && isConfirmedOutlier(Number(r.value), r.plausible, r.narrative))
    kinds.push('outlier');
  const figure = resultFigure(r, r.ratio, r.multiplier);
  if (figure && nearHardLimit(figure, r.hardLimits)) kinds.push('near_limit');
  if (changedSinceApproval(r.approved, r)) kinds.push('changed_after_approval');
  if (isLateSubmission(r, asOf, deadlineDays)) kinds.push('late');
  return kinds;
}

/** Counts of findings by kind. */
export type QualityCounts = Record<DataQualityKind, number>;

export const NO_FINDINGS: QualityCounts = { outlier: 0, near_limit: 0, changed_after_approval: 0, late: 0 };

export function countFindings(kinds: readonly DataQualityKind[]): QualityCounts {
  const c = { ...NO_FINDINGS };
  for (const k of kinds) c[k]++;
  return c;
}
