import type { DirectiveSource, DirectiveState } from '@provdash/shared/domain';
import type { DirectiveListQuery } from './dto/directive.dto';

/** One directive as the screens read it, with the names of its people and of what it came from. */
export interface DirectiveRow {
  id: string;
  orgUnitId: string;
  orgUnitCode: string;
  unitPath: string;
  unitType: 'province';
  title: string;
  detail: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerAgency: string;
  dueDate: string;
  source: DirectiveSource;
  kpiId: string | null;
  projectId: string | null;
  riskId: string | null;
  sourceCode: string | null;
  sourceNameTh: string | null;
  sourceNameEn: string | null;
  state: DirectiveState;
  percent: number;
  issuedBy: string;
  issuerName: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  closeRequestedAt: Date | null;
  closedAt: Date | null;
  issuerNote: string;
  closeRequestNote: string;
  version: number;
}

export const DIRECTIVE_COLUMNS = `d.id, d.org_unit_id AS "orgUnitId", u.code AS "orgUnitCode", u.path AS "unitPath",
  u.type AS "unitType", d.title, d.detail, d.owner_user_id AS "ownerUserId", ow.display_name AS "ownerName",
  d.owner_agency AS "ownerAgency", to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate", d.source, d.kpi_id AS "kpiId",
  d.project_id AS "projectId", d.risk_id AS "riskId",
  COALESCE(k.code, p.code) AS "sourceCode",
  COALESCE(k.name_th, p.name_th, r.description) AS "sourceNameTh",
  COALESCE(k.name_en, p.name_en, r.description) AS "sourceNameEn",
  d.state, d.percent, d.issued_by AS "issuedBy", iu.display_name AS "issuerName", d.created_at AS "createdAt",
  d.acknowledged_at AS "acknowledgedAt", d.close_requested_at AS "closeRequestedAt", d.closed_at AS "closedAt",
  d.issuer_note AS "issuerNote", d.close_request_note AS "closeRequestNote", d.version`;

export const DIRECTIVE_FROM = `FROM directive d JOIN org_unit u ON u.id = d.org_unit_id
  JOIN app_user iu ON iu.id = d.issued_by LEFT JOIN app_user ow ON ow.id = d.owner_user_id
  LEFT JOIN kpi k ON k.id = d.kpi_id LEFT JOIN project p ON p.id = d.project_id LEFT JOIN risk r ON r.id = d.risk_id`;

/** The province's active people a directive can be given to (the governor's office and the strategy office). */
export const PEOPLE_SQL = `SELECT id, display_name AS "displayName", role FROM app_user
  WHERE org_unit_id = $1 AND disabled_at IS NULL AND role IN ('governor', 'province_officer', 'province_approver')
  ORDER BY display_name`;

/** The WHERE of the directives list: the unit and below, then the page's filters. */
export function listWhere(
  unitPath: string,
  q: DirectiveListQuery,
  userId: string,
  today: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [unitPath];
  const where = [`(u.path = $1 OR u.path LIKE $1 || '/%')`];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  switch (q.show ?? 'all') {
    case 'open':
      where.push(`d.state <> 'closed'`);
      break;
    case 'overdue':
      where.push(`d.state <> 'closed'`);
      add((n) => `d.due_date < $${n}::date`, today);
      break;
    case 'closed':
      where.push(`d.state = 'closed'`);
      break;
  }
  if (q.state) add((n) => `d.state = $${n}`, q.state);
  if (q.mine === 'true') add((n) => `d.owner_user_id = $${n}`, userId);
  if (q.kpiId) add((n) => `d.kpi_id = $${n}`, q.kpiId);
  if (q.projectId) add((n) => `d.project_id = $${n}`, q.projectId);
  if (q.riskId) add((n) => `d.risk_id = $${n}`, q.riskId);
  return { sql: where.join(' AND '), params };
}
