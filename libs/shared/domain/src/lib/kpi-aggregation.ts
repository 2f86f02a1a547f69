/**
 * Aggregation of one KPI across provinces to a cluster or the nation, and the national ranking.
 *
 * Only some KPIs can be aggregated, and each in its own way. Counts and money add up. A rate is
 * the ratio of the summed parts, never the mean of the provinces' percentages: a small province
 * would weigh as much as a large one. A level is a weighted mean (by population, area, …). A growth
 * rate such as GPP growth cannot be added or averaged without the underlying amounts, so it is not
 * aggregated at all. Sums and quotients run on exact fractions and are converted to `number` once.
 */
import { KpiDirection } from './kpi-status';
import { RollupMethod } from './kpi-rollup';
import { rankByRate } from './disbursement';
import { Rational, div, mul, parseDecimal, roundDecimal, sign, sum, toNumber } from './rational';

/**
 * - `sum`: Σ values (counts, money, stocks such as hospital beds).
 * - `weighted_ratio`: Σ numerators / Σ denominators × multiplier. It equals the mean of the
 *   provinces' ratios weighted by their denominators, hence the name.
 * - `weighted_mean`: Σ wᵢ·xᵢ / Σ wᵢ with weights given per province (population, area, …).
 * - `none`: not aggregated; the result is `null` with reason `NOT_AGGREGATABLE`.
 */
export type AggregationKind = 'sum' | 'weighted_ratio' | 'weighted_mean' | 'none';

export const AGGREGATION_KINDS: readonly AggregationKind[] = ['sum', 'weighted_ratio', 'weighted_mean', 'none'];

/** One province's figure for the same KPI and the same span of periods. */
export interface ProvinceKpiValue {
  /** Province code, e.g. "50". */
  readonly code: string;
  /** Used by `sum` and `weighted_mean`. */
  readonly value?: number | null;
  /** Used by `weighted_ratio`; both parts must be present. */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  /** Used by `weighted_mean`; must not be negative. */
  readonly weight?: number | null;
}

export interface AggregationOptions {
  /** Applied to `weighted_ratio` only: 100 for a percentage, 1000 for a rate per thousand. Default 1. */
  readonly multiplier?: number;
}

/**
 * Why the value is `null`:
 * - `NOT_AGGREGATABLE`: the KPI's aggregation is `none`;
 * - `NO_DATA`: no province has what the kind needs;
 * - `ZERO_DENOMINATOR`: the summed denominators are 0 (a rate of nothing is undefined, not 0);
 * - `ZERO_WEIGHT`: the weights of the provinces with a value sum to 0.
 */
export type AggregationNullReason = 'NOT_AGGREGATABLE' | 'NO_DATA' | 'ZERO_DENOMINATOR' | 'ZERO_WEIGHT';

export interface AggregationResult {
  readonly kind: AggregationKind;
  /** Unrounded; `null` with a `reason` when there is no meaningful figure. */
  readonly value: number | null;
  readonly reason: AggregationNullReason | null;
  /** Codes of the provinces that entered the figure, in input order. */
  readonly included: readonly string[];
  /**
   * Codes of the provinces that lack what the kind needs, in input order. A `sum` over fewer
   * provinces than the cluster has is a partial total: screens must say so when this is not empty.
   */
  readonly missing: readonly string[];
}

/** `value`: rank on the KPI's own value, respecting its direction. */
export type RankBy = 'achievement' | 'value';

export interface ProvinceRankRow {
  readonly code: string;
  readonly achievement?: number | null;
  readonly value?: number | null;
}

export interface ProvinceRankingOptions {
  /** Default `achievement`. */
  readonly by?: RankBy;
  /** Required when ranking by value: `lower_better` ranks ascending. `band` cannot rank by value. */
  readonly direction?: KpiDirection;
  /**
   * Round (half away from zero) to this many decimals before comparing, so provinces that show
   * the same figure share a rank. Default: compare the numbers as passed in.
   */
  readonly decimals?: number;
}

export type RankedProvince<T extends ProvinceRankRow> = T & { readonly rank: number | null };

export function isAggregationKind(value: unknown): value is AggregationKind {
  return typeof value === 'string' && (AGGREGATION_KINDS as readonly string[]).includes(value);
}

/**
 * The aggregation to use when a KPI does not state one. `additive` means the KPI's unit adds up
 * across places (people, baht, tonnes, beds), which is a property of the unit, not of the roll-up
 * over time. The rule never invents a figure: when in doubt it answers `none`, and the KPI owner
 * sets the kind explicitly.
 *
 * - `ratio` → `weighted_ratio`, additive or not: the parts are known, so sum them, then divide.
 * - additive `sum` → `sum`: counts and money.
 * - additive `last` → `sum`: stocks; the beds of a cluster are the beds of its provinces.
 * - additive `average` → `sum`: the sum of the provinces' monthly means is the mean of the sums.
 * - non-additive `average` → `weighted_mean`: a level; the caller supplies the weights.
 * - non-additive `sum` or `last` → `none`: e.g. a growth rate; nothing says how to combine it.
 */
export function defaultAggregation(rollup: RollupMethod, additive: boolean): AggregationKind {
  switch (rollup) {
    case 'ratio':
      return 'weighted_ratio';
    case 'sum':
    case 'last':
      return additive ? 'sum' : 'none';
    case 'average':
      return additive ? 'sum' : 'weighted_mean';
    default:
      throw new RangeError(`Unknown roll-up method: ${String(rollup)}`);
  }
}

/**
 * Aggregate one KPI over provinces. Provinces that lack what the kind needs (a value; both ratio
 * parts; a value and a weight) are left out and listed in `missing`. Province codes must be unique:
 * a province listed twice would count twice.
 */
export function aggregateAcrossProvinces(
  kind: AggregationKind,
  rows: readonly ProvinceKpiValue[],
  options: AggregationOptions = {},
): AggregationResult {
  if (!isAggregationKind(kind)) {
    throw new RangeError(`Unknown aggregation kind: ${String(kind)}`);
  }
  assertUniqueCodes(rows);
  if (kind === 'none') {
    return { kind, value: null, reason: 'NOT_AGGREGATABLE', included: [], missing: [] };
  }
  const usable = rows.filter((row) => hasAggregationInput(row, kind));
  const included = usable.map((row) => row.code);
  const missing = rows.filter((row) => !hasAggregationInput(row, kind)).map((row) => row.code);
  const result = (value: Rational | null, reason: AggregationNullReason | null): AggregationResult => ({
    kind,
    value: value === null ? null : toNumber(value),
    reason: value === null ? reason : null,
    included,
    missing,
  });
  if (usable.length === 0) {
    return result(null, 'NO_DATA');
  }

  switch (kind) {
    case 'sum':
      return result(sum(usable.map((row) => parseDecimal(row.value as number))), null);
    case 'weighted_ratio': {
      const numerator = sum(usable.map((row) => parseDecimal(row.numerator as number)));
      const denominator = sum(usable.map((row) => parseDecimal(row.denominator as number)));
      if (sign(denominator) === 0) {
        return result(null, 'ZERO_DENOMINATOR');
      }
      return result(mul(div(numerator, denominator), parseDecimal(options.multiplier ?? 1)), null);
    }
    case 'weighted_mean': {
      const weights = usable.map((row) => {
        const weight = parseDecimal(row.weight as number);
        if (sign(weight) < 0) {
          throw new RangeError(`Weight of ${row.code} is negative: ${row.weight}`);
        }
        return weight;
      });
      const totalWeight = sum(weights);
      if (sign(totalWeight) === 0) {
        return result(null, 'ZERO_WEIGHT');
      }
      const weighted = sum(usable.map((row, i) => mul(weights[i], parseDecimal(row.value as number))));
      return result(div(weighted, totalWeight), null);
    }
  }
}

/**
 * Rank provinces for a national comparison. By achievement (default) the highest ranks first:
 * the achievement already accounts for the KPI's direction. By value, higher-is-better ranks
 * descending and lower-is-better ascending; a band has no order, so rank its achievement instead.
 *
 * Equal figures share a rank and the next rank skips ("1, 2, 2, 4", standard competition ranking);
 * ties are listed by code. Provinces without a figure come last with rank `null`, by code. The
 * input is not modified. The rule is that of {@link rankByRate}, which does the ranking.
 */
export function rankProvinces<T extends ProvinceRankRow>(
  rows: readonly T[],
  options: ProvinceRankingOptions = {},
): RankedProvince<T>[] {
  const by = options.by ?? 'achievement';
  if (by !== 'achievement' && by !== 'value') {
    throw new RangeError(`Unknown ranking basis: ${String(by)}`);
  }
  const ascending = by === 'value' && rankValueAscending(options.direction);
  assertUniqueCodes(rows);
  const keyed = rows.map((row, index) => {
    const figure = by === 'achievement' ? row.achievement : row.value;
    if (figure === null || figure === undefined) {
      return { code: row.code, rate: null, index };
    }
    if (!Number.isFinite(figure)) {
      throw new RangeError(`The ${by} of ${row.code} is not a finite number: ${figure}`);
    }
    const shown = options.decimals === undefined ? figure : roundDecimal(figure, options.decimals);
    // rankByRate ranks descending; negating turns "lowest first" into "highest first".
    return { code: row.code, rate: ascending ? -shown : shown, index };
  });
  return rankByRate(keyed).map((ranked): RankedProvince<T> => ({ ...rows[ranked.index], rank: ranked.rank }));
}

function rankValueAscending(direction: KpiDirection | undefined): boolean {
  switch (direction) {
    case 'higher_better':
      return false;
    case 'lower_better':
      return true;
    case 'band':
      throw new RangeError('A band KPI has no order of values; rank it by achievement');
    default:
      throw new RangeError(`Ranking by value needs the KPI direction, got ${String(direction)}`);
  }
}

function hasAggregationInput(row: ProvinceKpiValue, kind: Exclude<AggregationKind, 'none'>): boolean {
  switch (kind) {
    case 'sum':
      return isPresent(row.value);
    case 'weighted_ratio':
      return isPresent(row.numerator) && isPresent(row.denominator);
    case 'weighted_mean':
      return isPresent(row.value) && isPresent(row.weight);
  }
}

function assertUniqueCodes(rows: readonly { readonly code: string }[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.code)) {
      throw new RangeError(`Province ${row.code} is listed twice`);
    }
    seen.add(row.code);
  }
}

function isPresent(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}
