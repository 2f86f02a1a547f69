/**
 * Hard limits of a KPI (ขีดจำกัดค่าที่เป็นไปไม่ได้): values that cannot be true, refused outright.
 *
 * They are not the plausible range. A value outside the plausible range is unusual and may be
 * saved once confirmed with a note; a value outside the hard limits (negative revenue, a reservoir
 * at 500 % of capacity) is impossible and is never saved.
 *
 * Each KPI may set its own limits. Where it sets none, `defaultHardLimits` derives them from the
 * unit: a share in percent lies in 0–100; a count, an amount, a duration or a score is never
 * negative. A percent *change* (growth) may be negative but never below −100 % and has no upper
 * bound.
 */
import { compare, mul, div, parseDecimal, Rational } from './rational';

/** Decimal strings as the API carries them, or null for "no limit on this side". */
export interface HardLimits {
  min: string | null;
  max: string | null;
}

export interface HardLimitKpi {
  unitTh: string;
  unitEn: string;
  nameTh?: string;
  nameEn?: string;
  /** The KPI's own limits; null (or absent) takes the default by unit on that side. */
  hardMin?: string | null;
  hardMax?: string | null;
}

const PERCENT_UNIT = /ร้อยละ|เปอร์เซ็นต์|%|percent/i;
/** A percent change rather than a share: growth, change, increase, decrease. */
const CHANGE = /ขยายตัว|เปลี่ยนแปลง|เติบโต|เพิ่มขึ้น|ลดลง|growth|change|increase|decrease/i;

/**
 * The two patterns' sources, for PostgreSQL's case-insensitive `~*` where SQL needs a KPI's default
 * limits (the data-quality follow-up): the words are written once, above. A function, not
 * constants: a top-level property read would stay in every bundle that loads this file.
 */
export function hardLimitUnitPatterns(): { percent: string; change: string } {
  return { percent: PERCENT_UNIT.source, change: CHANGE.source };
}

/** True for a unit that measures a share in percent (ร้อยละ, %, percent). */
export function isPercentUnit(kpi: Pick<HardLimitKpi, 'unitTh' | 'unitEn'>): boolean {
  return PERCENT_UNIT.test(kpi.unitTh) || PERCENT_UNIT.test(kpi.unitEn);
}

/**
 * The limits a KPI gets by its unit (and, for percentages, its name):
 *
 * | unit                                  | min  | max  |
 * | ------------------------------------- | ---- | ---- |
 * | ร้อยละ / % (a share)                  | 0    | 100  |
 * | ร้อยละ / % of a change (growth, ขยายตัว) | −100 | none |
 * | anything else (counts, baht, days …)  | 0    | none |
 */
export function defaultHardLimits(kpi: HardLimitKpi): HardLimits {
  if (isPercentUnit(kpi)) {
    const change = [kpi.nameTh, kpi.nameEn, kpi.unitTh, kpi.unitEn].some((t) => t !== undefined && CHANGE.test(t));
    return change ? { min: '-100', max: null } : { min: '0', max: '100' };
  }
  return { min: '0', max: null };
}

/** The limits that apply: the KPI's own on each side where set, else the default by unit. */
export function effectiveHardLimits(kpi: HardLimitKpi): HardLimits {
  const defaults = defaultHardLimits(kpi);
  return {
    min: kpi.hardMin ?? defaults.min,
    max: kpi.hardMax ?? defaults.max,
  };
}

export type HardLimitViolation = { side: 'min'; limit: string } | { side: 'max'; limit: string };

/**
 * Which limit `value` breaks, or null. Exact decimal comparison; both ends are allowed
 * (0 and 100 are valid percentages).
 */
export function checkHardLimits(value: string | number, limits: HardLimits): HardLimitViolation | null {
  return checkRational(parseDecimal(value), limits);
}

/**
 * The same check for a ratio KPI's entry: the rate numerator / denominator × multiplier is what
 * the limits are about (a share above 100 % means more successes than cases). A denominator of 0
 * or below has no rate and is left to the entry's own checks.
 */
export function checkRatioHardLimits(
  numerator: string | number,
  denominator: string | number,
  multiplier: string | number | null,
  limits: HardLimits,
): HardLimitViolation | null {
  const den = parseDecimal(denominator);
  if (den.num <= 0n) return null;
  const rate = mul(div(parseDecimal(numerator), den), parseDecimal(multiplier ?? 1));
  return checkRational(rate, limits);
}

/** Limits are consistent when min ≤ max (either may be absent). */
export function validHardLimits(limits: HardLimits): boolean {
  if (limits.min === null || limits.max === null) return true;
  return compare(parseDecimal(limits.min), parseDecimal(limits.max)) <= 0;
}

function checkRational(v: Rational, limits: HardLimits): HardLimitViolation | null {
  if (limits.min !== null && compare(v, parseDecimal(limits.min)) < 0) return { side: 'min', limit: limits.min };
  if (limits.max !== null && compare(v, parseDecimal(limits.max)) > 0) return { side: 'max', limit: limits.max };
  return null;
}
