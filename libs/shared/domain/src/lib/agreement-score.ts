/**
 * Performance agreement (คำรับรองการปฏิบัติราชการ) scoring.
 *
 * Each indicator has a weight and five criterion values v1…v5 (level 3 is normally the target).
 * Scores are computed as exact fractions and rounded once, at the end, half away from zero to four
 * decimals, so the published figure is the one a person gets by hand and no binary artefact (a
 * 3.76505 stored as 3.7650499999…) flips the last digit.
 */
import {
  Rational,
  ZERO,
  add,
  compare,
  decimalPlaces,
  div,
  fromInteger,
  isZero,
  mul,
  parseDecimal,
  sub,
  sum,
  toFixedString,
  toNumber,
} from './rational';

/** Lower-is-better indicators have descending criterion values (e.g. days to issue a permit). */
export type AgreementDirection = 'higher_better' | 'lower_better';

/** `milestone`: the criterion values are steps of a process; only whole steps count. */
export type IndicatorKind = 'scale' | 'milestone';

export interface IndicatorRule {
  /** v1…v5, exactly five values, strictly monotonic in the direction. */
  readonly levels: readonly number[];
  readonly direction: AgreementDirection;
  /** Default `scale`. */
  readonly kind?: IndicatorKind;
}

export interface AgreementIndicator extends IndicatorRule {
  /** Percent of the agreement; up to two decimals. */
  readonly weight: number;
  /** The result; `null` when there is none yet. */
  readonly actual: number | null;
}

/**
 * What an indicator without a result contributes:
 * - `zero`: scores 0 and keeps its weight. Right for official 6- and 12-month rounds, where a
 *   missing result is a failure to deliver, and the default.
 * - `exclude`: leaves the weighted mean, which is re-normalised over the indicators that have a
 *   result. Suits a live, mid-year view where most results are simply not due.
 */
export type MissingResultPolicy = 'zero' | 'exclude';

export interface AgreementScoreOptions {
  readonly missingResult?: MissingResultPolicy;
}

export interface IndicatorScoreLine {
  /** 0…5, or `null` when the indicator has no result. */
  readonly score: number | null;
  /** Whether its weight is in the denominator. */
  readonly counted: boolean;
}

export interface AgreementScoreResult {
  /** Σ wᵢ·sᵢ / Σ wᵢ as the nearest double, `null` when no weight is counted. */
  readonly score: number | null;
  /** The score rounded half away from zero to four decimals, e.g. "3.7650". */
  readonly formatted: string | null;
  readonly indicators: readonly IndicatorScoreLine[];
  readonly countedWeight: number;
}

export type LevelErrorCode =
  | 'LEVELS_COUNT'
  | 'LEVEL_NOT_FINITE'
  | 'LEVELS_NOT_ASCENDING'
  | 'LEVELS_NOT_DESCENDING'
  | 'UNKNOWN_DIRECTION'
  | 'UNKNOWN_KIND';

export type AgreementErrorCode =
  | LevelErrorCode
  | 'NO_INDICATORS'
  | 'WEIGHT_NOT_FINITE'
  | 'WEIGHT_NOT_POSITIVE'
  | 'WEIGHT_TOO_MANY_DECIMALS'
  | 'WEIGHTS_SUM_NOT_100';

export interface AgreementValidationError {
  readonly code: AgreementErrorCode;
  /** Index of the indicator at fault; absent for errors about the whole agreement. */
  readonly indicator?: number;
}

export const AGREEMENT_LEVEL_COUNT = 5;
export const AGREEMENT_SCORE_DECIMALS = 4;
/** Screens show a score to two decimals; the exact four-decimal value is for the official record (PDF, rounds). */
export const AGREEMENT_SCORE_SCREEN_DECIMALS = 2;
export const MAX_WEIGHT_DECIMALS = 2;
export const AGREEMENT_TOTAL_WEIGHT = 100;

/** Problems with one indicator's criterion values; empty when they are usable. */
export function validateCriterionLevels(rule: IndicatorRule): LevelErrorCode[] {
  const errors: LevelErrorCode[] = [];
  const { levels, direction } = rule;
  const kind = rule.kind ?? 'scale';
  if (direction !== 'higher_better' && direction !== 'lower_better') {
    errors.push('UNKNOWN_DIRECTION');
  }
  if (kind !== 'scale' && kind !== 'milestone') {
    errors.push('UNKNOWN_KIND');
  }
  if (!Array.isArray(levels) || levels.length !== AGREEMENT_LEVEL_COUNT) {
    errors.push('LEVELS_COUNT');
    return errors;
  }
  if (!levels.every((level) => typeof level === 'number' && Number.isFinite(level))) {
    errors.push('LEVEL_NOT_FINITE');
    return errors;
  }
  const ascending = levels.every((level, i) => i === 0 || levels[i - 1] < level);
  const descending = levels.every((level, i) => i === 0 || levels[i - 1] > level);
  if (direction === 'higher_better' && !ascending) {
    errors.push('LEVELS_NOT_ASCENDING');
  }
  if (direction === 'lower_better' && !descending) {
    errors.push('LEVELS_NOT_DESCENDING');
  }
  return errors;
}

/**
 * Whether weights add up to exactly 100, compared as exact decimals: 14.46 + 49.59 + 35.95 is
 * 100, although the same sum in floating point is 100.00000000000001.
 */
export function weightsSumTo100(weights: readonly number[]): boolean {
  return (
    weights.every((weight) => Number.isFinite(weight)) &&
    compare(sum(weights.map((weight) => parseDecimal(weight))), fromInteger(AGREEMENT_TOTAL_WEIGHT)) === 0
  );
}

/** All problems with an agreement's indicators and weights. Never throws; empty when valid. */
export function validateAgreement(
  indicators: readonly (IndicatorRule & { readonly weight: number })[],
): AgreementValidationError[] {
  if (indicators.length === 0) {
    return [{ code: 'NO_INDICATORS' }];
  }
  const errors: AgreementValidationError[] = [];
  indicators.forEach((indicator, index) => {
    for (const code of validateCriterionLevels(indicator)) {
      errors.push({ code, indicator: index });
    }
    const { weight } = indicator;
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      errors.push({ code: 'WEIGHT_NOT_FINITE', indicator: index });
      return;
    }
    if (weight <= 0) {
      errors.push({ code: 'WEIGHT_NOT_POSITIVE', indicator: index });
    }
    if (decimalPlaces(weight) > MAX_WEIGHT_DECIMALS) {
      errors.push({ code: 'WEIGHT_TOO_MANY_DECIMALS', indicator: index });
    }
  });
  const weights = indicators.map((indicator) => indicator.weight);
  if (weights.every((weight) => typeof weight === 'number' && Number.isFinite(weight)) && !weightsSumTo100(weights)) {
    errors.push({ code: 'WEIGHTS_SUM_NOT_100' });
  }
  return errors;
}

/**
 * Score of one indicator, 0…5.
 *
 * Higher is better (v1 < … < v5): x < v1 → 0; x ≥ v5 → 5; vᵢ ≤ x < vᵢ₊₁ → i + (x − vᵢ)/(vᵢ₊₁ − vᵢ).
 * Lower is better (v1 > … > v5): the mirror image: x > v1 → 0; x ≤ v5 → 5; vᵢ ≥ x > vᵢ₊₁ → the same
 * formula, whose numerator and denominator are then both negative.
 * Milestone: the highest level reached, an integer.
 *
 * Throws a RangeError on criterion values that {@link validateCriterionLevels} rejects.
 */
export function indicatorScore(rule: IndicatorRule, actual: number): number {
  return toNumber(indicatorScoreExact(rule, actual));
}

/**
 * Σ wᵢ·sᵢ / Σ wᵢ over the counted indicators. Weights that do not sum to 100 are not refused here
 * (dividing by Σ wᵢ normalises them); {@link validateAgreement} reports them.
 */
export function agreementScore(
  indicators: readonly AgreementIndicator[],
  options: AgreementScoreOptions = {},
): AgreementScoreResult {
  const policy = options.missingResult ?? 'zero';
  let weighted = ZERO;
  let countedWeight = ZERO;
  const lines = indicators.map((indicator): IndicatorScoreLine => {
    const weight = parseDecimal(indicator.weight);
    const hasResult = indicator.actual !== null && indicator.actual !== undefined;
    const score = hasResult ? indicatorScoreExact(indicator, indicator.actual as number) : null;
    const counted = hasResult || policy === 'zero';
    if (counted) {
      countedWeight = add(countedWeight, weight);
      weighted = add(weighted, mul(weight, score ?? ZERO));
    }
    return { score: score === null ? null : toNumber(score), counted };
  });
  if (isZero(countedWeight)) {
    return {
      score: null,
      formatted: null,
      indicators: lines,
      countedWeight: 0,
    };
  }
  const total = div(weighted, countedWeight);
  return {
    score: toNumber(total),
    formatted: toFixedString(total, AGREEMENT_SCORE_DECIMALS),
    indicators: lines,
    countedWeight: toNumber(countedWeight),
  };
}

/** Four-decimal text of a score, rounded half away from zero on its decimal value: 3.76505 → "3.7651". */
export function formatAgreementScore(score: number | string): string {
  return toFixedString(parseDecimal(score), AGREEMENT_SCORE_DECIMALS);
}

/**
 * Two-decimal text of a score for screens, rounded half away from zero on its decimal value:
 * 1.3585 → "1.36", 3.765 → "3.77", 3.7649 → "3.76". Round from the score itself, never from its
 * four-decimal text (1.124999 → "1.12", though its four-decimal text "1.1250" would give "1.13").
 */
export function formatAgreementScoreShort(score: number | string): string {
  return toFixedString(parseDecimal(score), AGREEMENT_SCORE_SCREEN_DECIMALS);
}

function indicatorScoreExact(rule: IndicatorRule, actual: number): Rational {
  const errors = validateCriterionLevels(rule);
  if (errors.length > 0) {
    throw new RangeError(`Invalid criterion values (${errors.join(', ')}): ${JSON.stringify(rule.levels)}`);
  }
  const x = parseDecimal(actual);
  const levels = rule.levels.map((level) => parseDecimal(level));
  const reached = (level: Rational): boolean =>
    rule.direction === 'higher_better' ? compare(x, level) >= 0 : compare(x, level) <= 0;
  // Levels are strictly monotonic, so the levels reached form a prefix v1…v_k.
  const k = levels.filter(reached).length;
  if (k === 0 || k === AGREEMENT_LEVEL_COUNT || rule.kind === 'milestone') {
    return fromInteger(k);
  }
  const lower = levels[k - 1];
  const upper = levels[k];
  return add(fromInteger(k), div(sub(x, lower), sub(upper, lower)));
}
