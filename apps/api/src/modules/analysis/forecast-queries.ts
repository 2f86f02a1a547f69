/**
 * SQL of the province view's year-end forecasts (libs/shared/domain forecast.ts holds the method;
 * the integration spec checks what the API answers against it on rows it reads on its own).
 */

/**
 * Every KPI of a province's published plan with the year's target and the approved results of this
 * fiscal year and all earlier ones, in one statement. A KPI keeps its row (its id) from year to
 * year (the new-year roll-over copies targets, not KPIs), so its earlier years are its own results
 * of earlier fiscal years, as the back-test (tools/bench/forecast.bench.ts) reads them.
 * $1 province code, $2 fiscal year, $3 the year as text (the key of the yearly target row).
 */
export const KPI_FORECAST_SQL = kpiForecastSql('u.code = $1');

/**
 * The same for every province's KPIs (the ministry's list), with the province and the KPI's names.
 * $1 is passed as null (the placeholders are shared with the one-province statement; PostgreSQL
 * must see each one used), $2 and $3 as above.
 */
export const ALL_PROVINCES_KPI_FORECAST_SQL = kpiForecastSql(`u.type = 'province' AND $1::text IS NULL`);

function kpiForecastSql(where: string): string {
  return `
SELECT u.code AS org_unit_code, u.name_th AS org_name_th, u.name_en AS org_name_en, k.name_th, k.name_en,
       k.id AS kpi_id, k.code, k.frequency, k.rollup, k.direction, k.ratio_multiplier, k.band_min, k.band_max, t.target,
       COALESCE((SELECT json_agg(json_build_object('fiscalYear', r.fiscal_year, 'period', r.period, 'value', r.value,
                                                   'numerator', r.numerator, 'denominator', r.denominator) ORDER BY r.period)
                 FROM kpi_result r WHERE r.kpi_id = k.id AND r.status = 'approved' AND r.fiscal_year <= $2), '[]') AS results
FROM kpi k
JOIN goal g ON g.id = k.goal_id
JOIN strategic_issue i ON i.id = g.issue_id
JOIN plan pl ON pl.id = i.plan_id AND pl.status = 'published'
JOIN org_unit u ON u.id = k.org_unit_id
LEFT JOIN kpi_target t ON t.kpi_id = k.id AND t.period = $3 AND t.state = 'published'
WHERE ${where} AND k.retired_at IS NULL AND g.retired_at IS NULL AND i.retired_at IS NULL
ORDER BY u.sort_order, u.code, i.seq, g.seq, k.code`;
}

/**
 * A province's disbursement for the forecast: the year's allocation, the money disbursed per month
 * of this and every earlier fiscal year (its own projects, not cancelled, as the disbursement panel
 * counts them; GFMIS months up to asOf) and the ministry's overall targets of the year.
 * $1 province code, $2 fiscal year, $3 as-of day.
 */
export const DISBURSEMENT_FORECAST_SQL = `
WITH u AS (SELECT id FROM org_unit WHERE code = $1 AND type = 'province'),
p AS (SELECT p.id, p.fiscal_year, p.allocated FROM project p JOIN u ON u.id = p.org_unit_id
      WHERE p.fiscal_year <= $2 AND p.status <> 'cancelled')
SELECT (SELECT COALESCE(SUM(allocated), 0)::text FROM p WHERE fiscal_year = $2) AS allocated,
       (SELECT COALESCE(json_agg(x ORDER BY x.fiscal_year, x.month), '[]') FROM
          (SELECT p.fiscal_year, to_char(d.month, 'YYYY-MM') AS month, SUM(d.disbursed)::text AS disbursed
           FROM disbursement d JOIN p ON p.id = d.project_id WHERE d.month <= $3::date GROUP BY 1, 2) x) AS months,
       (SELECT json_build_object('Q1', t.q1, 'Q2', t.q2, 'Q3', t.q3, 'Q4', t.q4) FROM disbursement_target t
         WHERE t.fiscal_year = $2 AND t.budget_type = 'overall') AS target
FROM u`;

/**
 * Each goal of a province's published plan for the year with the cluster goal it contributes to
 * and the national pillar it serves: its own, or else its cluster goal's (as PILLAR_GOALS_SQL of
 * the pillars screen reads it). $1 province code, $2 fiscal year.
 */
export const GOAL_CONTRIBUTIONS_SQL = `
SELECT g.code, g.national_pillar, cg.code AS cg_code, cg.name_th AS cg_name_th, cg.name_en AS cg_name_en,
       cu.code AS cluster_code, cu.name_th AS cluster_name_th, cu.name_en AS cluster_name_en, cg.national_pillar AS cg_pillar
FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
JOIN org_unit u ON u.id = p.org_unit_id
LEFT JOIN goal cg ON cg.id = g.contributes_to_goal_id
LEFT JOIN strategic_issue ci ON ci.id = cg.issue_id LEFT JOIN plan cp ON cp.id = ci.plan_id
LEFT JOIN org_unit cu ON cu.id = cp.org_unit_id
WHERE u.code = $1 AND p.status = 'published' AND $2 BETWEEN p.start_fy AND p.end_fy AND g.retired_at IS NULL
ORDER BY i.seq, g.seq, g.code`;
