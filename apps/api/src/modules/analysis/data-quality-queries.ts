import {
  hardLimitUnitPatterns,
  HISTORY_RANGE_MIN_VALUES,
  HISTORY_RANGE_SDS,
  NEAR_LIMIT_SHARE,
} from '@provdash/shared/domain';
import { completenessParams } from './completeness-queries';

/**
 * SQL of the data-quality follow-up. The rules are the domain lib's (libs/shared/domain
 * data-quality.ts, `classifyResult`); the integration spec checks this statement against them on
 * the same rows. Every constant the rules use comes in as a parameter from the domain lib: the
 * calendar and deadlines (`completenessParams`, $1–$5), the words of a percent unit and of a
 * percent change that give a KPI its default hard limits (`effectiveHardLimits`, $6 $7), the
 * near-limit share ($8), and the history range's width and minimum count ($9 $10).
 * $11: one province's id, or null for the whole country.
 *
 * The results judged are a fiscal year's, not in draft, of provinces' live KPIs. A result's value
 * when first approved comes from the audit trail (its earliest approved state: the `after` of an
 * approval or the `before` of a reopen); its last reopen (approved → returned) says who let it
 * change, when and why.
 */
const FINDINGS = `
owed(frequency, period, deadline) AS (SELECT * FROM unnest($2::varchar[], $3::varchar[], $4::date[])),
owed_by AS MATERIALIZED (
  SELECT period, deadline, ((deadline + 1)::timestamp AT TIME ZONE 'Asia/Bangkok') AS deadline_end FROM owed
),
res AS MATERIALIZED (
  SELECT r.id, r.kpi_id, r.period, r.status, r.value, r.numerator, r.denominator, r.narrative_th, r.return_reason,
         r.submitted_by, r.submitted_at, COALESCE(r.first_submitted_at, r.submitted_at) AS first_sent,
         k.code AS kpi_code, k.name_th AS kpi_th, k.name_en AS kpi_en, k.unit_th, k.unit_en, k.rollup,
         k.plausible_min, k.plausible_max, p.id AS province_id, p.code AS province_code,
         CASE WHEN k.rollup = 'ratio'
              THEN CASE WHEN r.denominator > 0 THEN r.numerator * COALESCE(k.ratio_multiplier, 1) / r.denominator END
              ELSE r.value END AS figure,
         COALESCE(k.hard_min, CASE WHEN lim.pct AND lim.chg THEN -100 ELSE 0 END) AS hard_min,
         COALESCE(k.hard_max, CASE WHEN lim.pct AND NOT lim.chg THEN 100 END) AS hard_max,
         k.ratio_multiplier
  FROM kpi_result r
  JOIN kpi k ON k.id = r.kpi_id AND k.retired_at IS NULL
  JOIN org_unit p ON p.id = k.org_unit_id AND p.type = 'province'
  CROSS JOIN LATERAL (
    SELECT (k.unit_th ~* $6 OR k.unit_en ~* $6) AS pct,
           (k.name_th ~* $7 OR k.name_en ~* $7 OR k.unit_th ~* $7 OR k.unit_en ~* $7) AS chg
  ) lim
  WHERE r.fiscal_year = $1 AND r.status <> 'draft' AND ($11::uuid IS NULL OR p.id = $11::uuid)
),
-- The history range is only for KPIs that set no plausible bound (result entry's rule).
hist AS (
  SELECT h.kpi_id, avg(h.value)::float8 AS mean, stddev_samp(h.value)::float8 AS sd, count(h.value)::int AS n
  FROM kpi_result h
  WHERE h.status = 'approved'
    AND h.kpi_id IN (SELECT kpi_id FROM res WHERE rollup <> 'ratio' AND plausible_min IS NULL AND plausible_max IS NULL)
  GROUP BY h.kpi_id
),
trail AS (
  SELECT e.id, e.entity_id, e.user_id, e.at, e.before, e.after
  FROM audit_event e
  WHERE e.entity = 'kpi_result' AND e.entity_id IN (SELECT id::text FROM res)
    AND (e.after->>'status' = 'approved' OR (e.before->>'status' = 'approved' AND e.after->>'status' = 'returned'))
),
-- Its earliest approved state in the trail: an approval's \`after\`, or a reopen's \`before\` (an
-- approved result is locked, so that is the value it was approved with: a result approved before
-- the trail began, like the seeded history, is known from its first reopen).
first_approval AS (
  SELECT DISTINCT ON (entity_id) entity_id, CASE WHEN after->>'status' = 'approved' THEN after ELSE before END AS after
  FROM trail ORDER BY entity_id, id
),
last_reopen AS (
  SELECT DISTINCT ON (entity_id) entity_id, user_id, at, after->>'returnReason' AS reason
  FROM trail WHERE before->>'status' = 'approved' AND after->>'status' = 'returned' ORDER BY entity_id, id DESC
),
judged AS (
  SELECT r.*, o.deadline, o.deadline_end, fa.after AS approved, lr.user_id AS reopened_by, lr.at AS reopened_at, lr.reason AS reopen_reason,
         CASE WHEN r.rollup <> 'ratio' THEN COALESCE(r.plausible_min::float8,
              CASE WHEN r.plausible_max IS NULL AND h.n >= $10 THEN h.mean - $9 * h.sd END) END AS p_min,
         CASE WHEN r.rollup <> 'ratio' THEN COALESCE(r.plausible_max::float8,
              CASE WHEN r.plausible_min IS NULL AND h.n >= $10 THEN h.mean + $9 * h.sd END) END AS p_max,
         (r.hard_max - r.hard_min) * $8::numeric AS margin
  FROM res r
  LEFT JOIN owed_by o ON o.period = r.period
  LEFT JOIN hist h ON h.kpi_id = r.kpi_id
  LEFT JOIN first_approval fa ON fa.entity_id = r.id::text
  LEFT JOIN last_reopen lr ON lr.entity_id = r.id::text
),
approved_figure AS (
  SELECT j.id,
         CASE WHEN j.rollup = 'ratio'
              THEN CASE WHEN (j.approved->>'denominator')::numeric > 0
                        THEN (j.approved->>'numerator')::numeric * COALESCE(j.ratio_multiplier, 1) / (j.approved->>'denominator')::numeric END
              ELSE (j.approved->>'value')::numeric END AS figure
  FROM judged j WHERE j.approved IS NOT NULL
),
findings AS (
  SELECT j.province_id, j.province_code, x.kind, x.ord, j.kpi_id, j.kpi_code, j.kpi_th, j.kpi_en, j.unit_th, j.unit_en,
         j.period, j.status, j.figure, x.reference, x.side, x.by_user, x.at, x.note
  FROM judged j
  LEFT JOIN approved_figure af ON af.id = j.id
  CROSS JOIN LATERAL (VALUES
    -- A confirmed outlier: outside the plausible range, saved with a narrative (entry's confirmation).
    ('outlier', 1,
     j.rollup <> 'ratio' AND j.value IS NOT NULL AND btrim(j.narrative_th) <> ''
       AND (j.value::float8 < j.p_min OR j.value::float8 > j.p_max),
     round((CASE WHEN j.value::float8 < j.p_min THEN j.p_min ELSE j.p_max END)::numeric, 4),
     CASE WHEN j.value::float8 < j.p_min THEN 'min' ELSE 'max' END,
     j.submitted_by, j.submitted_at, NULLIF(j.narrative_th, '')),
    -- Inside both hard limits, within the share of their width from one (the lower one first).
    ('near_limit', 2,
     j.figure IS NOT NULL AND j.hard_max IS NOT NULL AND j.hard_max > j.hard_min
       AND j.figure BETWEEN j.hard_min AND j.hard_max
       AND (j.figure - j.hard_min <= j.margin OR j.hard_max - j.figure <= j.margin),
     CASE WHEN j.figure - j.hard_min <= j.margin THEN j.hard_min ELSE j.hard_max END,
     CASE WHEN j.figure - j.hard_min <= j.margin THEN 'min' ELSE 'max' END,
     j.submitted_by, j.submitted_at, NULL),
    -- The value now differs from the value when first approved (each part of a ratio).
    ('changed_after_approval', 3,
     j.approved IS NOT NULL AND (
       (j.approved->>'value')::numeric IS DISTINCT FROM j.value
       OR (j.approved->>'numerator')::numeric IS DISTINCT FROM j.numerator
       OR (j.approved->>'denominator')::numeric IS DISTINCT FROM j.denominator),
     af.figure, NULL, j.reopened_by, j.reopened_at, j.reopen_reason),
    -- First sent after the deadline (on or before the end of the deadline day in Bangkok is on time).
    ('late', 4,
     j.first_sent IS NOT NULL AND $5::date > j.deadline AND j.first_sent >= j.deadline_end,
     NULL::numeric, NULL, j.submitted_by, j.first_sent, to_char(j.deadline, 'YYYY-MM-DD'))
  ) AS x(kind, ord, hit, reference, side, by_user, at, note)
  WHERE x.hit
)`;

/**
 * A finding as the screens get it: the figure and its reference (the bound crossed, the limit
 * near, the value when approved) to four decimals without trailing zeros, dates in Bangkok.
 */
const FINDING_JSON = `json_build_object(
  'kind', f.kind, 'provinceCode', f.province_code, 'provinceTh', u.name_th, 'provinceEn', u.name_en,
  'kpiId', f.kpi_id, 'kpiCode', f.kpi_code, 'kpiTh', f.kpi_th, 'kpiEn', f.kpi_en, 'unitTh', f.unit_th, 'unitEn', f.unit_en,
  'period', f.period, 'status', f.status,
  'value', trim_scale(round(f.figure, 4))::text, 'reference', trim_scale(round(f.reference, 4))::text, 'side', f.side,
  'by', usr.display_name, 'on', to_char((f.at AT TIME ZONE 'Asia/Bangkok')::date, 'YYYY-MM-DD'), 'note', f.note)`;

/**
 * The country: every province's counts by kind (all 77, worst first: most findings, then code) and
 * the country's sums. Counts only: the list itself is a province's (the demo alone has thousands of
 * late submissions a year, too many for one screen).
 */
export const QUALITY_COUNTRY_SQL = `
WITH ${FINDINGS},
per_province AS (
  SELECT province_id,
         (count(*) FILTER (WHERE kind = 'outlier'))::int AS outlier,
         (count(*) FILTER (WHERE kind = 'near_limit'))::int AS near_limit,
         (count(*) FILTER (WHERE kind = 'changed_after_approval'))::int AS changed_after_approval,
         (count(*) FILTER (WHERE kind = 'late'))::int AS late,
         count(*)::int AS total
  FROM findings GROUP BY province_id
)
SELECT u.code, u.name_th AS "nameTh", u.name_en AS "nameEn",
       json_build_object('outlier', COALESCE(c.outlier, 0), 'near_limit', COALESCE(c.near_limit, 0),
                         'changed_after_approval', COALESCE(c.changed_after_approval, 0), 'late', COALESCE(c.late, 0)) AS counts,
       COALESCE(c.total, 0) AS total
FROM org_unit u LEFT JOIN per_province c ON c.province_id = u.id
WHERE u.type = 'province'
ORDER BY COALESCE(c.total, 0) DESC, u.code`;

/** One province's findings ($11 its id): kind by kind, then KPI and period. */
export const QUALITY_PROVINCE_SQL = `
WITH ${FINDINGS}
SELECT ${FINDING_JSON} AS finding
FROM findings f
JOIN org_unit u ON u.id = f.province_id
LEFT JOIN app_user usr ON usr.id = f.by_user
ORDER BY f.ord, f.kpi_code, f.period`;

/** The parameters ($1–$11) of both statements. */
export function qualityParams(
  fiscalYear: number,
  asOf: string,
  deadlineDays: number,
  provinceId: string | null,
): unknown[] {
  return [
    ...completenessParams(fiscalYear, asOf, null, deadlineDays),
    hardLimitUnitPatterns().percent,
    hardLimitUnitPatterns().change,
    NEAR_LIMIT_SHARE,
    HISTORY_RANGE_SDS,
    HISTORY_RANGE_MIN_VALUES,
    provinceId,
  ];
}
