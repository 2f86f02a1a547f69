import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PillarsDto, ScorecardKpiDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, summarizeKpiStatuses } from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { ScorecardsService, summaryDto } from '../scorecards/scorecards.service';
import { statusThresholdsOf } from '../scorecards/status-thresholds.service';

/** The six pillars of the national strategy (goal.national_pillar is 1–6). */
const PILLARS = [1, 2, 3, 4, 5, 6] as const;

/**
 * The provincial goals of the year's published plans with the pillar they serve: their own, or
 * else that of the cluster goal they contribute to. $1 fiscal year.
 */
const PILLAR_GOALS_SQL = `
SELECT u.code AS province, u.name_th, u.name_en, g.code, g.name_th AS goal_name_th, g.name_en AS goal_name_en,
       COALESCE(g.national_pillar, cg.national_pillar) AS pillar
FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
JOIN org_unit u ON u.id = p.org_unit_id
LEFT JOIN goal cg ON cg.id = g.contributes_to_goal_id
WHERE u.type = 'province' AND p.status = 'published' AND $1 BETWEEN p.start_fy AND p.end_fy
  AND COALESCE(g.national_pillar, cg.national_pillar) IS NOT NULL
ORDER BY u.sort_order, u.code, g.code`;

/** The cascade to the national strategy's six pillars (issue 22 item 4). Approved data only. */
@Injectable()
export class PillarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
  ) {}

  async pillars(fiscalYear?: number, asOfDate?: string): Promise<PillarsDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    const rows: {
      province: string;
      name_th: string;
      name_en: string;
      code: string;
      goal_name_th: string;
      goal_name_en: string;
      pillar: number;
    }[] = await this.dataSource.query(PILLAR_GOALS_SQL, [fy]);
    const provinces = [...new Set(rows.map((r) => r.province))];
    // Each province's scorecard is its own read model, cached there: the lights every screen shows.
    const [cards, thresholds] = await Promise.all([
      Promise.all(provinces.map((code) => this.scorecards.scorecard(code, fy, asOf))),
      statusThresholdsOf(this.dataSource.manager, fy),
    ]);
    const kpisOf = new Map(cards.map((c) => [c.orgUnitCode, c.kpis]));
    const items = (province: string, goal: string) =>
      (kpisOf.get(province) ?? [])
        .filter((k: ScorecardKpiDto) => k.goalCode === goal)
        .map((k) => ({ id: `${province}:${k.kpiId}`, status: k.status, achievement: k.achievement }));
    const summary = (list: ReturnType<typeof items>) => summaryDto(summarizeKpiStatuses(list, { thresholds }));
    return {
      fiscalYear: fy,
      asOf,
      pillars: PILLARS.map((pillar) => {
        const goals = rows.filter((r) => r.pillar === pillar);
        const byProvince = provinces
          .map((code) => goals.filter((g) => g.province === code))
          .filter((gs) => gs.length)
          .map((gs) => ({
            code: gs[0].province,
            nameTh: gs[0].name_th,
            nameEn: gs[0].name_en,
            summary: summary(gs.flatMap((g) => items(g.province, g.code))),
            goals: gs.map((g) => ({
              code: g.code,
              nameTh: g.goal_name_th,
              nameEn: g.goal_name_en,
              summary: summary(items(g.province, g.code)),
            })),
          }));
        return { pillar, summary: summary(goals.flatMap((g) => items(g.province, g.code))), provinces: byProvince };
      }),
    };
  }
}
