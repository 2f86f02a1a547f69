/**
 * The product's closed word lists, each written once as a const array; the union type is derived
 * from it (the contracts re-export the types). DTO validators (`@IsIn`), entity checks (`sqlIn`), the domain library and the dashboard
 * read these arrays instead of spelling the values again. Migrations keep the words they were
 * written with (history does not change); the drift spec proves the entity checks still match them.
 */

/** How often a KPI reports. */
export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The traffic light of a KPI: green ≥ 100 %, amber ≥ 80 %, red below, grey when a due result is missing. */
export const KPI_STATUSES = ['green', 'amber', 'red', 'grey', 'none'] as const;
export type KpiStatusName = (typeof KPI_STATUSES)[number];

/** The review workflow's states (KPI results and project progress). */
export const RESULT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ResultStatusName = (typeof RESULT_STATUSES)[number];

/** A KPI target's state: the new year's roll-over drafts targets; only published ones count outside the unit. */
export const TARGET_STATES = ['draft', 'published'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** A project's budget is capital or current; disbursement is also reported overall. */
export const PROJECT_BUDGET_TYPES = ['capital', 'current'] as const;
export type ProjectBudgetType = (typeof PROJECT_BUDGET_TYPES)[number];
export const DISBURSEMENT_BUDGET_TYPES = ['overall', ...PROJECT_BUDGET_TYPES] as const;
export type DisbursementBudgetType = (typeof DISBURSEMENT_BUDGET_TYPES)[number];

/** A development plan is a draft (its own people only) until the province approver publishes it. */
export const PLAN_STATUSES = ['draft', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const PERIOD_IN_YEAR = '(M(0[1-9]|1[0-2])|Q[1-4]|H[12])';
/** A fiscal period key inside a year: `2569-M01`…`M12` (M01 = October), `2569-Q1`…`Q4`, `2569-H1`/`H2`. */
export const PERIOD_KEY_PATTERN = new RegExp(`^\\d{4}-${PERIOD_IN_YEAR}$`);
/** A fiscal month (`2569-M01` = October 2568 BE): the analysis desk's reporting month. */
export const MONTH_KEY_PATTERN = /^\d{4}-M(0[1-9]|1[0-2])$/;
/** A period key or a whole fiscal year (`2569`). */
export const PERIOD_OR_YEAR_PATTERN = new RegExp(`^\\d{4}(-${PERIOD_IN_YEAR})?$`);

/**
 * A directive's (ข้อสั่งการ) life: issued by the governor, acknowledged by its owner, worked on
 * (progress posts), put up for closing by the owner, then closed or returned by the issuer. A
 * returned directive goes back to its owner, who works on it and asks again.
 */
export const DIRECTIVE_STATES = [
  'issued',
  'acknowledged',
  'in_progress',
  'close_requested',
  'closed',
  'returned',
] as const;
export type DirectiveState = (typeof DIRECTIVE_STATES)[number];

/** What a directive came from. */
export const DIRECTIVE_SOURCES = ['kpi', 'project', 'risk', 'meeting', 'none'] as const;
export type DirectiveSource = (typeof DIRECTIVE_SOURCES)[number];

/**
 * What the ministry's data-quality follow-up lists (issue 22): a confirmed outlier, a value near a
 * hard limit, a result changed after approval, a late first submission (data-quality.ts says when).
 */
export const DATA_QUALITY_KINDS = ['outlier', 'near_limit', 'changed_after_approval', 'late'] as const;
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];
