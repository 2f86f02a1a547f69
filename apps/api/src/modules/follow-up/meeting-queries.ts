/**
 * SQL of the monthly meeting. The agenda's candidates are one read: the province's projects of the
 * fiscal year with their money to date (lapse risk is then the domain's rule), its open directives
 * past their due day, its open risks in the high band or above, and the directives earlier
 * meetings' decisions became that are still open. Red KPIs come from the scorecard (the status rule
 * with its roll-ups), the same one every screen shows.
 *
 * $1 org unit id, $2 fiscal year, $3 as-of day (Bangkok), $4 lowest risk score on the agenda,
 * $5 this meeting's id (earlier meetings are the province's others before it, by day then creation).
 */
export const AGENDA_CANDIDATES_SQL = `
WITH proj AS (
  SELECT p.id, p.code, p.name_th, p.name_en, p.allocated::text AS allocated,
         COALESCE(SUM(d.committed), 0)::text AS committed, COALESCE(SUM(d.disbursed), 0)::text AS disbursed
  FROM project p LEFT JOIN disbursement d ON d.project_id = p.id AND d.month <= $3::date
  WHERE p.org_unit_id = $1 AND p.fiscal_year = $2 AND p.status <> 'cancelled'
  GROUP BY p.id
),
me AS (SELECT id, meeting_date, created_at FROM meeting WHERE id = $5),
-- Directives that decisions of earlier meetings became and that are still open: each meeting opens
-- with them, so what the previous meeting carried and did not finish is carried again.
carried AS (
  SELECT d.id FROM meeting_decision md JOIN meeting x ON x.id = md.meeting_id CROSS JOIN me
  JOIN directive d ON d.id = md.directive_id
  WHERE x.org_unit_id = $1 AND x.id <> me.id AND (x.meeting_date, x.created_at) < (me.meeting_date, me.created_at)
    AND d.state <> 'closed'
)
SELECT 'lapse_project' AS kind, proj.id, proj.code, proj.name_th AS "nameTh", proj.name_en AS "nameEn",
       json_build_object('allocated', proj.allocated, 'committed', proj.committed, 'disbursed', proj.disbursed) AS facts
FROM proj
UNION ALL
SELECT CASE WHEN d.id IN (SELECT id FROM carried) THEN 'carried_directive' ELSE 'overdue_directive' END,
       d.id, NULL, d.title, d.title,
       json_build_object('dueDate', to_char(d.due_date, 'YYYY-MM-DD'), 'state', d.state,
                         'owner', COALESCE(NULLIF(d.owner_agency, ''), ow.display_name))
FROM directive d LEFT JOIN app_user ow ON ow.id = d.owner_user_id
WHERE d.org_unit_id = $1 AND d.state <> 'closed' AND (d.due_date < $3::date OR d.id IN (SELECT id FROM carried))
UNION ALL
SELECT 'high_risk', r.id, COALESCE(p.code, k.code), r.description, r.description,
       json_build_object('likelihood', r.likelihood, 'impact', r.impact, 'response', r.response, 'owner', r.owner)
FROM risk r LEFT JOIN project p ON p.id = r.project_id LEFT JOIN kpi k ON k.id = r.kpi_id
-- A risk is the province's through its project or KPI (operational) or directly (organisation level).
WHERE COALESCE(p.org_unit_id, k.org_unit_id, r.org_unit_id) = $1 AND r.status = 'open' AND r.likelihood * r.impact >= $4
ORDER BY 1, 3 NULLS LAST, 4`;

/** A meeting's decisions with the directive each became (if any). $1 meeting id. */
export const DECISIONS_SQL = `
SELECT md.id, md.agenda_item_id AS "agendaItemId", md.text, md.recorded_by AS "recordedBy",
       ru.display_name AS "recorderName", md.created_at AS "recordedAt", md.version,
       d.id AS "directiveId", d.title AS "directiveTitle", d.state AS "directiveState",
       to_char(d.due_date, 'YYYY-MM-DD') AS "directiveDue", ow.display_name AS "directiveOwnerName",
       d.owner_agency AS "directiveOwnerAgency"
FROM meeting_decision md JOIN app_user ru ON ru.id = md.recorded_by
LEFT JOIN directive d ON d.id = md.directive_id LEFT JOIN app_user ow ON ow.id = d.owner_user_id
WHERE md.meeting_id = $1 ORDER BY md.created_at`;

/** The province's directives that came from its meetings and are still open. $1 org unit id. */
export const OPEN_MEETING_DIRECTIVES_SQL = `
SELECT d.id, d.title, d.state, to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate", ow.display_name AS "ownerName",
       d.owner_agency AS "ownerAgency"
FROM directive d LEFT JOIN app_user ow ON ow.id = d.owner_user_id
WHERE d.org_unit_id = $1 AND d.source = 'meeting' AND d.state <> 'closed'
ORDER BY d.due_date, d.created_at`;

/** The province's meetings, latest first, with their decisions. $1 org unit id. */
export const MEETING_LIST_SQL = `
SELECT m.id, u.code AS "orgUnitCode", to_char(m.meeting_date, 'YYYY-MM-DD') AS "meetingDate", m.title, m.state, m.version, cu.display_name AS "chairName",
       (SELECT count(*)::int FROM meeting_agenda_item a WHERE a.meeting_id = m.id) AS "agendaCount",
       COALESCE((SELECT json_agg(json_build_object('id', md.id, 'text', md.text, 'directiveId', md.directive_id)
                                 ORDER BY md.created_at)
                 FROM meeting_decision md WHERE md.meeting_id = m.id), '[]') AS decisions
FROM meeting m JOIN org_unit u ON u.id = m.org_unit_id LEFT JOIN app_user cu ON cu.id = m.chair_user_id
WHERE m.org_unit_id = $1 ORDER BY m.meeting_date DESC, m.created_at DESC`;
