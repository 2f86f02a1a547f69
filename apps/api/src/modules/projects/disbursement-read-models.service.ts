import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DisbursementBudgetType,
  DisbursementFiguresDto,
  DisbursementRankingDto,
  DisbursementSummaryDto,
  ProjectBudgetType,
  RiskMatrixDto,
  SlowProjectDto,
} from '@provdash/shared/contracts';
import {
  addDays,
  BahtAmount,
  bangkokDateOf,
  fiscalYearOf,
  fiscalYearRange,
  formatSatang,
  gapPercentagePoints,
  gapSatang,
  lapseRisk,
  parseBahtToSatang,
  QuarterlyTargets,
  rankByRate,
  rateFromSatang,
  riskBand,
  TargetInterpolation,
  targetAsOf,
} from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/api-error';
import { RoomCache } from '../realtime/room-cache';

export interface ReadModelOptions {
  fiscalYear?: number;
  asOf?: string;
  interpolation?: TargetInterpolation;
}

type Sums = { allocated: BahtAmount; committed: BahtAmount; disbursed: BahtAmount };
type TargetRow = { Q1: string; Q2: string; Q3: string; Q4: string };

function figures(s: Sums): DisbursementFiguresDto {
  const allocated = parseBahtToSatang(s.allocated);
  const committed = parseBahtToSatang(s.committed);
  const disbursed = parseBahtToSatang(s.disbursed);
  return {
    allocated: formatSatang(allocated),
    committed: formatSatang(committed),
    disbursed: formatSatang(disbursed),
    rate: rateFromSatang(disbursed, allocated),
    committedRate: rateFromSatang(committed, allocated),
  };
}

function quarterly(row: TargetRow | null | undefined): QuarterlyTargets | null {
  if (!row) return null;
  return { Q1: Number(row.Q1), Q2: Number(row.Q2), Q3: Number(row.Q3), Q4: Number(row.Q4) };
}

/** The first day of the next month, from the first day of a month. */
const nextMonth = (first: string) => `${addDays(first, 31).slice(0, 8)}01`;

const TARGET_JSON = `json_build_object('Q1', t.q1, 'Q2', t.q2, 'Q3', t.q3, 'Q4', t.q4)`;

/**
 * Public disbursement read models: one SQL statement each, over projects that are not cancelled
 * and GFMIS figures of months up to `asOf`. Sums come back from PostgreSQL as exact numeric text;
 * rates, targets and gaps are the domain library's, the same the dashboard uses.
 */
/**
 * Every province (or cluster) with its projects' allocation and money to date for one fiscal year
 * and budget type, in one statement. $1 fiscal year, $2 as-of date, $3 'province' | 'cluster',
 * $4 budget type ('overall' = all).
 */
export const DISBURSEMENT_RANKING_SQL = `WITH
         -- Money from the monthly totals the GFMIS writes keep (migration 1763700870000): about 900
         -- rows of a year, not its 280,000 GFMIS lines.
         money AS (SELECT m.org_unit_id, SUM(m.committed) AS committed, SUM(m.disbursed) AS disbursed
                   FROM disbursement_month_total m
                   WHERE m.fiscal_year = $1 AND m.month <= $2::date AND ($4 = 'overall' OR m.budget_type = $4)
                   GROUP BY m.org_unit_id),
         alloc AS (SELECT p.org_unit_id, SUM(p.allocated) AS allocated FROM project p
                   WHERE p.fiscal_year = $1 AND p.status <> 'cancelled' AND ($4 = 'overall' OR p.budget_type = $4)
                   GROUP BY p.org_unit_id),
         pt AS (SELECT COALESCE(a.org_unit_id, m.org_unit_id) AS org_unit_id, COALESCE(a.allocated, 0) AS allocated,
                       COALESCE(m.committed, 0) AS committed, COALESCE(m.disbursed, 0) AS disbursed
                FROM alloc a FULL JOIN money m ON m.org_unit_id = a.org_unit_id)
         SELECT x.code, x.name_th, x.name_en,
                COALESCE(SUM(pt.allocated), 0)::text AS allocated, COALESCE(SUM(pt.committed), 0)::text AS committed,
                COALESCE(SUM(pt.disbursed), 0)::text AS disbursed,
                (SELECT ${TARGET_JSON} FROM disbursement_target t WHERE t.fiscal_year = $1 AND t.budget_type = $4) AS target
         FROM org_unit x
         -- A cluster counts its provinces' projects and its own (cluster budget, owned by the cluster office).
         LEFT JOIN org_unit pu ON pu.id = x.id OR (pu.type = 'province' AND pu.parent_id = x.id)
         LEFT JOIN pt ON pt.org_unit_id = pu.id
         WHERE x.type = $3
         GROUP BY x.id, x.code, x.name_th, x.name_en`;

@Injectable()
export class DisbursementReadModelsService {
  /** Rankings by level, budget type, year, day and target rule, against the national room (RoomCache). */
  private readonly rankings = new RoomCache<DisbursementRankingDto>(100);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private when(o: ReadModelOptions) {
    const asOf = o.asOf ?? bangkokDateOf(new Date());
    return { asOf, fiscalYear: o.fiscalYear ?? fiscalYearOf(asOf), interpolation: o.interpolation ?? 'step' };
  }

  /** `m` reads inside a caller's transaction (a live event describes the state it is committing). */
  async summary(
    code: string,
    o: ReadModelOptions,
    m: EntityManager = this.dataSource.manager,
  ): Promise<DisbursementSummaryDto> {
    const { asOf, fiscalYear, interpolation } = this.when(o);
    const [row] = await m.query(
      `WITH u AS (SELECT id, code, type FROM org_unit WHERE code = $1 AND type IN ('province', 'cluster')),
       -- A province's own projects; a cluster's own (cluster budget) and its provinces', as the ranking counts them.
       p AS (SELECT p.id, p.budget_type, p.budget_source, p.allocated FROM project p JOIN org_unit pu ON pu.id = p.org_unit_id
             JOIN u ON pu.id = u.id OR (u.type = 'cluster' AND pu.type = 'province' AND pu.parent_id = u.id)
             WHERE p.fiscal_year = $2 AND p.status <> 'cancelled'),
       d AS (SELECT d.project_id, d.month, d.committed, d.disbursed FROM disbursement d JOIN p ON p.id = d.project_id
             WHERE d.month <= $3::date),
       pt AS (SELECT p.id, p.budget_type, p.budget_source, p.allocated,
                     COALESCE(SUM(d.committed), 0) AS committed, COALESCE(SUM(d.disbursed), 0) AS disbursed
              FROM p LEFT JOIN d ON d.project_id = p.id GROUP BY p.id, p.budget_type, p.budget_source, p.allocated)
       SELECT u.code,
         (SELECT json_build_object('allocated', COALESCE(SUM(allocated), 0)::text, 'committed', COALESCE(SUM(committed), 0)::text,
                                   'disbursed', COALESCE(SUM(disbursed), 0)::text) FROM pt) AS total,
         (SELECT COALESCE(json_agg(x ORDER BY x.budget_type), '[]') FROM
            (SELECT budget_type, SUM(allocated)::text AS allocated, SUM(committed)::text AS committed, SUM(disbursed)::text AS disbursed
             FROM pt GROUP BY budget_type) x) AS by_type,
         (SELECT COALESCE(json_agg(x ORDER BY x.budget_source), '[]') FROM
            (SELECT budget_source, SUM(allocated)::text AS allocated, SUM(committed)::text AS committed, SUM(disbursed)::text AS disbursed
             FROM pt GROUP BY budget_source) x) AS by_source,
         (SELECT COALESCE(json_agg(x ORDER BY x.month, x.budget_type), '[]') FROM
            (SELECT to_char(d.month, 'YYYY-MM') AS month, p.budget_type, SUM(d.disbursed)::text AS disbursed
             FROM d JOIN p ON p.id = d.project_id GROUP BY d.month, p.budget_type) x) AS months,
         (SELECT json_object_agg(t.budget_type, ${TARGET_JSON}) FROM disbursement_target t WHERE t.fiscal_year = $2) AS targets
       FROM u`,
      [code, fiscalYear, asOf],
    );
    if (!row) throw notFound('notFound.unit');
    const targets: Partial<Record<DisbursementBudgetType, TargetRow>> = row.targets ?? {};
    const targetOn = (type: DisbursementBudgetType, date: string) => {
      const q = quarterly(targets[type]);
      return q ? targetAsOf(q, fiscalYear, date, interpolation) : null;
    };
    const total = figures(row.total);
    const overall = targetOn('overall', asOf);
    const risk = lapseRisk({ fiscalYear, asOf, ...row.total });

    // Every month of the year up to asOf, carrying the cumulative sums through months without figures.
    const year = fiscalYearRange(fiscalYear);
    const types: { budget_type: ProjectBudgetType; allocated: string }[] = row.by_type;
    const inMonth = new Map<string, bigint>();
    for (const m of row.months as { month: string; budget_type: ProjectBudgetType; disbursed: string }[]) {
      const satang = parseBahtToSatang(m.disbursed);
      inMonth.set(m.month, (inMonth.get(m.month) ?? 0n) + satang);
      inMonth.set(`${m.month}/${m.budget_type}`, satang);
    }
    const allocated = parseBahtToSatang(row.total.allocated);
    const curve: DisbursementSummaryDto['curve'] = [];
    let cumulative = 0n;
    const cumulativeByType = new Map<ProjectBudgetType, bigint>(types.map((t) => [t.budget_type, 0n]));
    for (let first = year.start; first <= asOf && first <= year.end; first = nextMonth(first)) {
      const month = first.slice(0, 7);
      cumulative += inMonth.get(month) ?? 0n;
      // A complete month is judged at the end of its last day: under the step rule a quarter's figure
      // applies from the next day on, so the day after is asked. A running month is judged on asOf.
      const lastDay = addDays(nextMonth(first), -1);
      const on = lastDay >= asOf ? asOf : interpolation === 'step' ? addDays(lastDay, 1) : lastDay;
      curve.push({
        month,
        cumulativeDisbursed: formatSatang(cumulative),
        rate: rateFromSatang(cumulative, allocated),
        target: targetOn('overall', on),
        byType: types.map((t) => {
          const sum = (cumulativeByType.get(t.budget_type) ?? 0n) + (inMonth.get(`${month}/${t.budget_type}`) ?? 0n);
          cumulativeByType.set(t.budget_type, sum);
          return {
            budgetType: t.budget_type,
            month,
            cumulativeDisbursed: formatSatang(sum),
            rate: rateFromSatang(sum, parseBahtToSatang(t.allocated)),
            target: targetOn(t.budget_type, on),
          };
        }),
      });
    }

    return {
      orgUnitCode: row.code,
      fiscalYear,
      asOf,
      total: {
        ...total,
        target: overall,
        gap: overall === null ? null : gapPercentagePoints(total.rate, overall),
        gapBaht: overall === null ? null : formatSatang(gapSatang(total.disbursed, total.allocated, overall)),
        lapseRisk: risk.level,
      },
      byType: row.by_type.map((t: Sums & { budget_type: 'capital' | 'current' }) => {
        const f = figures(t);
        const target = targetOn(t.budget_type, asOf);
        return {
          budgetType: t.budget_type,
          ...f,
          target,
          gap: target === null ? null : gapPercentagePoints(f.rate, target),
        };
      }),
      bySource: row.by_source.map(
        (s: Sums & { budget_source: DisbursementSummaryDto['bySource'][number]['budgetSource'] }) => ({
          budgetSource: s.budget_source,
          ...figures(s),
        }),
      ),
      curve,
    };
  }

  /** The 77 provinces or the 18 clusters (a cluster sums its own projects and its provinces'), ranked on the rate. */
  async ranking(
    level: 'province' | 'cluster',
    budgetType: DisbursementBudgetType,
    o: ReadModelOptions,
    m: EntityManager = this.dataSource.manager,
  ): Promise<DisbursementRankingDto> {
    const { asOf, fiscalYear, interpolation } = this.when(o);
    // Every import, rollback, project edit and target change publishes to the national room.
    return this.rankings.through(m, 'national', `${level}|${budgetType}|${fiscalYear}|${asOf}|${interpolation}`, () =>
      this.computeRanking(m, level, budgetType, fiscalYear, asOf, interpolation),
    );
  }

  private async computeRanking(
    m: EntityManager,
    level: 'province' | 'cluster',
    budgetType: DisbursementBudgetType,
    fiscalYear: number,
    asOf: string,
    interpolation: TargetInterpolation,
  ): Promise<DisbursementRankingDto> {
    const rows: (Sums & { code: string; name_th: string; name_en: string; target: TargetRow | null })[] = await m.query(
      DISBURSEMENT_RANKING_SQL,
      [fiscalYear, asOf, level, budgetType],
    );
    const q = quarterly(rows[0]?.target);
    const target = q ? targetAsOf(q, fiscalYear, asOf, interpolation) : null;
    const ranked = rankByRate(
      rows.map((r) => {
        const f = figures(r);
        return {
          code: r.code,
          nameTh: r.name_th,
          nameEn: r.name_en,
          ...f,
          gap: target === null ? null : gapPercentagePoints(f.rate, target),
        };
      }),
    );
    return { fiscalYear, asOf, level, budgetType, target, rows: ranked };
  }

  /** The projects furthest behind on disbursement in a unit (and below), with owner and last update. */
  async slowest(code: string, limit: number, o: ReadModelOptions): Promise<SlowProjectDto[]> {
    const { asOf, fiscalYear } = this.when(o);
    const rows = await this.dataSource.query(
      `WITH scope AS (SELECT path FROM org_unit WHERE code = $1)
       SELECT p.id, p.code, p.name_th, u.code AS org_unit_code, p.owner_agency_th, p.budget_type, p.allocated::text AS allocated,
              COALESCE(d.disbursed, 0)::text AS disbursed, pr.percent::float8 AS progress,
              to_char(GREATEST(pr.approved_at AT TIME ZONE 'Asia/Bangkok', d.last_month), 'YYYY-MM-DD') AS last_update
       FROM scope JOIN org_unit u ON u.path = scope.path OR u.path LIKE scope.path || '/%'
       JOIN project p ON p.org_unit_id = u.id AND p.fiscal_year = $2 AND p.status <> 'cancelled' AND p.allocated > 0
       LEFT JOIN LATERAL (SELECT SUM(x.disbursed) AS disbursed, MAX(x.month) AS last_month FROM disbursement x
                          WHERE x.project_id = p.id AND x.month <= $3::date) d ON true
       LEFT JOIN LATERAL (SELECT g.percent, g.approved_at FROM project_progress g
                          WHERE g.project_id = p.id AND g.status = 'approved'
                            AND g.approved_at < ($3::date + 1) AT TIME ZONE 'Asia/Bangkok'
                          ORDER BY g.period DESC LIMIT 1) pr ON true
       ORDER BY COALESCE(d.disbursed, 0) / p.allocated, p.allocated DESC, p.code
       LIMIT $4`,
      [code, fiscalYear, asOf, limit],
    );
    if (!rows.length) await this.checkUnit(code);
    return rows.map(
      (r: Record<string, string & number>): SlowProjectDto => ({
        id: r['id'],
        code: r['code'],
        nameTh: r['name_th'],
        orgUnitCode: r['org_unit_code'],
        ownerAgencyTh: r['owner_agency_th'],
        budgetType: r['budget_type'] as SlowProjectDto['budgetType'],
        allocated: formatSatang(parseBahtToSatang(r['allocated'])),
        disbursed: formatSatang(parseBahtToSatang(r['disbursed'])),
        rate: rateFromSatang(parseBahtToSatang(r['disbursed']), parseBahtToSatang(r['allocated'])),
        progress: r['progress'] ?? null,
        lastUpdate: r['last_update'] ?? null,
      }),
    );
  }

  /** Open risks per likelihood × impact cell: the year's project risks and the KPI risks of the unit and below. */
  async riskMatrix(code: string, o: ReadModelOptions): Promise<RiskMatrixDto> {
    const { fiscalYear } = this.when(o);
    const [row] = await this.dataSource.query(
      `WITH scope AS (SELECT code, path FROM org_unit WHERE code = $1)
       SELECT scope.code,
         (SELECT COALESCE(json_agg(json_build_object('l', c.likelihood, 'i', c.impact, 'n', c.n)), '[]') FROM
           (SELECT r.likelihood, r.impact, count(*)::int AS n FROM risk r
            LEFT JOIN project p ON p.id = r.project_id LEFT JOIN kpi k ON k.id = r.kpi_id
            JOIN org_unit u ON u.id = COALESCE(p.org_unit_id, k.org_unit_id)
            WHERE r.status = 'open' AND (u.path = scope.path OR u.path LIKE scope.path || '/%')
              AND (r.project_id IS NULL OR p.fiscal_year = $2)
            GROUP BY r.likelihood, r.impact) c) AS cells
       FROM scope`,
      [code, fiscalYear],
    );
    if (!row) throw notFound('notFound.unit');
    const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    const byBand: RiskMatrixDto['byBand'] = { low: 0, medium: 0, high: 0, extreme: 0 };
    for (const c of row.cells as { l: number; i: number; n: number }[]) {
      cells[c.l - 1][c.i - 1] = c.n;
      byBand[riskBand(c.l * c.i)] += c.n;
    }
    return { orgUnitCode: row.code, fiscalYear, cells, byBand };
  }

  private async checkUnit(code: string): Promise<void> {
    const [u] = await this.dataSource.query(`SELECT 1 FROM org_unit WHERE code = $1`, [code]);
    if (!u) throw notFound('notFound.unit');
  }
}
