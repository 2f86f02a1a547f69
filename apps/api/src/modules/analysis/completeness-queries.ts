import { FREQUENCIES, isPeriodDue, periodRange, periodsOfYear, resultDeadline } from '@provdash/shared/domain';

/**
 * SQL of reporting completeness (libs/shared/domain reporting-completeness.ts defines each count;
 * the integration spec checks the national statement against `countReporting` on a province's rows).
 *
 * What a province owes: each result of its KPIs with a target in the fiscal year, for the periods of
 * the KPI's frequency that are due (`owed`: the periods, their frequency and deadline, made by the
 * domain lib, so the calendar lives in one place).
 *
 * $1 fiscal year, $2 frequencies, $3 periods, $4 deadlines (Bangkok dates), $5 as-of day (Bangkok).
 */
const OWED = `
owed(frequency, period, deadline) AS (SELECT * FROM unnest($2::varchar[], $3::varchar[], $4::date[])),
kpis AS (
  SELECT k.id, k.org_unit_id, k.frequency FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
  WHERE u.type = 'province' AND k.retired_at IS NULL
    AND EXISTS (SELECT 1 FROM kpi_target t WHERE t.kpi_id = k.id AND t.fiscal_year = $1)
)`;

/**
 * Every province and the sums of its cluster, its region and the country (GROUPING SETS): sums of
 * counts, never means of rates. Counted per KPI first: what is due (and past its deadline) comes
 * from the number of owed periods of its frequency, what was sent from its results of the year's
 * owed periods (one index-only scan of the year), so no row is made per owed result.
 */
export const COMPLETENESS_SQL = `
WITH ${OWED},
prov AS (
  SELECT p.id, p.code,
         CASE WHEN up.type = 'cluster' THEN up.code END AS cluster_code,
         CASE WHEN up.type = 'cluster' THEN rg.code ELSE up.code END AS region_code
  FROM org_unit p JOIN org_unit up ON up.id = p.parent_id LEFT JOIN org_unit rg ON rg.id = up.parent_id
  WHERE p.type = 'province'
),
per_frequency AS (
  SELECT frequency, count(*)::int AS due, (count(*) FILTER (WHERE $5::date > deadline))::int AS past FROM owed GROUP BY frequency
),
-- "On time" compares instants with the end of the deadline day in Bangkok, made once per owed
-- period (MATERIALIZED: inlined, the planner would work it out again for every result joined),
-- rather than turning each result's time into a Bangkok date.
owed_by AS MATERIALIZED (
  SELECT period, ((deadline + 1)::timestamp AT TIME ZONE 'Asia/Bangkok') AS deadline_end, $5::date > deadline AS past FROM owed
),
sent AS (
  SELECT r.kpi_id,
         count(*) FILTER (WHERE r.status <> 'draft' AND COALESCE(r.first_submitted_at, r.submitted_at) IS NOT NULL) AS reported,
         count(*) FILTER (WHERE r.status <> 'draft' AND COALESCE(r.first_submitted_at, r.submitted_at) < o.deadline_end) AS on_time,
         count(*) FILTER (WHERE r.status <> 'draft' AND COALESCE(r.first_submitted_at, r.submitted_at) < o.deadline_end AND o.past) AS on_time_past,
         count(*) FILTER (WHERE r.status = 'approved') AS approved,
         count(*) FILTER (WHERE r.status = 'returned') AS returned
  FROM kpi_result r JOIN owed_by o ON o.period = r.period
  WHERE r.fiscal_year = $1
  GROUP BY r.kpi_id
),
per_kpi AS (
  SELECT k.org_unit_id, pf.due, pf.past, COALESCE(s.reported, 0) AS reported, COALESCE(s.on_time, 0) AS on_time,
         COALESCE(s.on_time_past, 0) AS on_time_past, COALESCE(s.approved, 0) AS approved, COALESCE(s.returned, 0) AS returned
  FROM kpis k JOIN per_frequency pf ON pf.frequency = k.frequency LEFT JOIN sent s ON s.kpi_id = k.id
),
grouped AS (
  SELECT GROUPING(p.region_code, p.cluster_code, p.code) AS level, p.region_code, p.cluster_code, p.code,
         COALESCE(sum(c.due), 0)::int AS due,
         COALESCE(sum(c.reported), 0)::int AS reported,
         COALESCE(sum(c.on_time), 0)::int AS "onTime",
         COALESCE(sum(c.past - c.on_time_past), 0)::int AS late,
         COALESCE(sum(c.approved), 0)::int AS approved,
         COALESCE(sum(c.returned), 0)::int AS returned
  FROM prov p LEFT JOIN per_kpi c ON c.org_unit_id = p.id
  GROUP BY GROUPING SETS ((p.region_code, p.cluster_code, p.code), (p.region_code, p.cluster_code), (p.region_code), ())
)
SELECT g.*, u.name_th AS "nameTh", u.name_en AS "nameEn"
FROM grouped g
LEFT JOIN org_unit u ON u.code = COALESCE(g.code, g.cluster_code, g.region_code)
 AND u.type = CASE g.level WHEN 0 THEN 'province' WHEN 1 THEN 'cluster' WHEN 3 THEN 'region' END
ORDER BY g.level DESC, u.sort_order, u.code`;

/** A province's owed results, KPI by KPI ($6 the province's id): the rows the domain lib counts. */
export const PROVINCE_OWED_SQL = `
WITH ${OWED}
SELECT k.id, k.code, k.name_th AS "nameTh", k.name_en AS "nameEn", k.frequency, k.owner_agency_th AS "ownerAgencyTh",
       json_agg(json_build_object('period', o.period, 'deadline', to_char(o.deadline, 'YYYY-MM-DD'), 'status', r.status,
                                  'firstSubmittedOn', to_char((COALESCE(r.first_submitted_at, r.submitted_at) AT TIME ZONE 'Asia/Bangkok')::date, 'YYYY-MM-DD'))
                ORDER BY o.period) AS owed
FROM kpis x JOIN kpi k ON k.id = x.id
JOIN owed o ON o.frequency = k.frequency
LEFT JOIN kpi_result r ON r.fiscal_year = $1 AND r.kpi_id = k.id AND r.period = o.period
-- $5 (the as-of day) is for the national statement; named here so both take the same parameters.
WHERE k.org_unit_id = $6 AND $5::date IS NOT NULL
GROUP BY k.id
ORDER BY k.code`;

/**
 * The parameters both statements take ($1–$5): the fiscal year, and every frequency's periods of it
 * due by `asOf` (ending in `month` if given) with their deadlines, made by the domain lib.
 */
export function completenessParams(
  fiscalYear: number,
  asOf: string,
  month: string | null,
  deadlineDays: number,
): unknown[] {
  const within = month ? periodRange(month) : null;
  const owed = FREQUENCIES.flatMap((frequency) =>
    periodsOfYear(fiscalYear, frequency)
      .filter((p) => isPeriodDue(p, asOf))
      .filter((p) => !within || (periodRange(p).end >= within.start && periodRange(p).end <= within.end))
      .map((period) => ({ frequency, period, deadline: resultDeadline(period, deadlineDays) })),
  );
  return [fiscalYear, owed.map((o) => o.frequency), owed.map((o) => o.period), owed.map((o) => o.deadline), asOf];
}
