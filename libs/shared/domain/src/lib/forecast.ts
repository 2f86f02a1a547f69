/**
 * Year-end forecasts: where a KPI's year figure (or a province's disbursement) will end, from the
 * year so far and the shape of the earlier years. Worked cases in docs/analysis.md.
 *
 * The method, "the earlier years' shape scaled to this year": `k` periods into the year, each
 * earlier year with data says how its year-end figure compared with its own figure after `k`
 * periods (its growth factor `final / toDate`). The projection is this year's figure to date times
 * the median of those factors; the interval runs from the smallest to the largest projection any
 * one earlier year's factor gives. Figures "to date" and "at year end" are the KPI's own roll-up
 * (kpi-rollup.ts), so a ratio KPI is projected as a ratio of sums, never a mean of percentages.
 *
 * Without an earlier year to learn from, the naive projection: a `sum` is pro-rated (to date × n / k),
 * any other roll-up carried forward (the figure to date); no interval, since nothing measures the spread.
 */
import { comparePeriods, parsePeriod, periodsPerYear } from './fiscal-period';
import { RollupEntry, RollupMethod, rollUp } from './kpi-rollup';
import { KpiDirection, TargetBand } from './kpi-status';

export interface ForecastInput {
  readonly method: RollupMethod;
  /** 12 for a monthly KPI, 4 quarterly, 2 half-yearly, 1 yearly. */
  readonly periodsInYear: number;
  /** This year's approved entries (period keys of one fiscal year). */
  readonly current: readonly RollupEntry[];
  /** Earlier years' approved entries, one array per fiscal year; years missing periods are used where they can be. */
  readonly history: readonly (readonly RollupEntry[])[];
  /** For ratio roll-ups: 100 for a percentage. */
  readonly multiplier?: number;
}

/**
 * - `scaled`: this year to date × the median growth factor of the earlier years;
 * - `naive`: no usable earlier year: pro-rated (`sum`) or carried forward (other roll-ups);
 * - `final`: the year is complete: the figure is the year's own.
 */
export type ForecastMethod = 'scaled' | 'naive' | 'final';

/** Why there is no forecast: nothing reported yet, or a gap among the periods reported so far. */
export type ForecastNullReason = 'NO_DATA' | 'GAP';

export interface Forecast {
  readonly method: ForecastMethod;
  /** Periods of this year the forecast stands on (the first `through` periods, all reported). */
  readonly through: number;
  readonly toDate: number;
  readonly projected: number;
  /** Lowest and highest projection among the earlier years; both equal `projected` without a spread. */
  readonly low: number;
  readonly high: number;
  /** Earlier years whose shape entered the forecast. */
  readonly years: number;
}

export type ForecastResult = { readonly forecast: Forecast; readonly reason: null } | { readonly forecast: null; readonly reason: ForecastNullReason };

/** The 1-based position of each entry's period in its year, only entries with a period key of the KPI's frequency. */
function byPosition(entries: readonly RollupEntry[], periodsInYear: number): Map<number, RollupEntry> {
  const out = new Map<number, RollupEntry>();
  for (const e of entries) {
    const p = parsePeriod(e.period);
    if (p && periodsPerYear(p.frequency) === periodsInYear) out.set(p.index, e);
  }
  return out;
}

function usable(entry: RollupEntry | undefined, method: RollupMethod): boolean {
  if (!entry) return false;
  return method === 'ratio'
    ? entry.numerator !== null && entry.numerator !== undefined && entry.denominator !== null && entry.denominator !== undefined
    : entry.value !== null && entry.value !== undefined;
}

/** The roll-up of the first `k` positions, or null when one is missing (a gap makes "to date" wrong). */
function toDateOf(positions: Map<number, RollupEntry>, k: number, method: RollupMethod, multiplier: number | undefined): number | null {
  const first: RollupEntry[] = [];
  for (let i = 1; i <= k; i++) {
    const e = positions.get(i);
    if (!usable(e, method)) return null;
    first.push(e as RollupEntry);
  }
  first.sort((a, b) => comparePeriods(a.period, b.period));
  return rollUp(method, first, { multiplier });
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (!values.length) throw new RangeError('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The year-end forecast from the first `through` periods of this year. `through` defaults to the
 * run of periods reported from the start of the year (a gap stops it).
 */
export function forecastYearEnd(input: ForecastInput, through?: number): ForecastResult {
  const { method, periodsInYear: n, multiplier } = input;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`periodsInYear must be a positive integer, got ${n}`);
  const current = byPosition(input.current, n);
  let k = through ?? 0;
  if (through === undefined) while (k < n && usable(current.get(k + 1), method)) k++;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`through must be 0..${n}, got ${k}`);
  if (k === 0) return { forecast: null, reason: 'NO_DATA' };
  const toDate = toDateOf(current, k, method, multiplier);
  if (toDate === null) return { forecast: null, reason: 'GAP' };
  if (k === n) return { forecast: { method: 'final', through: k, toDate, projected: toDate, low: toDate, high: toDate, years: 0 }, reason: null };

  const factors: number[] = [];
  for (const year of input.history) {
    const positions = byPosition(year, n);
    const then = toDateOf(positions, k, method, multiplier);
    const final = toDateOf(positions, n, method, multiplier);
    // A year that had nothing by then cannot scale anything (a factor of x / 0).
    if (then === null || final === null || then === 0) continue;
    factors.push(final / then);
  }
  if (!factors.length) {
    const projected = method === 'sum' ? (toDate * n) / k : toDate;
    return { forecast: { method: 'naive', through: k, toDate, projected, low: projected, high: projected, years: 0 }, reason: null };
  }
  const projections = factors.map((f) => toDate * f);
  return {
    forecast: {
      method: 'scaled',
      through: k,
      toDate,
      projected: toDate * median(factors),
      low: Math.min(...projections),
      high: Math.max(...projections),
      years: factors.length,
    },
    reason: null,
  };
}

/**
 * Which roll-ups the screens scale by the earlier years' shape. The back-test (docs/benchmarks.md,
 * "Year-end forecast, back-tested") found scaling far better than pro-rata for sums and money, and
 * slightly worse than carrying the figure forward for averages, ratios and last values (the data
 * give them no shape within the year, so scaling only adds the earlier years' noise). So a screen
 * passes the earlier years for a `sum` and none for the others, which then get the naive method.
 */
export function scalesByHistory(method: RollupMethod): boolean {
  return method === 'sum';
}

/** The screens' forecast: `forecastYearEnd` with the earlier years only where they help (`scalesByHistory`). */
export function screenForecast(input: ForecastInput, through?: number): ForecastResult {
  return forecastYearEnd(scalesByHistory(input.method) ? input : { ...input, history: [] }, through);
}

/**
 * What the forecast says of the year's target:
 * - `on_track`: even the least favourable projection meets it;
 * - `at_risk`: the projection meets it, but not every earlier year's shape would;
 * - `likely_to_miss`: the projection itself misses it.
 * For a band KPI, meeting means lying within [min, max].
 */
export type ForecastOutlook = 'on_track' | 'at_risk' | 'likely_to_miss';

export function forecastOutlook(
  forecast: Pick<Forecast, 'projected' | 'low' | 'high'>,
  direction: KpiDirection,
  target: { readonly target?: number | null; readonly band?: TargetBand | null },
): ForecastOutlook | null {
  const meets = (x: number): boolean | null => {
    if (direction === 'band') return target.band ? x >= target.band.min && x <= target.band.max : null;
    if (target.target === null || target.target === undefined) return null;
    return direction === 'higher_better' ? x >= target.target : x <= target.target;
  };
  const point = meets(forecast.projected);
  if (point === null) return null;
  if (!point) return 'likely_to_miss';
  return meets(forecast.low) && meets(forecast.high) ? 'on_track' : 'at_risk';
}
