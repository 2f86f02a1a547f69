import type { MapProjectDto } from '@provdash/shared/contracts';
import type { DataSource } from 'typeorm';

/**
 * True when the KPI under alias `k` belongs to a published plan: the condition every public or
 * shared read of KPIs adds, so a draft plan's KPIs (and their results) stay with the province until
 * the approver publishes it. Indexed lookups by primary key, one row per KPI.
 */
export const inPublishedPlan = (k: string): string =>
  `EXISTS (SELECT 1 FROM goal pub_g JOIN strategic_issue pub_i ON pub_i.id = pub_g.issue_id
           JOIN plan pub_p ON pub_p.id = pub_i.plan_id WHERE pub_g.id = ${k}.goal_id AND pub_p.status = 'published')`;

/**
 * The projects under a map's strategies, each with the KPIs it serves: the last links of the map's
 * chain (goal → strategy → project). One indexed statement (project_strategy_id_idx, project_kpi's
 * primary key); every fiscal year of the plan, so the screen picks the year it shows.
 */
export async function mapProjects(db: DataSource, strategyIds: string[]): Promise<MapProjectDto[]> {
  if (!strategyIds.length) return [];
  const rows: {
    id: string;
    code: string;
    strategy_id: string;
    name_th: string;
    name_en: string;
    fiscal_year: number;
    status: MapProjectDto['status'];
    kpi_ids: string[];
  }[] = await db.query(
    `SELECT p.id, p.code, p.strategy_id, p.name_th, p.name_en, p.fiscal_year, p.status,
            COALESCE(array_agg(pk.kpi_id ORDER BY pk.kpi_id) FILTER (WHERE pk.kpi_id IS NOT NULL), '{}') AS kpi_ids
       FROM project p
       LEFT JOIN project_kpi pk ON pk.project_id = p.id
      WHERE p.strategy_id = ANY($1::uuid[])
      GROUP BY p.id
      ORDER BY p.fiscal_year, p.code`,
    [strategyIds],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    strategyId: r.strategy_id,
    nameTh: r.name_th,
    nameEn: r.name_en,
    fiscalYear: Number(r.fiscal_year),
    status: r.status,
    kpiIds: r.kpi_ids,
  }));
}
