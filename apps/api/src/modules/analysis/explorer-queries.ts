import { FREQUENCIES, periodsPerYear, type ExplorerDimension, type ExplorerMeasure } from '@provdash/shared/domain';

/**
 * SQL of the explorer (libs/shared/domain explorer.ts says what each part means; the integration
 * spec checks every cell against `explorerEntry`/`explorerFigure` on the same rows).
 *
 * One statement per view: the facts of the chosen fiscal years (approved results, or GFMIS money,
 * or evaluated agreement rounds), summed into parts for every cell, every row total, every column
 * total and the grand total at once (GROUPING SETS), so totals pool their parts.
 *
 * Dimensions are chosen from a closed list and mapped to the facts' own column names here; every
 * value the user typed is a bound parameter.
 */

/** Each dimension's key column, and the columns that name it (null where the screen names it). */
const DIMENSION_COLUMNS: Readonly<Record<ExplorerDimension, { key: string; th: string; en: string; sort: string }>> = {
  kpi: { key: 'kpi', th: 'kpi_th', en: 'kpi_en', sort: 'kpi' },
  goal: { key: 'goal', th: 'goal_th', en: 'goal_en', sort: 'goal' },
  pillar: { key: 'pillar', th: 'NULL::text', en: 'NULL::text', sort: 'pillar' },
  province: { key: 'province', th: 'province_th', en: 'province_en', sort: 'province_sort' },
  cluster: { key: 'cluster', th: 'cluster_th', en: 'cluster_en', sort: 'cluster_sort' },
  region: { key: 'region', th: 'region_th', en: 'region_en', sort: 'region_sort' },
  period: { key: 'period', th: 'NULL::text', en: 'NULL::text', sort: 'period' },
  fiscalYear: { key: 'fiscal_year', th: 'NULL::text', en: 'NULL::text', sort: 'fiscal_year' },
};

/** A province with its cluster and region (a province outside any cluster hangs from its region). */
const PLACES = `
places AS (
  SELECT p.id, p.code AS province, p.name_th AS province_th, p.name_en AS province_en, p.sort_order AS province_sort,
         c.code AS cluster, c.name_th AS cluster_th, c.name_en AS cluster_en, c.sort_order AS cluster_sort,
         rg.code AS region, rg.name_th AS region_th, rg.name_en AS region_en, rg.sort_order AS region_sort
  FROM org_unit p JOIN org_unit up ON up.id = p.parent_id
  LEFT JOIN org_unit c ON c.id = up.id AND up.type = 'cluster'
  JOIN org_unit rg ON rg.id = CASE WHEN up.type = 'cluster' THEN up.parent_id ELSE up.id END
  WHERE p.type = 'province'
    AND ($2::varchar IS NULL OR rg.code = $2) AND ($3::varchar IS NULL OR c.code = $3) AND ($4::varchar IS NULL OR p.code = $4)
)`;

/** The periods in a fiscal year of each frequency, from the domain lib (one calendar). */
const PER_YEAR = `CASE k.frequency ${FREQUENCIES.map((f) => `WHEN '${f}' THEN ${periodsPerYear(f)}`).join(' ')} END`;

/**
 * One row per approved result of the years ($1), with what it contributes (explorer.ts):
 * `actual` (a ratio entry's quotient), its period's target (`periodTargetOf`), its achievement
 * capped to 0–120 and whether it meets the target (`explorerEntry`). $5 KPI code, $6 goal code,
 * $7 pillar.
 *
 * The KPIs in scope come first, then only the targets of the years asked (`kpi_target_fy_kpi_idx`)
 * and the KPIs' results of those years (`kpi_result_fy_reporting_idx`): the cost follows what is
 * shown, not the years stored.
 */
const KPI_FACTS = `
scope AS MATERIALIZED (
  SELECT k.id AS kpi_id, k.code AS kpi, k.name_th AS kpi_th, k.name_en AS kpi_en,
         g.code AS goal, g.name_th AS goal_th, g.name_en AS goal_en,
         COALESCE(g.national_pillar, cg.national_pillar) AS pillar, pl.*,
         k.rollup, k.aggregation, k.direction, k.band_min, k.band_max, k.ratio_multiplier,
         COALESCE(k.ratio_multiplier, 1) AS multiplier, ${PER_YEAR} AS per_year
  FROM kpi k
  JOIN places pl ON pl.id = k.org_unit_id
  JOIN goal g ON g.id = k.goal_id
  LEFT JOIN goal cg ON cg.id = g.contributes_to_goal_id
  WHERE ($5::varchar IS NULL OR k.code = $5) AND ($6::varchar IS NULL OR g.code = $6)
    AND ($7::int IS NULL OR COALESCE(g.national_pillar, cg.national_pillar) = $7)
),
targets AS MATERIALIZED (
  SELECT t.kpi_id, t.period, t.target FROM kpi_target t
  WHERE t.fiscal_year = ANY($1::int[]) AND t.state = 'published' AND t.kpi_id IN (SELECT kpi_id FROM scope)
),
facts AS (
  SELECT s.*, r.period, r.fiscal_year,
         CASE WHEN s.rollup = 'ratio' THEN r.numerator IS NOT NULL AND r.denominator IS NOT NULL ELSE r.value IS NOT NULL END AS has_value,
         r.value, r.numerator, r.denominator, a.actual, j.achievement, j.met
  FROM scope s
  JOIN kpi_result r ON r.kpi_id = s.kpi_id AND r.fiscal_year = ANY($1::int[]) AND r.status = 'approved'
  LEFT JOIN targets yt ON yt.kpi_id = s.kpi_id AND yt.period = r.fiscal_year::text
  LEFT JOIN targets pt ON pt.kpi_id = s.kpi_id AND pt.period = r.period
  CROSS JOIN LATERAL (
    SELECT CASE WHEN s.rollup <> 'ratio' THEN r.value
                WHEN r.denominator <> 0 THEN r.numerator / r.denominator * s.multiplier END AS actual,
           COALESCE(pt.target, CASE WHEN s.rollup = 'sum' THEN yt.target / s.per_year ELSE yt.target END) AS target
  ) a
  CROSS JOIN LATERAL (
    SELECT LEAST(GREATEST(x.achievement, 0), 120) AS achievement, x.met
    FROM (SELECT
      CASE WHEN a.actual IS NULL THEN NULL
           WHEN s.direction = 'band' THEN
             CASE WHEN s.band_min IS NULL OR s.band_max IS NULL THEN NULL
                  WHEN a.actual < s.band_min THEN CASE WHEN s.band_min > 0 THEN a.actual * 100 / s.band_min END
                  WHEN a.actual > s.band_max THEN CASE WHEN a.actual > 0 AND s.band_max >= 0 THEN s.band_max * 100 / a.actual END
                  ELSE 100 END
           WHEN a.target IS NULL THEN NULL
           WHEN s.direction = 'higher_better' THEN CASE WHEN a.target > 0 THEN a.actual * 100 / a.target END
           ELSE CASE WHEN a.actual > 0 AND a.target >= 0 THEN a.target * 100 / a.actual END
      END AS achievement,
      CASE WHEN a.actual IS NULL THEN NULL
           WHEN s.direction = 'band' THEN CASE WHEN s.band_min IS NULL OR s.band_max IS NULL THEN NULL ELSE a.actual BETWEEN s.band_min AND s.band_max END
           WHEN a.target IS NULL THEN NULL
           WHEN s.direction = 'higher_better' THEN a.actual >= a.target
           ELSE a.actual <= a.target
      END AS met) x
  ) j
)`;

const KPI_PARTS = `
  count(*) FILTER (WHERE has_value)::int AS entries,
  count(DISTINCT kpi)::int AS kpis,
  sum(value) FILTER (WHERE has_value) AS value_sum,
  sum(numerator) FILTER (WHERE has_value) AS numerator_sum,
  sum(denominator) FILTER (WHERE has_value) AS denominator_sum,
  CASE WHEN count(*) FILTER (WHERE has_value) = 1 THEN min(actual) FILTER (WHERE has_value) END AS single,
  CASE WHEN min(rollup) = max(rollup) THEN min(rollup) END AS rollup,
  CASE WHEN min(aggregation) = max(aggregation) THEN min(aggregation) END AS aggregation,
  CASE WHEN min(multiplier) = max(multiplier) THEN min(multiplier) END AS multiplier,
  sum(achievement) AS achievement_sum, count(achievement)::int AS achievement_count,
  count(*) FILTER (WHERE met)::int AS met, count(met)::int AS judged`;

/**
 * GFMIS money of the years: disbursed per month (the month's own fiscal period key, M01 =
 * October) and, as rows without a month, each province's allocation of the year (its projects
 * not cancelled). The allocation has no month: a month's cell is read against its place's
 * allocation by the service (explorer.service.ts), never summed over months.
 */
const MONEY_FACTS = `
facts AS (
  SELECT pl.*, t.fiscal_year,
         (EXTRACT(YEAR FROM t.month + interval '3 months')::int + 543) || '-M' || lpad((((EXTRACT(MONTH FROM t.month)::int + 2) % 12) + 1)::text, 2, '0') AS period,
         t.disbursed, NULL::numeric AS allocated
  FROM disbursement_month_total t JOIN places pl ON pl.id = t.org_unit_id
  WHERE t.fiscal_year = ANY($1::int[])
  UNION ALL
  SELECT pl.*, p.fiscal_year, NULL AS period, NULL AS disbursed, p.allocated
  FROM project p JOIN places pl ON pl.id = p.org_unit_id
  WHERE p.fiscal_year = ANY($1::int[]) AND p.status <> 'cancelled'
)`;

const MONEY_PARTS = `sum(disbursed) AS disbursed, sum(allocated) AS allocated`;

/** The latest evaluated round of each province's agreement of the years. */
const AGREEMENT_FACTS = `
facts AS (
  SELECT DISTINCT ON (ag.id) pl.*, ag.fiscal_year, ar.score
  FROM agreement ag JOIN agreement_round ar ON ar.agreement_id = ag.id JOIN places pl ON pl.id = ag.org_unit_id
  WHERE ag.fiscal_year = ANY($1::int[])
  ORDER BY ag.id, ar.round DESC
)`;

const AGREEMENT_PARTS = `sum(score) AS score_sum, count(score)::int AS scored`;

/**
 * The statement for a measure cut by `rows` and `cols` (null: one column). Parameters:
 * $1 fiscal years, $2 region, $3 cluster, $4 province (null: all); for the KPI measures also
 * $5 KPI, $6 goal, $7 pillar.
 * For money, the allocation rows carry no period, so they land in the period-less sets the
 * service reads them from.
 */
export function explorerSql(measure: ExplorerMeasure, rows: ExplorerDimension, cols: ExplorerDimension | null): string {
  const r = DIMENSION_COLUMNS[rows];
  const c = cols ? DIMENSION_COLUMNS[cols] : null;
  const facts =
    measure === 'disbursementRate' ? MONEY_FACTS : measure === 'agreementScore' ? AGREEMENT_FACTS : KPI_FACTS;
  const parts =
    measure === 'disbursementRate' ? MONEY_PARTS : measure === 'agreementScore' ? AGREEMENT_PARTS : KPI_PARTS;
  const keys = c
    ? `${r.key}::text AS row_key, ${c.key}::text AS col_key`
    : `${r.key}::text AS row_key, NULL::text AS col_key`;
  const labels = [
    `min(${r.th}) AS row_th, min(${r.en}) AS row_en, min(${r.sort}) AS row_sort`,
    c
      ? `min(${c.th}) AS col_th, min(${c.en}) AS col_en, min(${c.sort}) AS col_sort`
      : `NULL AS col_th, NULL AS col_en, NULL AS col_sort`,
  ].join(', ');
  const sets = c
    ? `GROUPING SETS ((${r.key}, ${c.key}), (${r.key}), (${c.key}), ())`
    : `GROUPING SETS ((${r.key}), ())`;
  const level = c ? `GROUPING(${r.key}, ${c.key})` : `GROUPING(${r.key}) * 2 + 1`;
  return `WITH ${PLACES},
${facts}
SELECT ${level}::int AS level, ${keys}, ${labels}, ${parts}
FROM facts
GROUP BY ${sets}`;
}
