import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PillarsDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { ScorecardsService } from '../scorecards/scorecards.service';

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
    const rollUp = await this.scorecards.provincialGoalRollup(provinces, fy, asOf);
    const pairs = (gs: typeof rows) => gs.map((g) => ({ province: g.province, goal: g.code }));
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
            summary: rollUp(pairs(gs)),
            goals: gs.map((g) => ({
              code: g.code,
              nameTh: g.goal_name_th,
              nameEn: g.goal_name_en,
              summary: rollUp(pairs([g])),
            })),
          }));
        return { pillar, summary: rollUp(pairs(goals)), provinces: byProvince };
      }),
    };
  }
}
