import type { RoleName } from './auth';
import type { EvidenceLinkDto } from './kpi';
import type { ImportRowErrorDto, ProjectStatusName } from './project';
import type { Frequency, ProjectBudgetType, ResultStatusName } from './vocabulary';

/** An entry's place in the workflow; `missing` when nothing has been entered for the period yet. */
export type EntryStatusName = 'missing' | ResultStatusName;

/**
 * Where a period stands on `asOf`: `running` (started, not ended: it may already be entered),
 * `due` (the latest period of its frequency that has ended: this round's work) or `past` (an
 * earlier one). Periods that have not started are not listed.
 */
export type PeriodTimingName = 'running' | 'due' | 'past';

/** What every expected period carries, entered or not. */
export interface WorkspaceEntryBase {
  period: string;
  /** First and last day of the period, `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
  timing: PeriodTimingName;
  status: EntryStatusName;
  /** A past period still with the office: missing, draft or returned (submitted and approved are not late). */
  late: boolean;
  /** Null while `missing`. */
  id: string | null;
  /** The version to send with the next write; null while `missing`. */
  version: number | null;
  returnReason: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface WorkspaceKpiEntryDto extends WorkspaceEntryBase {
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  narrativeTh: string;
  evidence: EvidenceLinkDto[];
}

/** One KPI of the province's plans for the year, with every period expected up to `asOf`. */
export interface WorkspaceKpiDto {
  kpiId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  issueCode: string;
  goalCode: string;
  frequency: Frequency;
  /** `ratio`: results are a numerator and a denominator instead of a value. */
  rollup: 'sum' | 'average' | 'last' | 'ratio';
  direction: 'higher_better' | 'lower_better' | 'band';
  /** The yearly target, as a decimal string; null when none is set. */
  target: string | null;
  plausibleMin: string | null;
  plausibleMax: string | null;
  /** The KPI's own hard limits; null takes the default by unit (`effectiveHardLimits` in the domain library). */
  hardMin: string | null;
  hardMax: string | null;
  ratioMultiplier: string | null;
  ownerAgencyTh: string;
  entries: WorkspaceKpiEntryDto[];
}

export interface WorkspaceProgressEntryDto extends WorkspaceEntryBase {
  /** Percent complete, 0–100; null while `missing`. */
  percent: number | null;
  milestoneNote: string;
}

/** One project of the year (cancelled ones left out), with the months expected up to `asOf` inside its dates. */
export interface WorkspaceProjectDto {
  projectId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  ownerAgencyTh: string;
  budgetType: ProjectBudgetType;
  status: ProjectStatusName;
  startDate: string;
  endDate: string;
  entries: WorkspaceProgressEntryDto[];
}

/** A submission waiting for the province's approver, whatever its fiscal year. */
export interface WorkspaceQueueItemDto {
  kind: 'kpi-result' | 'project-progress';
  /** The entry's id. */
  id: string;
  /** The KPI's or the project's id: the write routes are under it. */
  parentId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  /** The KPI's unit; null for project progress (percent). */
  unitTh: string | null;
  unitEn: string | null;
  fiscalYear: number;
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  percent: number | null;
  /** The KPI result's narrative, or the progress' milestone note. */
  note: string;
  evidence: EvidenceLinkDto[];
  submittedBy: WorkspacePersonDto | null;
  submittedAt: string | null;
  version: number;
}

export interface WorkspacePersonDto {
  id: string;
  displayName: string;
}

/** Counts over the KPI results and project progress of the year, and the whole queue. */
export interface WorkspaceCountsDto {
  /** `due` periods not yet submitted or approved. */
  due: number;
  late: number;
  returned: number;
  awaitingApproval: number;
}

/**
 * `GET /api/workspace/:code?fiscalYear=&asOf=`: the strategy office's desk for one province in one
 * response — what is due and late, KPI by KPI and project by project, and the approver's queue.
 * Drafts and names are in it, so only the province's own people (and admins) may read it.
 */
export interface WorkspaceDto {
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  fiscalYear: number;
  asOf: string;
  /** What the caller may do here, by the one rule table (isAllowed). */
  can: { write: boolean; approve: boolean };
  viewer: { id: string; role: RoleName };
  counts: WorkspaceCountsDto;
  kpis: WorkspaceKpiDto[];
  projects: WorkspaceProjectDto[];
  /** Oldest submission first. */
  queue: WorkspaceQueueItemDto[];
  /** Everyone who submitted or approved an entry listed here: user id → name. */
  people: WorkspacePersonDto[];
}

/** `POST /api/provinces/:code/results-import` (docs/kpi-results-import.md): what a results spreadsheet came to. */
export interface ResultsImportReportDto {
  dryRun: boolean;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Rows written (or, on a dry run, that would be). */
  accepted: number;
  /** Rows with no value, or the same as what is stored. */
  skipped: number;
  errors: ImportRowErrorDto[];
}
