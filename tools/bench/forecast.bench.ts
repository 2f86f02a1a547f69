/**
 * The year-end forecast (libs/shared/domain/src/lib/forecast.ts) back-tested on the ten-year
 * national dataset: for every province's monthly KPI and every province's disbursement, each fiscal
 * year with earlier years before it is forecast from its first 3, 6 and 9 months (the earlier years
 * as history, nothing later) and compared with how it really ended. Reported: the median absolute
 * percentage error of the forecast and of the naive projection (pro-rata for sums, carried forward
 * otherwise: the same function with no history) at each point, and how often the year's real end
 * fell inside the forecast's interval. Not a speed figure: the accuracy the screens' dashed lines
 * and "likely to miss" flags stand on.
 *
 *   npm run bench -- forecast
 */
import { forecastYearEnd, median, type RollupEntry, type RollupMethod } from '@provdash/shared/domain';
import { performance } from 'node:perf_hooks';
import { nationalDataset, record, round } from './support';

const POINTS = [3, 6, 9];

interface Series {
  method: RollupMethod;
  multiplier: number;
  /** Entries by fiscal year. */
  years: Map<number, RollupEntry[]>;
}

interface PointResult {
  month: number;
  series: number;
  forecastMedianApe: number;
  naiveMedianApe: number;
  /** Share of years whose real end lay within [low, high] (forecasts with at least two earlier years). */
  intervalCoverage: number;
  /** Share of forecasts closer to the real end than the naive projection. */
  betterThanNaive: number;
}

/** Forecast every year of every series at `k` months; absolute percentage errors of both projections. */
function backTest(all: Series[], k: number): PointResult {
  const fc: number[] = [];
  const nv: number[] = [];
  let inside = 0;
  let withInterval = 0;
  let better = 0;
  for (const s of all) {
    const years = [...s.years.keys()].sort((a, b) => a - b);
    for (const fy of years) {
      const history = years.filter((y) => y < fy).map((y) => s.years.get(y) as RollupEntry[]);
      if (!history.length) continue;
      const current = s.years.get(fy) as RollupEntry[];
      const end = forecastYearEnd(
        { method: s.method, periodsInYear: 12, current, history: [], multiplier: s.multiplier },
        12,
      );
      if (!end.forecast || end.forecast.toDate === 0) continue;
      const actual = end.forecast.toDate;
      const f = forecastYearEnd(
        { method: s.method, periodsInYear: 12, current, history, multiplier: s.multiplier },
        k,
      ).forecast;
      const n = forecastYearEnd(
        { method: s.method, periodsInYear: 12, current, history: [], multiplier: s.multiplier },
        k,
      ).forecast;
      if (!f || !n) continue;
      const fe = Math.abs(f.projected - actual) / Math.abs(actual);
      const ne = Math.abs(n.projected - actual) / Math.abs(actual);
      fc.push(fe);
      nv.push(ne);
      if (fe < ne) better++;
      if (f.years >= 2) {
        withInterval++;
        if (actual >= f.low && actual <= f.high) inside++;
      }
    }
  }
  return {
    month: k,
    series: fc.length,
    forecastMedianApe: round(median(fc) * 100, 2),
    naiveMedianApe: round(median(nv) * 100, 2),
    intervalCoverage: round((inside / Math.max(1, withInterval)) * 100, 1),
    betterThanNaive: round((better / Math.max(1, fc.length)) * 100, 1),
  };
}

const monthKey = (fy: number, index: number) => `${fy}-M${String(index).padStart(2, '0')}`;

export default async function forecast(): Promise<void> {
  const ds = await nationalDataset(10);
  const started = performance.now();
  // Every approved monthly result of every province's KPIs, in one read.
  const kpiRows: {
    kpi_id: string;
    rollup: RollupMethod;
    multiplier: string | null;
    fiscal_year: number;
    period: string;
    value: string | null;
    numerator: string | null;
    denominator: string | null;
  }[] = (
    await ds.pg.query(
      `SELECT r.kpi_id, k.rollup, k.ratio_multiplier AS multiplier, r.fiscal_year, r.period, r.value, r.numerator, r.denominator
       FROM kpi_result r JOIN kpi k ON k.id = r.kpi_id JOIN org_unit u ON u.id = k.org_unit_id
       WHERE r.status = 'approved' AND k.frequency = 'monthly' AND u.type = 'province'`,
    )
  ).rows;
  const num = (x: string | null) => (x === null ? null : Number(x));
  const kpis = new Map<string, Series>();
  for (const r of kpiRows) {
    let s = kpis.get(r.kpi_id);
    if (!s) {
      s = { method: r.rollup, multiplier: Number(r.multiplier ?? 1), years: new Map() };
      kpis.set(r.kpi_id, s);
    }
    const year = s.years.get(r.fiscal_year) ?? [];
    year.push({ period: r.period, value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator) });
    s.years.set(r.fiscal_year, year);
  }
  // Each province's money disbursed per month of each fiscal year (GFMIS rows summed).
  const moneyRows: { code: string; fiscal_year: number; month_index: number; disbursed: string }[] = (
    await ds.pg.query(
      `SELECT u.code, p.fiscal_year, ((EXTRACT(MONTH FROM d.month)::int + 2) % 12) + 1 AS month_index, sum(d.disbursed)::text AS disbursed
       FROM disbursement d JOIN project p ON p.id = d.project_id JOIN org_unit u ON u.id = p.org_unit_id
       GROUP BY 1, 2, 3`,
    )
  ).rows;
  const money = new Map<string, Series>();
  for (const r of moneyRows) {
    let s = money.get(r.code);
    if (!s) {
      s = { method: 'sum', multiplier: 1, years: new Map() };
      money.set(r.code, s);
    }
    const year = s.years.get(r.fiscal_year) ?? [];
    year.push({ period: monthKey(r.fiscal_year, r.month_index), value: Number(r.disbursed) });
    s.years.set(r.fiscal_year, year);
  }
  const byMethod = (m: RollupMethod) => [...kpis.values()].filter((s) => s.method === m);
  const groups: { name: string; series: Series[] }[] = [
    { name: 'KPIs, all', series: [...kpis.values()] },
    ...(['sum', 'average', 'last', 'ratio'] as RollupMethod[])
      .map((m) => ({ name: `KPIs, ${m}`, series: byMethod(m) }))
      .filter((g) => g.series.length),
    { name: 'disbursement, by province', series: [...money.values()] },
  ];
  const results = groups.map((g) => ({
    name: g.name,
    kpis: g.series.length,
    points: POINTS.map((k) => backTest(g.series, k)),
  }));
  for (const g of results) {
    for (const p of g.points) {
      console.log(
        `${g.name}, month ${p.month}: median APE forecast ${p.forecastMedianApe} % vs naive ${p.naiveMedianApe} % ` +
          `(${p.series} years; interval holds the end ${p.intervalCoverage} %; closer than naive ${p.betterThanNaive} %)`,
      );
    }
  }
  record('forecast', { years: ds.years, groups: results, seconds: round((performance.now() - started) / 1000, 1) });
}
