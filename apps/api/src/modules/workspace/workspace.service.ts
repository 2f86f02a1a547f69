import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PeriodTimingName, WorkspaceDto } from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  canSeeUnapproved,
  fiscalYearOf,
  FREQUENCIES,
  Frequency,
  isAllowed,
  isPeriodDue,
  latestDuePeriod,
  periodRange,
  periodsOfYear,
} from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/api-error';
import type { ActorClaims, ResolvedUnit } from '../access/actor';

/** One period of the fiscal year that has started by `asOf`, at one frequency. */
export interface CalendarPeriod {
  frequency: Frequency;
  period: string;
  startsOn: string;
  endsOn: string;
  timing: PeriodTimingName;
}

/**
 * The periods of the year that have started by `asOf`, for every frequency, with their timing.
 * At most 19 rows; the fiscal calendar stays the domain library's, and SQL joins it to each KPI.
 */
export function calendarOf(fiscalYear: number, asOf: string): CalendarPeriod[] {
  return FREQUENCIES.flatMap((frequency) => {
    const due = latestDuePeriod(fiscalYear, frequency, asOf);
    return periodsOfYear(fiscalYear, frequency)
      .map((period) => ({ period, range: periodRange(period) }))
      .filter(({ range }) => range.start <= asOf)
      .map(({ period, range }) => ({
        frequency,
        period,
        startsOn: range.start,
        endsOn: range.end,
        timing: !isPeriodDue(period, asOf) ? 'running' : period === due ? 'due' : 'past',
      }));
  });
}

/** Timestamps as `Date.toISOString()` writes them, the shape every other DTO uses. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A period still with the office: nothing entered, a draft, or returned. */
const WITH_OFFICE = `('missing', 'draft', 'returned')`;

const ENTRY_COMMON = (e: string) => `
  'period', ${e}.period, 'startsOn', ${e}.starts_on, 'endsOn', ${e}.ends_on, 'timing', ${e}.timing,
  'status', ${e}.status, 'late', ${e}.late, 'id', ${e}.id, 'version', ${e}.version, 'returnReason', ${e}.return_reason,
  'submittedBy', ${e}.submitted_by, 'submittedAt', ${iso(`${e}.submitted_at`)},
  'approvedBy', ${e}.approved_by, 'approvedAt', ${iso(`${e}.approved_at`)}`;

/**
 * The whole desk in one statement, so its parts agree with each other (one snapshot): $1 the
 * province's id, $2 the fiscal year, $3 the calendar (calendarOf) as JSON. KPIs are those of the
 * province's plans covering the year, none of their map retired (as the results template lists
 * them); projects are the year's, cancelled ones left out. The queue spans every fiscal year: a
 * submission waits for the approver whatever year it belongs to.
 */
export const WORKSPACE_SQL = `
  WITH cal AS (
    SELECT * FROM json_to_recordset($3::json)
      AS c(frequency text, period text, "startsOn" date, "endsOn" date, timing text)
  ),
  kpis AS (
    SELECT k.id, k.code, k.name_th, k.name_en, k.unit_th, k.unit_en, k.frequency, k.rollup, k.direction,
           k.plausible_min, k.plausible_max, k.hard_min, k.hard_max, k.ratio_multiplier, k.owner_agency_th,
           i.code AS issue_code, g.code AS goal_code, i.seq AS issue_seq, g.seq AS goal_seq, t.target
    FROM kpi k
    JOIN goal g ON g.id = k.goal_id
    JOIN strategic_issue i ON i.id = g.issue_id
    JOIN plan p ON p.id = i.plan_id
    LEFT JOIN kpi_target t ON t.kpi_id = k.id AND t.period = $2::int::text AND t.state = 'published'
    WHERE p.org_unit_id = $1 AND p.start_fy <= $2::int AND p.end_fy >= $2::int
      AND k.retired_at IS NULL AND g.retired_at IS NULL AND i.retired_at IS NULL
  ),
  kpi_entries AS (
    SELECT k.id AS kpi_id, c.period, c."startsOn" AS starts_on, c."endsOn" AS ends_on, c.timing,
           COALESCE(r.status, 'missing') AS status,
           c.timing = 'past' AND COALESCE(r.status, 'missing') IN ${WITH_OFFICE} AS late,
           r.id, r.version, r.value, r.numerator, r.denominator, r.narrative_th, r.evidence, r.return_reason,
           r.submitted_by, r.submitted_at, r.approved_by, r.approved_at
    FROM kpis k
    JOIN cal c ON c.frequency = k.frequency
    LEFT JOIN kpi_result r ON r.kpi_id = k.id AND r.period = c.period
  ),
  projects AS (
    SELECT p.id, p.code, p.name_th, p.name_en, p.owner_agency_th, p.budget_type, p.status, p.start_date, p.end_date
    FROM project p
    WHERE p.org_unit_id = $1 AND p.fiscal_year = $2::int AND p.status <> 'cancelled'
  ),
  progress_entries AS (
    SELECT p.id AS project_id, c.period, c."startsOn" AS starts_on, c."endsOn" AS ends_on, c.timing,
           COALESCE(pp.status, 'missing') AS status,
           c.timing = 'past' AND COALESCE(pp.status, 'missing') IN ${WITH_OFFICE} AS late,
           pp.id, pp.version, pp.percent, pp.milestone_note, pp.return_reason,
           pp.submitted_by, pp.submitted_at, pp.approved_by, pp.approved_at
    FROM projects p
    -- Progress is monthly, and expected only for the months the project runs.
    JOIN cal c ON c.frequency = 'monthly' AND c."startsOn" <= p.end_date AND c."endsOn" >= p.start_date
    LEFT JOIN project_progress pp ON pp.project_id = p.id AND pp.period = c.period
  ),
  entries AS (
    SELECT timing, status, late, submitted_by, approved_by FROM kpi_entries
    UNION ALL
    SELECT timing, status, late, submitted_by, approved_by FROM progress_entries
  ),
  queue AS (
    SELECT 'kpi-result' AS kind, r.id, r.kpi_id AS parent_id, k.code, k.name_th, k.name_en, k.unit_th, k.unit_en,
           r.fiscal_year, r.period, r.value::text AS value, r.numerator::text AS numerator,
           r.denominator::text AS denominator, NULL::numeric AS percent, r.narrative_th AS note, r.evidence,
           r.submitted_by, r.submitted_at, r.version
    FROM kpi_result r
    JOIN kpi k ON k.id = r.kpi_id
    WHERE k.org_unit_id = $1 AND k.retired_at IS NULL AND r.status = 'submitted'
    UNION ALL
    SELECT 'project-progress', pp.id, pp.project_id, p.code, p.name_th, p.name_en, NULL, NULL,
           p.fiscal_year, pp.period, NULL, NULL, NULL, pp.percent, pp.milestone_note, '[]'::jsonb,
           pp.submitted_by, pp.submitted_at, pp.version
    FROM project_progress pp
    JOIN project p ON p.id = pp.project_id
    WHERE p.org_unit_id = $1 AND p.status <> 'cancelled' AND pp.status = 'submitted'
  ),
  kpi_json AS (
    SELECT kpi_id, json_agg(json_build_object(${ENTRY_COMMON('e')},
             'value', e.value::text, 'numerator', e.numerator::text, 'denominator', e.denominator::text,
             'narrativeTh', COALESCE(e.narrative_th, ''), 'evidence', COALESCE(e.evidence, '[]'::jsonb))
           ORDER BY e.ends_on, e.starts_on) AS entries
    FROM kpi_entries e GROUP BY kpi_id
  ),
  project_json AS (
    SELECT project_id, json_agg(json_build_object(${ENTRY_COMMON('e')},
             'percent', e.percent, 'milestoneNote', COALESCE(e.milestone_note, ''))
           ORDER BY e.starts_on) AS entries
    FROM progress_entries e GROUP BY project_id
  )
  SELECT
    u.name_th, u.name_en,
    (SELECT json_build_object(
       'due', count(*) FILTER (WHERE timing = 'due' AND status IN ${WITH_OFFICE}),
       'late', count(*) FILTER (WHERE late),
       'returned', count(*) FILTER (WHERE status = 'returned'),
       'awaitingApproval', (SELECT count(*) FROM queue))
     FROM entries) AS counts,
    COALESCE((SELECT json_agg(json_build_object(
       'kpiId', k.id, 'code', k.code, 'nameTh', k.name_th, 'nameEn', k.name_en, 'unitTh', k.unit_th, 'unitEn', k.unit_en,
       'issueCode', k.issue_code, 'goalCode', k.goal_code, 'frequency', k.frequency, 'rollup', k.rollup,
       'direction', k.direction, 'target', k.target::text, 'plausibleMin', k.plausible_min::text,
       'plausibleMax', k.plausible_max::text, 'hardMin', k.hard_min::text, 'hardMax', k.hard_max::text,
       'ratioMultiplier', k.ratio_multiplier::text,
       'ownerAgencyTh', k.owner_agency_th, 'entries', COALESCE(j.entries, '[]'))
       ORDER BY k.issue_seq, k.goal_seq, k.code)
     FROM kpis k LEFT JOIN kpi_json j ON j.kpi_id = k.id), '[]') AS kpis,
    COALESCE((SELECT json_agg(json_build_object(
       'projectId', p.id, 'code', p.code, 'nameTh', p.name_th, 'nameEn', p.name_en, 'ownerAgencyTh', p.owner_agency_th,
       'budgetType', p.budget_type, 'status', p.status, 'startDate', p.start_date, 'endDate', p.end_date,
       'entries', COALESCE(j.entries, '[]'))
       ORDER BY p.code)
     FROM projects p LEFT JOIN project_json j ON j.project_id = p.id), '[]') AS projects,
    COALESCE((SELECT json_agg(json_build_object(
       'kind', q.kind, 'id', q.id, 'parentId', q.parent_id, 'code', q.code, 'nameTh', q.name_th, 'nameEn', q.name_en,
       'unitTh', q.unit_th, 'unitEn', q.unit_en, 'fiscalYear', q.fiscal_year, 'period', q.period,
       'value', q.value, 'numerator', q.numerator, 'denominator', q.denominator, 'percent', q.percent,
       'note', q.note, 'evidence', q.evidence,
       'submittedBy', CASE WHEN s.id IS NOT NULL THEN json_build_object('id', s.id, 'displayName', s.display_name) END,
       'submittedAt', ${iso('q.submitted_at')}, 'version', q.version)
       ORDER BY q.submitted_at ASC NULLS FIRST, q.code, q.period)
     FROM queue q LEFT JOIN app_user s ON s.id = q.submitted_by), '[]') AS queue,
    COALESCE((SELECT json_agg(json_build_object('id', p.id, 'displayName', p.display_name) ORDER BY p.display_name)
     FROM app_user p
     WHERE p.id IN (SELECT submitted_by FROM entries UNION SELECT approved_by FROM entries
                    UNION SELECT submitted_by FROM queue)), '[]') AS people
  FROM org_unit u
  WHERE u.id = $1`;

interface WorkspaceRow {
  name_th: string;
  name_en: string;
  counts: WorkspaceDto['counts'];
  kpis: WorkspaceDto['kpis'];
  projects: WorkspaceDto['projects'];
  queue: WorkspaceDto['queue'];
  people: WorkspaceDto['people'];
}

@Injectable()
export class WorkspaceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The province's desk as of a day; drafts and names, so for its own people (and admins) only. */
  async workspace(
    unit: ResolvedUnit,
    actor: ActorClaims,
    fiscalYear: number | undefined,
    asOfDate: string | undefined,
  ): Promise<WorkspaceDto> {
    const who = { role: actor.role, scopePath: actor.scope };
    if (!canSeeUnapproved(who, unit)) throw forbidden();
    // Results and progress are entered by provinces: a cluster or the country has no desk of its own.
    if (unit.type !== 'province') throw notFound('notFound.unit');
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    const [row]: WorkspaceRow[] = await this.dataSource.query(WORKSPACE_SQL, [
      unit.id,
      fy,
      JSON.stringify(calendarOf(fy, asOf)),
    ]);
    if (!row) throw notFound('notFound.unit');
    return {
      orgUnitCode: unit.code,
      nameTh: row.name_th,
      nameEn: row.name_en,
      fiscalYear: fy,
      asOf,
      can: { write: isAllowed(who, 'write', unit), approve: isAllowed(who, 'approve', unit) },
      viewer: { id: actor.sub, role: actor.role },
      counts: row.counts,
      kpis: row.kpis,
      projects: row.projects,
      queue: row.queue,
      people: row.people,
    };
  }
}
