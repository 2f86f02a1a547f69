/**
 * Budget disbursement (การเบิกจ่าย) against the cumulative quarterly targets that central staff set
 * per fiscal year and budget type (Cabinet resolutions).
 *
 * Rates are percentages rounded half away from zero to two decimals, computed exactly from integer
 * satang. Provinces are ranked on the rounded rate, so two provinces shown as 71.25 % share a rank
 * even if their unrounded rates differ in the fifth decimal.
 */
import { DateInput } from './iso-date';
import { isPeriodDue } from './fiscal-period';
import { BahtAmount, parseBahtToSatang } from './money';
import { fromInteger, mul, parseDecimal, rational, roundRational, sub, toNumber } from './rational';

/** overall = all budget (ภาพรวม), capital = ลงทุน, current = ประจำ. */
export type BudgetType = 'overall' | 'capital' | 'current';

export const BUDGET_TYPES: readonly BudgetType[] = ['overall', 'capital', 'current'];

export type FiscalQuarter = 'Q1' | 'Q2' | 'Q3' | 'Q4';

export const FISCAL_QUARTERS: readonly FiscalQuarter[] = ['Q1', 'Q2', 'Q3', 'Q4'];

/** Cumulative percent of the allocation to have disbursed by the end of each quarter. */
export type QuarterlyTargets = Readonly<Record<FiscalQuarter, number>>;

/** One fiscal year's targets by budget type. */
export type DisbursementTargets = Readonly<Partial<Record<BudgetType, QuarterlyTargets>>>;

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
