/**
 * The KPI traffic light: the rolled-up actual compared with the target expected by now.
 *
 * Achievements are computed as exact fractions so that a result of exactly 80 % of the expected
 * value is amber, never a 79.99999999999999 % red.
 */
import { addDays, DateInput, toIsoDate } from './iso-date';
import {
  formatPeriod,
  isPeriodDue,
  periodContaining,
  periodRange,
  periodsDueBy,
  periodsPerYear,
  toFiscalPeriod,
} from './fiscal-period';
import { RollupEntry, RollupMethod, hasRollupValue, isAdditive, rollUpExact } from './kpi-rollup';
import { Rational, compare, div, fromInteger, mul, parseDecimal, sign, toNumber } from './rational';
import type { Frequency, KpiStatusName } from './vocabulary';

/** `band`: the actual should lie within [min, max] (e.g. a price index between 1 % and 3 %). */
export type KpiDirection = 'higher_better' | 'lower_better' | 'band';

export const KPI_DIRECTIONS: readonly KpiDirection[] = ['higher_better', 'lower_better', 'band'];

/**
 * - `grey`: a period is due and its approved result is missing.
 * - `none`: nothing to judge: no period due yet, no target set, or a ratio whose denominator is 0.
 */

/** Lower bounds, in percent of achievement. */
export interface StatusThresholds {
  readonly green: number;
  readonly amber: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = {
  green: 100,
  amber: 80,
};

export interface TargetBand {
  readonly min: number;
  readonly max: number;
}

export interface TrajectoryPoint {
  /** Period key, e.g. "2569-Q2". It need not have the KPI's reporting frequency. */
  readonly period: string;
  /** The target for this period alone (not cumulative) for `sum` KPIs; the level to reach otherwise. */
  readonly target: number | null;
}

export interface ExpectedTargetInput {
  readonly fiscalYear: number;
  readonly frequency: Frequency;
  readonly rollup: RollupMethod;
  readonly yearlyTarget: number | null;
  readonly trajectory?: readonly TrajectoryPoint[] | null;
  readonly asOf: DateInput;
}

export interface ExpectedBandInput {
  readonly fiscalYear: number;
  readonly frequency: Frequency;
  readonly rollup: RollupMethod;
  readonly band: TargetBand | null;
  readonly asOf: DateInput;
}

export interface KpiStatusInput {
  readonly fiscalYear: number;
  readonly frequency: Frequency;
  readonly rollup: RollupMethod;
  readonly direction: KpiDirection;
  /** For higher_better / lower_better. */
  readonly yearlyTarget?: number | null;
  /** For band KPIs. */
  readonly band?: TargetBand | null;
  /** For higher_better / lower_better; band KPIs ignore it. */
  readonly trajectory?: readonly TrajectoryPoint[] | null;
  /** Approved results only; keys at the KPI's reporting frequency. Drafts must not be passed. */
  readonly results: readonly RollupEntry[];
  readonly asOf: DateInput;
  readonly thresholds?: Partial<StatusThresholds>;
  /** Multiplier for ratio roll-ups (100 for percent). */
  readonly ratioMultiplier?: number;
  /**
   * Default false: grey only when the latest due period has no approved result, because the light
   * describes where the KPI stands now. True: grey when any due period lacks one.
   */
  readonly greyWhenAnyMissing?: boolean;
  /**
   * Default true: an approved result for the running period counts early (screens). False: due
   * periods only, for official figures such as the agreement's indicator actuals.
   */
  readonly countEarly?: boolean;
}

export interface KpiStatusEvaluation {
  readonly status: KpiStatusName;
  /** Roll-up of the approved results of the due periods. */
  readonly actual: number | null;
  /** Expected value by now (higher_better / lower_better). */
  readonly expected: number | null;
  /** Expected band by now (band KPIs). */
  readonly expectedBand: TargetBand | null;
  /** Percent; `null` when undefined (see {@link achievementPercent}). Not rounded. */
  readonly achievement: number | null;
  readonly latestDuePeriod: string | null;
  /** Due periods without an approved result, chronological. */
  readonly missingPeriods: readonly string[];
  /**
   * The running period when it already has an approved result (at most one): it counts early,
   * and the actual and the expected value both include it. Null otherwise.
   */
  readonly earlyPeriod: string | null;
}

/**
 * The target expected as of a date, or `null` when no period is due or no target exists.
 *
 * 1. A trajectory with at least one due point wins: `sum` KPIs expect the sum of the due points
 *    (trajectory targets are per period, the actual is cumulative); other KPIs expect the latest
 *    due point.
 * 2. Otherwise `sum` KPIs expect the yearly target × (due periods / periods in the year).
 * 3. Otherwise the yearly target itself: an average, a last value or a ratio does not grow with
 *    time, so it is judged against the full-year level from the first period.
 */
export function expectedTargetAsOf(input: ExpectedTargetInput): number | null {
  const exact = expectedTargetExact(input);
  return exact === null ? null : toNumber(exact);
}

/**
 * The band expected as of a date. Trajectories do not apply to bands. For a `sum` KPI both bounds
 * are pro-rated like a yearly target; otherwise the yearly band applies as it is.
 */
export function expectedBandAsOf(input: ExpectedBandInput): TargetBand | null {
  const exact = expectedBandExact(input);
  return exact === null ? null : { min: toNumber(exact.min), max: toNumber(exact.max) };
}

/**
 * Achievement in percent: actual/expected × 100 (higher is better) or expected/actual × 100 (lower
 * is better). A quotient is only meaningful with a positive divisor and values on the same side
 * of zero, so it is `null`:
 * - higher_better when expected ≤ 0 (a target of 0 is met by any actual ≥ 0, by how much is
 *   undefined);
 * - lower_better when actual ≤ 0 or expected < 0 (an actual of 0 beats every target; the quotient
 *   would be infinite).
 * In those cases {@link meetsTarget} decides between green and red.
 */
export function achievementPercent(
  actual: number,
  expected: number,
  direction: 'higher_better' | 'lower_better',
): number | null {
  const exact = achievementExact(parseDecimal(actual), parseDecimal(expected), direction);
  return exact === null ? null : toNumber(exact);
}

/**
 * Achievement against a band, in percent:
 * - inside [min, max], ends included: 100;
 * - below min: actual/min × 100, the higher-is-better rule towards the lower bound;
 * - above max: max/actual × 100, the lower-is-better rule towards the upper bound.
 * So 10 % outside either bound scores about 90 %, and amber/red follow from the usual thresholds.
 * `null` outside the band when the quotient is undefined (min ≤ 0 below it, max < 0 above it);
 * the KPI is then red.
 */
export function bandAchievementPercent(actual: number, band: TargetBand): number | null {
  assertBand(band);
  const exact = bandAchievementExact(parseDecimal(actual), {
    min: parseDecimal(band.min),
    max: parseDecimal(band.max),
  });
  return exact === null ? null : toNumber(exact);
}

/** Whether the actual meets the expected value outright, used when achievement is undefined. */
export function meetsTarget(actual: number, expected: number, direction: 'higher_better' | 'lower_better'): boolean {
  return meetsTargetExact(parseDecimal(actual), parseDecimal(expected), direction);
}

/** The colour for an achievement in percent; ≥ green → green, ≥ amber → amber, else red. */
export function statusFromAchievement(
  achievement: number,
  thresholds: Partial<StatusThresholds> = {},
): 'green' | 'amber' | 'red' {
  return colourOf(parseDecimal(achievement), resolveThresholds(thresholds));
}

/**
 * The traffic light for a KPI as of a date. Order of the checks:
 * no period due → `none`; latest due period (or, with `greyWhenAnyMissing`, any due period)
 * without an approved result → `grey`; no target, or an undefined ratio → `none`; otherwise the
 * achievement against the thresholds. Results for periods not yet due are not counted: the actual
 * and the expected value always cover the same periods.
 */
export function evaluateKpiStatus(input: KpiStatusInput): KpiStatusEvaluation {
  const thresholds = resolveThresholds(input.thresholds ?? {});
  const today = toIsoDate(input.asOf);
  // An approved result for the running period counts before the period is formally due: the KPI
  // is then judged as on the day after that period ends (its expected value includes it too).
  const earlyPeriod = input.countEarly === false ? null : runningPeriodReported(input, today);
  const asOf = earlyPeriod === null ? today : addDays(periodRange(earlyPeriod).end, 1);
  const due = duePeriods(input.fiscalYear, input.frequency, asOf);
  const latestDuePeriod = due.length > 0 ? due[due.length - 1] : null;

  const dueSet = dueSetOf(due);
  // A key found in the due set is already canonical: formatting it again (a parse per result,
  // hundreds of KPIs per screen) would return it unchanged.
  const keyOf = (period: KpiStatusInput['results'][number]['period']) =>
    typeof period === 'string' && dueSet.has(period) ? period : formatPeriod(period);
  const dueResults = input.results.filter(
    (entry) => dueSet.has(keyOf(entry.period)) && hasRollupValue(entry, input.rollup),
  );
  const reported = new Set(dueResults.map((entry) => keyOf(entry.period)));
  const missingPeriods = due.filter((key) => !reported.has(key));

  const actualExact = rollUpExact(input.rollup, dueResults, {
    multiplier: input.ratioMultiplier,
  });
  const isBand = input.direction === 'band';
  const expectedExact = isBand
    ? null
    : expectedTargetExact({
        fiscalYear: input.fiscalYear,
        frequency: input.frequency,
        rollup: input.rollup,
        yearlyTarget: input.yearlyTarget ?? null,
        trajectory: input.trajectory,
        asOf,
      });
  const bandExact = isBand
    ? expectedBandExact({
        fiscalYear: input.fiscalYear,
        frequency: input.frequency,
        rollup: input.rollup,
        band: input.band ?? null,
        asOf,
      })
    : null;

  const base = {
    actual: actualExact === null ? null : toNumber(actualExact),
    expected: expectedExact === null ? null : toNumber(expectedExact),
    expectedBand: bandExact === null ? null : { min: toNumber(bandExact.min), max: toNumber(bandExact.max) },
    latestDuePeriod: earlyPeriod === null ? latestDuePeriod : (due[due.length - 2] ?? null),
    missingPeriods,
    earlyPeriod,
  };

  if (latestDuePeriod === null) {
    return { ...base, status: 'none', achievement: null };
  }
  const isMissing = input.greyWhenAnyMissing ? missingPeriods.length > 0 : missingPeriods.includes(latestDuePeriod);
  if (isMissing) {
    return { ...base, status: 'grey', achievement: null };
  }
  if (actualExact === null) {
    return { ...base, status: 'none', achievement: null };
  }

  if (input.direction === 'band') {
    if (bandExact === null) {
      return { ...base, status: 'none', achievement: null };
    }
    const achievement = bandAchievementExact(actualExact, bandExact);
    return {
      ...base,
      status: achievement === null ? 'red' : colourOf(achievement, thresholds),
      achievement: achievement === null ? null : toNumber(achievement),
    };
  }

  if (expectedExact === null) {
    return { ...base, status: 'none', achievement: null };
  }
  const achievement = achievementExact(actualExact, expectedExact, input.direction);
  if (achievement === null) {
    const met = meetsTargetExact(actualExact, expectedExact, input.direction);
    return { ...base, status: met ? 'green' : 'red', achievement: null };
  }
  return {
    ...base,
    status: colourOf(achievement, thresholds),
    achievement: toNumber(achievement),
  };
}

/**
 * The period of the fiscal year running on `asOf` (started, not yet ended), when an approved
 * result with a value for it was passed in; otherwise null.
 */
function runningPeriodReported(input: KpiStatusInput, asOf: string): string | null {
  const running = periodContaining(asOf, input.frequency);
  if (toFiscalPeriod(running).fiscalYear !== input.fiscalYear) return null;
  const reported = input.results.some(
    (entry) => formatPeriod(entry.period) === running && hasRollupValue(entry, input.rollup),
  );
  return reported ? running : null;
}

/**
 * The due periods of a (fiscal year, frequency, as-of day): a screen evaluates hundreds of KPIs
 * against the same few combinations, so they are computed once. Never mutated by the callers here.
 */
const DUE = new Map<string, readonly string[]>();
const DUE_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

function duePeriods(fiscalYear: number, frequency: Frequency, asOf: DateInput): readonly string[] {
  const key = `${fiscalYear}|${frequency}|${typeof asOf === 'string' ? asOf : toIsoDate(asOf)}`;
  const known = DUE.get(key);
  if (known) return known;
  const due = Object.freeze(periodsDueBy(fiscalYear, frequency, asOf));
  if (DUE.size >= 1_000) DUE.clear();
  DUE.set(key, due);
  return due;
}

function dueSetOf(due: readonly string[]): ReadonlySet<string> {
  let set = DUE_SETS.get(due);
  if (!set) {
    set = new Set(due);
    DUE_SETS.set(due, set);
  }
  return set;
}

function expectedTargetExact(input: ExpectedTargetInput): Rational | null {
  const { fiscalYear, frequency, rollup, yearlyTarget, trajectory, asOf } = input;
  const due = duePeriods(fiscalYear, frequency, asOf);
  if (due.length === 0) {
    return null;
  }
  const asOfDate = toIsoDate(asOf);
  // Points of another fiscal year are ignored: a trajectory list may hold the whole plan period.
  const duePoints = (trajectory ?? [])
    .filter(
      (point) =>
        point.target !== null &&
        point.target !== undefined &&
        toFiscalPeriod(point.period).fiscalYear === fiscalYear &&
        isPeriodDue(point.period, asOfDate),
    )
    .map((point) => ({ period: point.period, value: point.target }));
  if (duePoints.length > 0) {
    return rollUpExact(isAdditive(rollup) ? 'sum' : 'last', duePoints);
  }
  if (yearlyTarget === null || yearlyTarget === undefined) {
    return null;
  }
  const yearly = parseDecimal(yearlyTarget);
  if (!isAdditive(rollup)) {
    return yearly;
  }
  return div(mul(yearly, fromInteger(due.length)), fromInteger(periodsPerYear(frequency)));
}

interface ExactBand {
  readonly min: Rational;
  readonly max: Rational;
}

function expectedBandExact(input: ExpectedBandInput): ExactBand | null {
  const { band, fiscalYear, frequency, rollup, asOf } = input;
  const due = duePeriods(fiscalYear, frequency, asOf);
  if (band === null || due.length === 0) {
    return null;
  }
  assertBand(band);
  const min = parseDecimal(band.min);
  const max = parseDecimal(band.max);
  if (!isAdditive(rollup)) {
    return { min, max };
  }
  const share = div(fromInteger(due.length), fromInteger(periodsPerYear(frequency)));
  return { min: mul(min, share), max: mul(max, share) };
}

const HUNDRED = fromInteger(100);

function meetsTargetExact(actual: Rational, expected: Rational, direction: 'higher_better' | 'lower_better'): boolean {
  const order = compare(actual, expected);
  return direction === 'higher_better' ? order >= 0 : order <= 0;
}

function achievementExact(
  actual: Rational,
  expected: Rational,
  direction: 'higher_better' | 'lower_better',
): Rational | null {
  if (direction === 'higher_better') {
    return sign(expected) > 0 ? div(mul(actual, HUNDRED), expected) : null;
  }
  return sign(actual) > 0 && sign(expected) >= 0 ? div(mul(expected, HUNDRED), actual) : null;
}

function bandAchievementExact(actual: Rational, { min, max }: ExactBand): Rational | null {
  if (compare(actual, min) < 0) {
    return achievementExact(actual, min, 'higher_better');
  }
  if (compare(actual, max) > 0) {
    return achievementExact(actual, max, 'lower_better');
  }
  return HUNDRED;
}

function colourOf(achievement: Rational, thresholds: StatusThresholds): 'green' | 'amber' | 'red' {
  if (compare(achievement, parseDecimal(thresholds.green)) >= 0) {
    return 'green';
  }
  if (compare(achievement, parseDecimal(thresholds.amber)) >= 0) {
    return 'amber';
  }
  return 'red';
}

function resolveThresholds(thresholds: Partial<StatusThresholds>): StatusThresholds {
  const resolved = {
    green: thresholds.green ?? DEFAULT_STATUS_THRESHOLDS.green,
    amber: thresholds.amber ?? DEFAULT_STATUS_THRESHOLDS.amber,
  };
  if (!Number.isFinite(resolved.green) || !Number.isFinite(resolved.amber) || resolved.amber > resolved.green) {
    throw new RangeError(`Status thresholds need finite numbers with amber ≤ green, got ${JSON.stringify(resolved)}`);
  }
  return resolved;
}

function assertBand(band: TargetBand): void {
  if (!Number.isFinite(band.min) || !Number.isFinite(band.max) || band.min > band.max) {
    throw new RangeError(`A target band needs finite bounds with min ≤ max, got ${JSON.stringify(band)}`);
  }
}
