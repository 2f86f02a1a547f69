import type { AgreementRoundNumber, AgreementStatusName } from '@provdash/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { ScoredIndicator } from './agreement-evaluation';

/** One province (and its agreement, when the join finds one) with everything its score needs. */
export interface ScoringRow {
  org_unit_code: string;
  org_name_th: string;
  org_name_en: string;
  cluster_code: string | null;
  cluster_name_th: string | null;
  cluster_name_en: string | null;
  agreement_id: string | null;
  status: AgreementStatusName | null;
  fiscal_year: number | null;
  indicators: ScoredIndicator[];
  rounds: { round: AgreementRoundNumber; score: string; evaluatedAt: string }[];
}

/**
 * One statement per screen. Per province: its agreement's indicators with, for each, the linked
 * KPI's approved results of the year (at most 12 rows, by the kpi_result index) or its own approved
 * manual results, and the agreement's evaluated rounds. Scores are then computed by the domain
 * library (see agreement-evaluation.ts), as the scorecards do for KPI lights.
 *
 * `join` joins `agreement a` to `org_unit u`; `where` filters; both may use the caller's parameters.
 */
/**
 * `describe: false` leaves out the names and units, which a ranking of 77 provinces never shows:
 * a third less JSON to build in PostgreSQL and to parse in Node.
 */
export const SCORING_SQL = (join: string, where: string, describe = true) => `
  SELECT u.code AS org_unit_code, u.name_th AS org_name_th, u.name_en AS org_name_en,
         CASE WHEN parent.type = 'cluster' THEN parent.code END AS cluster_code,
         CASE WHEN parent.type = 'cluster' THEN parent.name_th END AS cluster_name_th,
         CASE WHEN parent.type = 'cluster' THEN parent.name_en END AS cluster_name_en,
         a.id AS agreement_id, a.status, a.fiscal_year,
         COALESCE(ind.indicators, '[]') AS indicators,
         COALESCE(rd.rounds, '[]') AS rounds
  FROM org_unit u
  LEFT JOIN org_unit parent ON parent.id = u.parent_id
  ${join}
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
             'id', ai.id, 'code', ai.code, ${
               describe ? `'nameTh', ai.name_th, 'nameEn', ai.name_en, 'unitTh', ai.unit_th, 'unitEn', ai.unit_en,` : ''
             } 'direction', ai.direction, 'kind', ai.kind,
             'weight', ai.weight::text,
             'levels', json_build_array(ai.l1::text, ai.l2::text, ai.l3::text, ai.l4::text, ai.l5::text),
             'kpi', CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object(
               'code', k.code, 'frequency', k.frequency, 'rollup', k.rollup, 'direction', k.direction,
               'ratioMultiplier', k.ratio_multiplier::text,
               'results', COALESCE((
                 SELECT json_agg(json_build_object('period', r.period, 'value', r.value::text,
                                                     'numerator', r.numerator::text, 'denominator', r.denominator::text)
                                  ORDER BY r.period)
                 FROM kpi_result r WHERE r.kpi_id = k.id AND r.fiscal_year = a.fiscal_year AND r.status = 'approved'), '[]')
             ) END,
             'results', COALESCE((
               SELECT json_agg(json_build_object('period', x.period, 'value', x.value::text, 'step', x.step,
                                                   'approvedAt', x.approved_at) ORDER BY x.period)
               FROM agreement_indicator_result x WHERE x.indicator_id = ai.id AND x.status = 'approved'), '[]')
           ) ORDER BY ai.seq, ai.code) AS indicators
    FROM agreement_indicator ai LEFT JOIN kpi k ON k.id = ai.kpi_id
    WHERE ai.agreement_id = a.id
  ) ind ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('round', ar.round, 'score', ar.score::text, 'evaluatedAt', ar.evaluated_at)
                     ORDER BY ar.round) AS rounds
    FROM agreement_round ar WHERE ar.agreement_id = a.id
  ) rd ON true
  WHERE ${where}
  ORDER BY u.code`;

/** Every province, with its agreed agreement of the year where there is one ($1: fiscal year). */
export const PROVINCES_JOIN = `LEFT JOIN agreement a ON a.org_unit_id = u.id AND a.fiscal_year = $1 AND a.status <> 'draft'`;

/** Scoring rows of one agreement, drafts included ($1: its id). */
export async function scoringRowsOf(m: EntityManager, agreementId: string): Promise<ScoringRow | undefined> {
  const [row] = await m.query(SCORING_SQL(`JOIN agreement a ON a.org_unit_id = u.id`, `a.id = $1`), [agreementId]);
  return row;
}
