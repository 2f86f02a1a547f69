/**
 * Budget disbursement (การเบิกจ่าย) against the cumulative quarterly targets that central staff set
 * per fiscal year and budget type (Cabinet resolutions).
 *
 * Rates are percentages rounded half away from zero to two decimals, computed exactly from integer
 * satang. Provinces are ranked on the rounded rate, so two provinces shown as 71.25 % share a rank
 * even if their unrounded rates differ in the fifth decimal.
 */
import { DateInput, parseIsoDate, toIsoDate } from './iso-date';
import { fiscalYearRange, isPeriodDue, periodRange } from './fiscal-period';
import { BahtAmount, parseBahtToSatang } from './money';
import {
  add,
  div,
  fromInteger,
  mul,
  parseDecimal,
  rational,
  roundRational,
  roundScaled,
  sub,
  toNumber,
} from './rational';
import type { DisbursementBudgetType } from './vocabulary';

export type FiscalQuarter = 'Q1' | 'Q2' | 'Q3' | 'Q4';

export const FISCAL_QUARTERS: readonly FiscalQuarter[] = ['Q1', 'Q2', 'Q3', 'Q4'];

/** Cumulative percent of the allocation to have disbursed by the end of each quarter. */
export type QuarterlyTargets = Readonly<Record<FiscalQuarter, number>>;

/** One fiscal year's targets by budget type. */
export type DisbursementTargets = Readonly<Partial<Record<DisbursementBudgetType, QuarterlyTargets>>>;

export const RATE_DECIMALS = 2;

export interface DisbursementTargetAsOf {
  /** The latest quarter whose end has passed, or `null` before the end of Q1. */
  readonly quarter: FiscalQuarter | null;
  /** Its cumulative target in percent; 0 when no quarter has ended. */
  readonly target: number;
}

export interface DisbursementComparisonInput {
  readonly fiscalYear: number;
  readonly asOf: DateInput;
  readonly allocated: BahtAmount;
  readonly disbursed: BahtAmount;
  readonly committed?: BahtAmount | null;
  readonly targets: QuarterlyTargets;
}

export interface DisbursementComparison {
  /** Percent, two decimals; `null` when nothing is allocated. */
  readonly rate: number | null;
  readonly committedRate: number | null;
  readonly targetQuarter: FiscalQuarter | null;
  readonly target: number;
  /** rate − target in percentage points, two decimals; negative = behind. */
  readonly gap: number | null;
  readonly onTarget: boolean | null;
}

export interface RateRow {
  /** Province (or cluster) code; breaks ties in the listing order. */
  readonly code: string;
  readonly rate: number | null;
}

export type Ranked<T extends RateRow> = T & { readonly rank: number | null };

export type TargetErrorCode = 'TARGET_NOT_FINITE' | 'TARGET_OUT_OF_RANGE' | 'TARGETS_DECREASING';

export interface TargetValidationError {
  readonly code: TargetErrorCode;
  readonly quarter: FiscalQuarter;
}

/** disbursed / allocated in percent, two decimals; `null` when the allocation is 0 (no rate exists). */
export function disbursementRate(disbursed: BahtAmount, allocated: BahtAmount): number | null {
  return rateFromSatang(parseBahtToSatang(disbursed), parseBahtToSatang(allocated));
}

/**
 * committed / allocated in percent, two decimals; `null` when the allocation is 0. `committed` is
 * whatever the caller reports as ก่อหนี้ผูกพัน (GFMIS purchase orders); whether it already
 * includes amounts disbursed is decided where the GFMIS export is read, not here.
 */
export function committedRate(committed: BahtAmount, allocated: BahtAmount): number | null {
  return rateFromSatang(parseBahtToSatang(committed), parseBahtToSatang(allocated));
}

/** part / whole in percent, rounded half away from zero to two decimals; `null` when whole is 0. */
export function rateFromSatang(part: bigint, whole: bigint): number | null {
  if (whole === 0n) {
    return null;
  }
  return toNumber(roundRational(mul(rational(part, whole), fromInteger(100)), RATE_DECIMALS));
}

/**
 * The target that applies on a date: the cumulative target of the latest quarter whose end has
 * passed (step rule). Targets are published per quarter end, and a province is not held to a
 * figure that no resolution states, so there is no interpolation inside a quarter. Before Q1 ends
 * the target is 0; after the fiscal year it stays at Q4.
 */
export function disbursementTargetAsOf(
  targets: QuarterlyTargets,
  fiscalYear: number,
  asOf: DateInput,
): DisbursementTargetAsOf {
  const passed = FISCAL_QUARTERS.filter((quarter) => isPeriodDue(`${fiscalYear}-${quarter}`, asOf));
  if (passed.length === 0) {
    return { quarter: null, target: 0 };
  }
  const quarter = passed[passed.length - 1];
  return { quarter, target: targets[quarter] };
}

/** rate − target in percentage points, two decimals, free of float artefacts (45.67 − 46 = −0.33). */
export function gapPercentagePoints(rate: number | null, target: number): number | null {
  if (rate === null) {
    return null;
  }
  return toNumber(roundRational(sub(parseDecimal(rate), parseDecimal(target)), RATE_DECIMALS));
}

export function compareWithTarget(input: DisbursementComparisonInput): DisbursementComparison {
  const allocated = parseBahtToSatang(input.allocated);
  const rate = rateFromSatang(parseBahtToSatang(input.disbursed), allocated);
  const committed =
    input.committed === null || input.committed === undefined
      ? null
      : rateFromSatang(parseBahtToSatang(input.committed), allocated);
  const { quarter, target } = disbursementTargetAsOf(input.targets, input.fiscalYear, input.asOf);
  const gap = gapPercentagePoints(rate, target);
  return {
    rate,
    committedRate: committed,
    targetQuarter: quarter,
    target,
    gap,
    onTarget: gap === null ? null : gap >= 0,
  };
}

/**
 * Rank by rate, highest first. Equal rates share a rank and the next rank skips ("1, 2, 2, 4",
 * standard competition ranking); ties are listed by code. Rows without a rate come last with rank
 * `null`. The input is not modified.
 */
export function rankByRate<T extends RateRow>(rows: readonly T[]): Ranked<T>[] {
  for (const row of rows) {
    if (row.rate !== null && !Number.isFinite(row.rate)) {
      throw new RangeError(`Rate of ${row.code} is not a finite number: ${row.rate}`);
    }
  }
  const byCode = (a: T, b: T): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const rateOf = (row: T): number => row.rate as number;
  const ordered = rows.filter((row) => row.rate !== null).sort((a, b) => rateOf(b) - rateOf(a) || byCode(a, b));
  let rank = 0;
  const ranked = ordered.map((row, i): Ranked<T> => {
    if (i === 0 || rateOf(row) !== rateOf(ordered[i - 1])) {
      rank = i + 1;
    }
    return { ...row, rank };
  });
  const unrated = rows
    .filter((row) => row.rate === null)
    .sort(byCode)
    .map((row): Ranked<T> => ({ ...row, rank: null }));
  return [...ranked, ...unrated];
}

/** Targets must be finite percentages 0…100 that never decrease from one quarter to the next. */
export function validateQuarterlyTargets(targets: QuarterlyTargets): TargetValidationError[] {
  const errors: TargetValidationError[] = [];
  FISCAL_QUARTERS.forEach((quarter, i) => {
    const value = targets[quarter];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ code: 'TARGET_NOT_FINITE', quarter });
      return;
    }
    if (value < 0 || value > 100) {
      errors.push({ code: 'TARGET_OUT_OF_RANGE', quarter });
    }
    const previous = i > 0 ? targets[FISCAL_QUARTERS[i - 1]] : undefined;
    if (typeof previous === 'number' && Number.isFinite(previous) && value < previous) {
      errors.push({ code: 'TARGETS_DECREASING', quarter });
    }
  });
  return errors;
}

/**
 * How the target moves inside a quarter (a setting): `step` holds the last published quarter-end
 * figure until the next quarter ends (the Cabinet's own reading, {@link disbursementTargetAsOf});
 * `linear` draws a straight line from the previous quarter-end figure (0 on 1 October) to the
 * current quarter's figure on its last day, for a curve on screen or an early warning.
 */
export type TargetInterpolation = 'step' | 'linear';

export const TARGET_INTERPOLATIONS: readonly TargetInterpolation[] = ['step', 'linear'];

const DAY_MS = 86_400_000;

function dayNumber(date: DateInput): number {
  const { year, month, day } = parseIsoDate(date);
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / DAY_MS);
}

/**
 * The cumulative target on a date under either rule. Under `linear` the date counts as a whole day
 * done at its end (on a quarter's last day the full quarter-end figure applies), and the result is
 * rounded to two decimals. Before the fiscal year it is 0; after it, Q4.
 */
export function targetAsOf(
  targets: QuarterlyTargets,
  fiscalYear: number,
  asOf: DateInput,
  interpolation: TargetInterpolation = 'step',
): number {
  if (interpolation === 'step') {
    return disbursementTargetAsOf(targets, fiscalYear, asOf).target;
  }
  const date = toIsoDate(asOf);
  const year = fiscalYearRange(fiscalYear);
  if (date < year.start) return 0;
  if (date >= year.end) return targets.Q4;
  let previous = 0;
  for (const quarter of FISCAL_QUARTERS) {
    const range = periodRange(`${fiscalYear}-${quarter}`);
    if (date <= range.end) {
      const done = dayNumber(date) - dayNumber(range.start) + 1;
      const length = dayNumber(range.end) - dayNumber(range.start) + 1;
      const step = sub(parseDecimal(targets[quarter]), parseDecimal(previous));
      const value = add(parseDecimal(previous), mul(step, rational(BigInt(done), BigInt(length))));
      return toNumber(roundRational(value, RATE_DECIMALS));
    }
    previous = targets[quarter];
  }
  return targets.Q4;
}

/**
 * The gap in baht: disbursed − allocated × target / 100, in satang rounded half away from zero.
 * Negative = that much more had to be disbursed to be on target (the amount to catch up).
 */
export function gapSatang(disbursed: BahtAmount, allocated: BahtAmount, target: number): bigint {
  const expected = mul(rational(parseBahtToSatang(allocated)), div(parseDecimal(target), fromInteger(100)));
  return roundScaled(sub(rational(parseBahtToSatang(disbursed)), expected), 0);
}

export type LapseRiskLevel = 'none' | 'watch' | 'high';

export interface LapseRiskThresholds {
  /** Lag (time elapsed − rate, percentage points) from which a budget is watched. */
  readonly watchLag: number;
  /** Lag from which it is at high risk of lapsing (งบประมาณเสี่ยงตกพับ). */
  readonly highLag: number;
  /** No alarm before this share of the year (percent) has passed: early months say little. */
  readonly minElapsed: number;
}

/** Defaults: watch at 20 points behind time, high at 35, once 8 % of the year has passed (about 30 October). */
export const DEFAULT_LAPSE_THRESHOLDS: LapseRiskThresholds = { watchLag: 20, highLag: 35, minElapsed: 8 };

export interface LapseRisk {
  /** Share of the fiscal year's days that have passed by the end of `asOf`, percent, two decimals. */
  readonly elapsed: number;
  readonly rate: number | null;
  /** elapsed − rate in percentage points; positive = money behind time. */
  readonly lag: number | null;
  readonly level: LapseRiskLevel;
}

/**
 * Lapse risk (ความเสี่ยงเบิกจ่ายไม่ทัน): time runs ahead of money. Budget not disbursed (or, for
 * capital, not at least committed) by 30 September lapses, so a budget whose disbursement rate lags
 * the share of the year elapsed by `highLag` points or more is `high`, by `watchLag` or more `watch`.
 * Committed money counts: a lag measured on the disbursement rate is forgiven down to the committed
 * rate when that is higher, since a signed purchase order is carried over rather than lost. Nothing
 * is flagged before `minElapsed` percent of the year has passed, or without an allocation.
 */
export function lapseRisk(
  input: {
    readonly fiscalYear: number;
    readonly asOf: DateInput;
    readonly allocated: BahtAmount;
    readonly disbursed: BahtAmount;
    readonly committed?: BahtAmount | null;
  },
  thresholds: LapseRiskThresholds = DEFAULT_LAPSE_THRESHOLDS,
): LapseRisk {
  const elapsed = fiscalYearElapsedPercent(input.fiscalYear, input.asOf);
  const allocated = parseBahtToSatang(input.allocated);
  const rate = rateFromSatang(parseBahtToSatang(input.disbursed), allocated);
  const committed =
    input.committed === null || input.committed === undefined
      ? null
      : rateFromSatang(parseBahtToSatang(input.committed), allocated);
  if (rate === null) {
    return { elapsed, rate, lag: null, level: 'none' };
  }
  const covered = committed !== null && committed > rate ? committed : rate;
  const lag = gapPercentagePoints(elapsed, covered) as number;
  const level =
    elapsed < thresholds.minElapsed
      ? 'none'
      : lag >= thresholds.highLag
        ? 'high'
        : lag >= thresholds.watchLag
          ? 'watch'
          : 'none';
  return { elapsed, rate, lag, level };
}

/** Days of the fiscal year passed by the end of `asOf`, in percent (0 before, 100 after), two decimals. */
export function fiscalYearElapsedPercent(fiscalYear: number, asOf: DateInput): number {
  const date = toIsoDate(asOf);
  const year = fiscalYearRange(fiscalYear);
  if (date < year.start) return 0;
  if (date >= year.end) return 100;
  const done = dayNumber(date) - dayNumber(year.start) + 1;
  const length = dayNumber(year.end) - dayNumber(year.start) + 1;
  return toNumber(roundRational(mul(rational(BigInt(done), BigInt(length)), fromInteger(100)), RATE_DECIMALS));
}
