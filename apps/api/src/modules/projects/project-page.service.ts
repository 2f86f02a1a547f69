import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProjectPageDto } from '@provdash/shared/contracts';
import {
  addDays,
  bangkokDateOf,
  canSeeUnapproved,
  fiscalYearRange,
  formatSatang,
  gapPercentagePoints,
  isAllowed,
  parseBahtToSatang,
  rateFromSatang,
  targetAsOf,
  type QuarterlyTargets,
  type UnitType,
} from '@provdash/shared/domain';
import { DataSource, In } from 'typeorm';
import { notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { ProjectProgress } from './project-progress.entity';
import { Project } from './project.entity';
import { progressDto, projectDto, riskDto } from './projects.service';
import { Risk } from './risk.entity';

/** The first day of the next month, from the first day of a month. */
const nextMonth = (first: string) => `${addDays(first, 31).slice(0, 8)}01`;

interface PageRow {
  unit_code: string;
  unit_type: 'province' | 'cluster';
  unit_path: string;
  unit_name_th: string;
  unit_name_en: string;
  strategy_code: string;
  strategy_name_th: string;
  strategy_name_en: string;
  kpi_ids: string[];
  months: { month: string; committed: string; disbursed: string }[];
  target: { Q1: string; Q2: string; Q3: string; Q4: string } | null;
  risk_ids: string[];
}

/**
 * The project page's one answer (issue 18 item 4): the project, its progress history, its monthly
 * disbursement against its budget type's target curve, its KPIs with their lights (from the unit's
 * scorecard, kept in memory, so the lights are exactly the scorecard's), and its risks.
 *
 * The same rules as the separate routes: the definition and approved progress are public; work in
 * progress and officers' names only for the province's own people; risks for readers of the unit.
 */
@Injectable()
export class ProjectPageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
  ) {}

  async page(id: string, actor: ActorClaims | null, asOfDate?: string): Promise<ProjectPageDto> {
    const p = await this.dataSource.getRepository(Project).findOne({ where: { id } });
    if (!p) throw notFound();
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const [row]: PageRow[] = await this.dataSource.query(
      `SELECT u.code AS unit_code, u.type AS unit_type, u.path AS unit_path, u.name_th AS unit_name_th, u.name_en AS unit_name_en,
              s.code AS strategy_code, s.name_th AS strategy_name_th, s.name_en AS strategy_name_en,
              ARRAY(SELECT pk.kpi_id::text FROM project_kpi pk WHERE pk.project_id = p.id ORDER BY pk.kpi_id) AS kpi_ids,
              (SELECT COALESCE(json_agg(x ORDER BY x.month), '[]') FROM
                 (SELECT to_char(d.month, 'YYYY-MM') AS month, SUM(d.committed)::text AS committed, SUM(d.disbursed)::text AS disbursed
                  FROM disbursement d WHERE d.project_id = p.id AND d.month <= $2::date GROUP BY d.month) x) AS months,
              (SELECT json_build_object('Q1', t.q1, 'Q2', t.q2, 'Q3', t.q3, 'Q4', t.q4) FROM disbursement_target t
               WHERE t.fiscal_year = p.fiscal_year AND t.budget_type = p.budget_type) AS target,
              ARRAY(SELECT r.id::text FROM risk r WHERE r.project_id = p.id
                    ORDER BY r.status, r.likelihood * r.impact DESC, r.created_at) AS risk_ids
       FROM project p JOIN org_unit u ON u.id = p.org_unit_id JOIN strategy s ON s.id = p.strategy_id
       WHERE p.id = $1`,
      [id, asOf],
    );
    const unitRef = { path: row.unit_path, type: row.unit_type as UnitType };
    const who = actor && { role: actor.role, scopePath: actor.scope };
    const insider = who !== null && canSeeUnapproved(who, unitRef);
    const reader = who !== null && isAllowed(who, 'read', unitRef);

    const [progress, risks, card] = await Promise.all([
      this.dataSource.getRepository(ProjectProgress).find({
        where: { projectId: id, ...(!insider && { status: 'approved' as const }) },
        order: { period: 'ASC' },
      }),
      reader && row.risk_ids.length
        ? this.dataSource.getRepository(Risk).findBy({ id: In(row.risk_ids) })
        : Promise.resolve([]),
      row.kpi_ids.length ? this.scorecards.scorecard(row.unit_code, p.fiscalYear, asOf) : Promise.resolve(null),
    ]);

    const quarters: QuarterlyTargets | null = row.target && {
      Q1: Number(row.target.Q1),
      Q2: Number(row.target.Q2),
      Q3: Number(row.target.Q3),
      Q4: Number(row.target.Q4),
    };
    const allocated = parseBahtToSatang(p.allocated);
    const inMonth = new Map(row.months.map((x) => [x.month, x]));
    const curve: ProjectPageDto['curve'] = [];
    const year = fiscalYearRange(p.fiscalYear);
    let disbursed = 0n;
    let committed = 0n;
    for (let first = year.start; first <= asOf && first <= year.end; first = nextMonth(first)) {
      const month = first.slice(0, 7);
      const x = inMonth.get(month);
      disbursed += x ? parseBahtToSatang(x.disbursed) : 0n;
      committed += x ? parseBahtToSatang(x.committed) : 0n;
      // As the province curve: a complete month is judged the day after its last (the step rule).
      const lastDay = addDays(nextMonth(first), -1);
      const on = lastDay >= asOf ? asOf : addDays(lastDay, 1);
      curve.push({
        month,
        cumulativeDisbursed: formatSatang(disbursed),
        rate: rateFromSatang(disbursed, allocated),
        target: quarters && targetAsOf(quarters, p.fiscalYear, on),
      });
    }
    const rate = rateFromSatang(disbursed, allocated);
    const target = quarters && targetAsOf(quarters, p.fiscalYear, asOf);
    const lights = new Map((card?.kpis ?? []).map((k) => [k.kpiId, k]));
    const byId = new Map(risks.map((r) => [r.id, r]));

    return {
      project: projectDto(p, row.unit_code, row.kpi_ids),
      unit: {
        code: row.unit_code,
        type: row.unit_type,
        path: row.unit_path,
        nameTh: row.unit_name_th,
        nameEn: row.unit_name_en,
      },
      strategy: {
        id: p.strategyId,
        code: row.strategy_code,
        nameTh: row.strategy_name_th,
        nameEn: row.strategy_name_en,
      },
      asOf,
      figures: {
        allocated: formatSatang(allocated),
        committed: formatSatang(committed),
        disbursed: formatSatang(disbursed),
        rate,
        committedRate: rateFromSatang(committed, allocated),
        target,
        gap: target === null ? null : gapPercentagePoints(rate, target),
      },
      progress: progress.map((r) => progressDto(r, insider)),
      curve,
      kpis: row.kpi_ids.flatMap((kpiId) => {
        const k = lights.get(kpiId);
        return k
          ? [
              {
                id: kpiId,
                code: k.code,
                nameTh: k.nameTh,
                nameEn: k.nameEn,
                status: k.status,
                achievement: k.achievement,
              },
            ]
          : [];
      }),
      risks: reader ? row.risk_ids.flatMap((rid) => (byId.has(rid) ? [riskDto(byId.get(rid) as Risk)] : [])) : null,
    };
  }
}
