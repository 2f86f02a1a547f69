/**
 * The ministry's ranking, in one statement ($1: fiscal year): per province its frozen round scores
 * of the year and last year's 12-month score (the 6-month round's movers compare with it), the
 * clusters, and the evaluation's progress of both rounds counted by PostgreSQL. Every join is an
 * index lookup: agreement by (org_unit_id, fiscal_year), agreement_round and agreement_round_review
 * by (agreement_id, round), all unique. A signed agreement is any but a draft (as PROVINCES_JOIN).
 */
export const MINISTRY_RANKING_SQL = `
  WITH prov AS (
    SELECT u.id, u.code, u.name_th, u.name_en,
           CASE WHEN parent.type = 'cluster' THEN parent.code END AS cluster_code
    FROM org_unit u LEFT JOIN org_unit parent ON parent.id = u.parent_id
    WHERE u.type = 'province'
  ),
  agreed AS (
    SELECT prov.*, a.id AS agreement_id, pa.id AS previous_agreement_id
    FROM prov
    LEFT JOIN agreement a ON a.org_unit_id = prov.id AND a.fiscal_year = $1 AND a.status <> 'draft'
    LEFT JOIN agreement pa ON pa.org_unit_id = prov.id AND pa.fiscal_year = $1 - 1 AND pa.status <> 'draft'
  ),
  stage AS (
    SELECT ag.agreement_id, r.round,
           (ar.id IS NOT NULL OR rv.status = 'frozen') AS frozen,
           (ar.id IS NOT NULL OR rv.id IS NOT NULL) AS submitted,
           (ar.id IS NOT NULL OR rv.status = 'frozen'
              OR (rv.id IS NOT NULL AND NOT jsonb_path_exists(rv.lines, '$[*] ? (@.decision == "pending")'))) AS evaluated
    FROM agreed ag
    CROSS JOIN (VALUES (6), (12)) AS r(round)
    LEFT JOIN agreement_round ar ON ar.agreement_id = ag.agreement_id AND ar.round = r.round
    LEFT JOIN agreement_round_review rv ON rv.agreement_id = ag.agreement_id AND rv.round = r.round
    WHERE ag.agreement_id IS NOT NULL
  )
  SELECT
    (SELECT json_agg(json_build_object(
               'code', ag.code, 'nameTh', ag.name_th, 'nameEn', ag.name_en, 'clusterCode', ag.cluster_code,
               'agreed', ag.agreement_id IS NOT NULL,
               'round6', r6.score::text, 'round12', r12.score::text, 'lastYearRound12', p12.score::text)
             ORDER BY ag.code)
     FROM agreed ag
     LEFT JOIN agreement_round r6 ON r6.agreement_id = ag.agreement_id AND r6.round = 6
     LEFT JOIN agreement_round r12 ON r12.agreement_id = ag.agreement_id AND r12.round = 12
     LEFT JOIN agreement_round p12 ON p12.agreement_id = ag.previous_agreement_id AND p12.round = 12
    ) AS provinces,
    (SELECT COALESCE(json_agg(json_build_object('code', c.code, 'nameTh', c.name_th, 'nameEn', c.name_en)
                              ORDER BY c.code), '[]')
     FROM org_unit c WHERE c.type = 'cluster') AS clusters,
    (SELECT json_agg(json_build_object(
               'round', r.round,
               'provinces', (SELECT count(*) FROM prov),
               'agreed', (SELECT count(agreement_id) FROM agreed),
               'submitted', (SELECT count(*) FROM stage s WHERE s.round = r.round AND s.submitted),
               'evaluated', (SELECT count(*) FROM stage s WHERE s.round = r.round AND s.evaluated),
               'frozen', (SELECT count(*) FROM stage s WHERE s.round = r.round AND s.frozen))
             ORDER BY r.round)
     FROM (VALUES (6), (12)) AS r(round)) AS progress`;

export interface MinistryRankingProvinceRow {
  code: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  agreed: boolean;
  round6: string | null;
  round12: string | null;
  lastYearRound12: string | null;
}

export interface MinistryRankingRow {
  provinces: MinistryRankingProvinceRow[];
  clusters: { code: string; nameTh: string; nameEn: string }[];
  progress: {
    round: 6 | 12;
    provinces: number;
    agreed: number;
    submitted: number;
    evaluated: number;
    frozen: number;
  }[];
}
