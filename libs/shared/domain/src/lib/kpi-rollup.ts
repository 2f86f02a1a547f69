/**
 * Roll-up of per-period KPI results into one value for a span (year to date, a quarter, …).
 *
 * Sums run on exact decimals so that 0.1 + 0.2 rolls up to 0.3, not 0.30000000000000004; the
 * result is converted to `number` once.
 */
import { comparePeriods } from './fiscal-period';
import { Rational, div, fromInteger, isZero, mul, parseDecimal, sum, toNumber } from './rational';

/**
 * - `sum`: additive KPIs (people trained, tonnes exported): Σ values.
 * - `average`: unweighted mean of the period values.
 * - `last`: stock-like KPIs (coverage, population): the value of the latest period.
 * - `ratio`: Σ numerators / Σ denominators × multiplier; the ratio of the sums, not the mean of the
 *   ratios, so a month with a small denominator does not weigh as much as a large one.
 */
export type RollupMethod = 'sum' | 'average' | 'last' | 'ratio';

export const ROLLUP_METHODS: readonly RollupMethod[] = ['sum', 'average', 'last', 'ratio'];

/**
 * One approved result. `value` is used by sum/average/last, `numerator`/`denominator` by ratio;
 * a row may carry all three.
 */
export interface RollupEntry {
  /** Period key, e.g. "2569-M01". */
  readonly period: string;
  readonly value?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface RollupOptions {
  /** Applied to ratio roll-ups only: 100 for a percentage, 1000 for a rate per thousand. Default 1. */
  readonly multiplier?: number;
}

export function isRollupMethod(value: unknown): value is RollupMethod {
  return typeof value === 'string' && (ROLLUP_METHODS as readonly string[]).includes(value);
}

/** Only `sum` KPIs accumulate over the year, so only they are pro-rated or given cumulative trajectories. */
export function isAdditive(method: RollupMethod): boolean {
  return method === 'sum';
}

/**
 * Whether an entry carries what the method needs. For a ratio both parts must be present: a
 * numerator without its denominator would bias the quotient.
 */
export function hasRollupValue(entry: RollupEntry, method: RollupMethod): boolean {
  if (method === 'ratio') {
    return isPresent(entry.numerator) && isPresent(entry.denominator);
  }
  return isPresent(entry.value);
}

/**
 * Roll up entries; entries without a usable value are ignored. Returns `null` when nothing is
 * left, and for `ratio` when the summed denominator is 0 (a rate of nothing is undefined, not 0).
 * Entries are expected one per period; for `last`, equal periods resolve to the later entry in the
 * array.
 */
export function rollUp(
  method: RollupMethod,
  entries: readonly RollupEntry[],
  options: RollupOptions = {},
): number | null {
  const exact = rollUpExact(method, entries, options);
  return exact === null ? null : toNumber(exact);
}

/** {@link rollUp} without the final conversion, for callers that keep computing exactly. */
export function rollUpExact(
  method: RollupMethod,
  entries: readonly RollupEntry[],
  options: RollupOptions = {},
): Rational | null {
  const usable = entries.filter((entry) => hasRollupValue(entry, method));
  if (usable.length === 0) {
    return null;
  }
  switch (method) {
    case 'sum':
      return sum(usable.map((entry) => parseDecimal(entry.value as number)));
    case 'average':
      return div(sum(usable.map((entry) => parseDecimal(entry.value as number))), fromInteger(usable.length));
    case 'last': {
      const latest = usable.reduce((best, entry) => (comparePeriods(entry.period, best.period) >= 0 ? entry : best));
      return parseDecimal(latest.value as number);
    }
    case 'ratio': {
      const numerator = sum(usable.map((entry) => parseDecimal(entry.numerator as number)));
      const denominator = sum(usable.map((entry) => parseDecimal(entry.denominator as number)));
      if (isZero(denominator)) {
        return null;
      }
      return mul(div(numerator, denominator), parseDecimal(options.multiplier ?? 1));
    }
    default:
      throw new RangeError(`Unknown roll-up method: ${String(method)}`);
  }
}

function isPresent(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}
