import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DisbursementForecastDto,
  GoalContributionsDto,
  KpiForecastDto,
  LikelyToMissDto,
  ProvinceForecastsDto,
} from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  fiscalYearOf,
  forecastOutlook,
  type Frequency,
  type KpiDirection,
  parseBahtToSatang,
  periodRange,
  periodsPerYear,
  type RollupEntry,
  type RollupMethod,
  screenForecast,
} from '@provdash/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/api-error';
import {
  ALL_PROVINCES_KPI_FORECAST_SQL,
  DISBURSEMENT_FORECAST_SQL,
  GOAL_CONTRIBUTIONS_SQL,
  KPI_FORECAST_SQL,
} from './forecast-queries';

interface KpiForecastRow {
  org_unit_code: string;
  org_name_th: string;
  org_name_en: string;
  name_th: string;
  name_en: string;
  kpi_id: string;
  code: string;
  frequency: Frequency;
  rollup: RollupMethod;
  direction: KpiDirection;
  ratio_multiplier: string | null;
  band_min: string | null;
  band_max: string | null;
  target: string | null;
  results: { fiscalYear: number; period: string; value: string | null; numerator: string | null; denominator: string | null }[];
}

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** The fiscal year (B.E.) and its month (1 = October) of a `YYYY-MM` calendar month. */
export function fiscalMonthOf(month: string): { fiscalYear: number; index: number } {
  const [y, m] = month.split('-').map(Number);
  return { fiscalYear: m >= 10 ? y + 544 : y + 543, index: ((m + 2) % 12) + 1 };
}

/** A month's period key (`2569-M01` = October 2568 B.E.). */
export const monthPeriod = (fiscalYear: number, index: number) => `${fiscalYear}-M${String(index).padStart(2, '0')}`;

/** The first day of the month after a `YYYY-MM` month: the month has ended once asOf reaches it. */
function dayAfterMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * A province's year-end forecasts for its province view (issue 22 item 5): each KPI's and its
 * disbursement's, by the domain lib's `screenForecast` (sums and money scaled by the earlier years'
 * shape, other roll-ups carried forward) and `forecastOutlook` against the year's target. Approved
 * results only, like the scorecard. Also what each goal contributes to (its cluster goal, its pillar).
 */
@Injectable()
export class ForecastsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async province(code: string, fiscalYear?: number, asOfDate?: string, m: EntityManager = this.dataSource.manager): Promise<ProvinceForecastsDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    const [[unit], rows, [money]] = await Promise.all([
      m.query(`SELECT code FROM org_unit WHERE code = $1 AND type = 'province'`, [code]) as Promise<{ code: string }[]>,
      m.query(KPI_FORECAST_SQL, [code, fy, String(fy)]) as Promise<KpiForecastRow[]>,
      m.query(DISBURSEMENT_FORECAST_SQL, [code, fy, asOf]) as Promise<MoneyRow[]>,
    ]);
    if (!unit) throw notFound('notFound.unit');
    return { orgUnitCode: code, fiscalYear: fy, asOf, kpis: rows.map((r) => kpiForecast(r, fy, asOf)), disbursement: disbursementForecast(money, fy, asOf) };
  }

  /**
   * The ministry's list: every province's KPIs likely to miss the year's target, in one statement
   * (the one-province statement over all provinces), each forecast exactly as its province's route.
   */
  async likelyToMiss(fiscalYear?: number, asOfDate?: string, m: EntityManager = this.dataSource.manager): Promise<LikelyToMissDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    const rows: KpiForecastRow[] = await m.query(ALL_PROVINCES_KPI_FORECAST_SQL, [null, fy, String(fy)]);
    const kpis = rows.flatMap((r) => {
      const k = kpiForecast(r, fy, asOf);
      return k.outlook === 'likely_to_miss' && k.forecast?.method !== 'final'
        ? [{ ...k, provinceCode: r.org_unit_code, provinceNameTh: r.org_name_th, provinceNameEn: r.org_name_en, nameTh: r.name_th, nameEn: r.name_en }]
        : [];
    });
    return { fiscalYear: fy, asOf, kpis };
  }

  async contributions(code: string, fiscalYear?: number, asOfDate?: string, m: EntityManager = this.dataSource.manager): Promise<GoalContributionsDto> {
    const fy = fiscalYear ?? fiscalYearOf(asOfDate ?? bangkokDateOf(new Date()));
    const [[unit], rows] = await Promise.all([
      m.query(`SELECT code FROM org_unit WHERE code = $1 AND type = 'province'`, [code]) as Promise<{ code: string }[]>,
      m.query(GOAL_CONTRIBUTIONS_SQL, [code, fy]) as Promise<
        {
          code: string;
          national_pillar: number | null;
          cg_code: string | null;
          cg_name_th: string;
          cg_name_en: string;
          cluster_code: string;
          cluster_name_th: string;
          cluster_name_en: string;
          cg_pillar: number | null;
        }[]
      >,
    ]);
    if (!unit) throw notFound('notFound.unit');
    return {
      orgUnitCode: code,
      fiscalYear: fy,
      goals: rows.map((g) => ({
        code: g.code,
        clusterGoal: g.cg_code
          ? {
              code: g.cg_code,
              nameTh: g.cg_name_th,
              nameEn: g.cg_name_en,
              clusterCode: g.cluster_code,
              clusterNameTh: g.cluster_name_th,
              clusterNameEn: g.cluster_name_en,
            }
          : null,
        pillar: g.national_pillar ?? g.cg_pillar,
        pillarFrom: g.national_pillar !== null ? 'goal' : g.cg_pillar !== null ? 'cluster' : null,
      })),
    };
  }
}

/**
 * `asOf` as the scorecard reads it: this year's results of periods begun by then (a result approved
 * early for the running period counts, as its light does); a view of a past day forecasts from
 * what that day knew. Earlier years are complete either way.
 */
function kpiForecast(row: KpiForecastRow, fy: number, asOf: string): KpiForecastDto {
  const ratio = row.rollup === 'ratio';
  const entry = (r: KpiForecastRow['results'][number]): RollupEntry =>
    ratio ? { period: r.period, numerator: num(r.numerator), denominator: num(r.denominator) } : { period: r.period, value: num(r.value) };
  const years = new Map<number, RollupEntry[]>();
  for (const r of row.results) years.set(r.fiscalYear, [...(years.get(r.fiscalYear) ?? []), entry(r)]);
  const periodsInYear = periodsPerYear(row.frequency);
  const { forecast, reason } = screenForecast({
    method: row.rollup,
    periodsInYear,
    current: (years.get(fy) ?? []).filter((e) => periodRange(e.period).start <= asOf),
    history: [...years.entries()].filter(([y]) => y < fy).sort(([a], [b]) => a - b).map(([, e]) => e),
    multiplier: ratio ? (num(row.ratio_multiplier) ?? 1) : undefined,
  });
  const band = row.direction === 'band' && row.band_min !== null && row.band_max !== null ? { min: Number(row.band_min), max: Number(row.band_max) } : null;
  const target = row.direction === 'band' ? null : num(row.target);
  return {
    kpiId: row.kpi_id,
    code: row.code,
    periodsInYear,
    rollup: row.rollup,
    direction: row.direction,
    target,
    band,
    forecast,
    reason,
    outlook: forecast ? forecastOutlook(forecast, row.direction, { target, band }) : null,
  };
}

interface MoneyRow {
  allocated: string;
  months: { fiscal_year: number; month: string; disbursed: string }[];
  target: { Q1: string; Q2: string; Q3: string; Q4: string } | null;
}

/**
 * The disbursement forecast in percent of the year's allocation. This year: each month ended by
 * asOf, its money over the allocation (a month without GFMIS figures disbursed nothing: 0, no gap).
 * Earlier years: their twelve months in baht (only the factors are used, which have no unit); a
 * year without any figure is no history.
 */
function disbursementForecast(row: MoneyRow | undefined, fy: number, asOf: string): DisbursementForecastDto {
  const allocated = row?.allocated ?? '0';
  const target = row?.target ? Number(row.target.Q4) : null;
  const whole = Number(parseBahtToSatang(allocated));
  if (!row || whole === 0) return { allocated, target, forecast: null, reason: 'NO_DATA', outlook: null };
  const byYear = new Map<number, Map<number, number>>();
  for (const mo of row.months) {
    const { fiscalYear, index } = fiscalMonthOf(mo.month);
    // Money of a project paid after its own fiscal year (a carried-over budget) is not that year's shape.
    if (fiscalYear !== mo.fiscal_year) continue;
    if (fiscalYear === fy && dayAfterMonth(mo.month) > asOf) continue;
    const year = byYear.get(fiscalYear) ?? new Map<number, number>();
    year.set(index, (year.get(index) ?? 0) + Number(parseBahtToSatang(mo.disbursed)));
    byYear.set(fiscalYear, year);
  }
  const current: RollupEntry[] = [];
  for (let index = 1; index <= 12; index++) {
    const first = index <= 3 ? `${fy - 544}-${String(index + 9).padStart(2, '0')}` : `${fy - 543}-${String(index - 3).padStart(2, '0')}`;
    if (dayAfterMonth(first) > asOf) break;
    current.push({ period: monthPeriod(fy, index), value: ((byYear.get(fy)?.get(index) ?? 0) / whole) * 100 });
  }
  const history = [...byYear.keys()]
    .filter((y) => y < fy)
    .sort((a, b) => a - b)
    .map((y) => Array.from({ length: 12 }, (_, i) => ({ period: monthPeriod(y, i + 1), value: byYear.get(y)?.get(i + 1) ?? 0 })));
  const { forecast, reason } = screenForecast({ method: 'sum', periodsInYear: 12, current, history });
  return { allocated, target, forecast, reason, outlook: forecast && target !== null ? forecastOutlook(forecast, 'higher_better', { target }) : null };
}
