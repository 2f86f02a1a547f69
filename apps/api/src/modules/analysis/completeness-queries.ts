/**
 * SQL of reporting completeness (libs/shared/domain reporting-completeness.ts defines each count;
 * the integration spec checks this statement against `countReporting` on the same rows).
 *
 * What a province owes: each result of its KPIs with a target in the fiscal year, for the periods of
 * the KPI's frequency that are due (`owed`: the periods, their frequency and deadline, made by the
 * domain lib, so the calendar lives in one place). One statement gives every province and the sums
 * of its cluster, region and the country (GROUPING SETS): sums of counts, never means of rates.
 *
 * $1 fiscal year, $2 frequencies, $3 periods, $4 deadlines (Bangkok dates), $5 as-of day (Bangkok).
 */
const OWED_FLAGS = `
owed(frequency, period, deadline) AS (SELECT * FROM unnest($2::varchar[], $3::varchar[], $4::date[])),
prov AS (
  SELECT p.id, p.code, p.name_th, p.name_en, p.sort_order,
         CASE WHEN up.type = 'cluster' THEN up.code END AS cluster_code,
         CASE WHEN up.type = 'cluster' THEN rg.code ELSE up.code END AS region_code
  FROM org_unit p JOIN org_unit up ON up.id = p.parent_id LEFT JOIN org_unit rg ON rg.id = up.parent_id
  WHERE p.type = 'province'
),
flags AS (
  SELECT k.org_unit_id, k.id AS kpi_id, o.period, o.deadline, r.status,
         (COALESCE(r.first_submitted_at, r.submitted_at) AT TIME ZONE 'Asia/Bangkok')::date AS first_on
  FROM kpi k
  JOIN owed o ON o.frequency = k.frequency
  LEFT JOIN kpi_result r ON r.kpi_id = k.id AND r.period = o.period
  WHERE k.retired_at IS NULL AND k.org_unit_id IN (SELECT id FROM prov)
    AND EXISTS (SELECT 1 FROM kpi_target t WHERE t.kpi_id = k.id AND t.fiscal_year = $1)
),
counted AS (
  SELECT org_unit_id,
         COALESCE(status <> 'draft' AND first_on IS NOT NULL, false) AS reported,
         COALESCE(status <> 'draft' AND first_on <= deadline, false) AS on_time,
         $5::date > deadline AS past, status
  FROM flags
)`;

export const COMPLETENESS_SQL = `
WITH ${OWED_FLAGS},
grouped AS (
  SELECT GROUPING(p.region_code, p.cluster_code, p.code) AS level, p.region_code, p.cluster_code, p.code,
         count(c.org_unit_id)::int AS due,
         count(*) FILTER (WHERE c.reported)::int AS reported,
         count(*) FILTER (WHERE c.on_time)::int AS "onTime",
         count(*) FILTER (WHERE c.past AND NOT c.on_time)::int AS late,
         count(*) FILTER (WHERE c.status = 'approved')::int AS approved,
         count(*) FILTER (WHERE c.status = 'returned')::int AS returned
  FROM prov p LEFT JOIN counted c ON c.org_unit_id = p.id
  GROUP BY GROUPING SETS ((p.region_code, p.cluster_code, p.code), (p.region_code, p.cluster_code), (p.region_code), ())
)
SELECT g.*, u.name_th AS "nameTh", u.name_en AS "nameEn"
FROM grouped g
LEFT JOIN org_unit u ON u.code = COALESCE(g.code, g.cluster_code, g.region_code)
 AND u.type = CASE g.level WHEN 0 THEN 'province' WHEN 1 THEN 'cluster' WHEN 3 THEN 'region' END
ORDER BY g.level DESC, u.sort_order, u.code`;

/** A province's owed results, KPI by KPI ($6 the province's id): the rows the domain lib counts. */
export const PROVINCE_OWED_SQL = `
WITH ${OWED_FLAGS}
SELECT k.id, k.code, k.name_th AS "nameTh", k.name_en AS "nameEn", k.frequency, k.owner_agency_th AS "ownerAgencyTh",
       json_agg(json_build_object('period', f.period, 'deadline', to_char(f.deadline, 'YYYY-MM-DD'), 'status', f.status,
                                  'firstSubmittedOn', to_char(f.first_on, 'YYYY-MM-DD')) ORDER BY f.period) AS owed
FROM flags f JOIN kpi k ON k.id = f.kpi_id
WHERE f.org_unit_id = $6
GROUP BY k.id
ORDER BY k.code`;
