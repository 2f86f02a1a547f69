import type { DisbursementBudgetType, KpiStatusName, ProjectBudgetType, ResultStatusName } from './vocabulary';

export type BudgetSourceName = 'province' | 'cluster' | 'ministry' | 'local' | 'other';
export type ProjectStatusName = 'not_started' | 'on_schedule' | 'delayed' | 'completed' | 'cancelled';
export type RiskResponseName = 'take' | 'treat' | 'transfer' | 'terminate';
export type RiskBandName = 'low' | 'medium' | 'high' | 'extreme';

export interface ProjectDto {
  id: string;
  orgUnitCode: string;
  strategyId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  ownerAgencyTh: string;
  /** The person responsible (name or post); '' when not given. */
  responsiblePerson: string;
  fiscalYear: number;
  budgetSource: BudgetSourceName;
  budgetType: ProjectBudgetType;
  /** Baht, two decimals, as text. */
  allocated: string;
  startDate: string;
  endDate: string;
  status: ProjectStatusName;
  kpiIds: string[];
  version: number;
}

export interface SaveProjectDto {
  orgUnitCode?: string;
  strategyId?: string;
  code?: string;
  nameTh?: string;
  nameEn?: string;
  ownerAgencyTh?: string;
  responsiblePerson?: string;
  fiscalYear?: number;
  budgetSource?: BudgetSourceName;
  budgetType?: ProjectBudgetType;
  allocated?: string;
  startDate?: string;
  endDate?: string;
  status?: ProjectStatusName;
  kpiIds?: string[];
  version?: number;
}

export interface ProjectProgressDto {
  id: string;
  projectId: string;
  period: string;
  percent: number;
  milestoneNote: string;
  status: ResultStatusName;
  returnReason: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  version: number;
}

export interface DisbursementTargetDto {
  fiscalYear: number;
  budgetType: DisbursementBudgetType;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  version: number;
}

/** Organisation: a risk of the province itself (PMQA 4.0); operational: of a project or a KPI. */
export type RiskLevelName = 'organisation' | 'operational';

export interface RiskDto {
  id: string;
  projectId: string | null;
  kpiId: string | null;
  /** Set for an organisation-level risk: the province's org unit. */
  orgUnitId: string | null;
  level: RiskLevelName;
  description: string;
  /** Inherent (before treatment). */
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandName;
  /** After treatment; null until assessed. */
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  residualBand: RiskBandName | null;
  response: RiskResponseName;
  owner: string;
  mitigation: string;
  reviewDate: string | null;
  status: 'open' | 'closed';
  version: number;
}

/** Money as text (baht, two decimals); rates and targets in percent, two decimals. */
export interface DisbursementFiguresDto {
  allocated: string;
  committed: string;
  disbursed: string;
  rate: number | null;
  committedRate: number | null;
}

export interface DisbursementSummaryDto {
  orgUnitCode: string;
  fiscalYear: number;
  asOf: string;
  total: DisbursementFiguresDto & {
    target: number | null;
    gap: number | null;
    gapBaht: string | null;
    lapseRisk: 'none' | 'watch' | 'high';
  };
  byType: (DisbursementFiguresDto & { budgetType: ProjectBudgetType; target: number | null; gap: number | null })[];
  bySource: (DisbursementFiguresDto & { budgetSource: BudgetSourceName })[];
  /** Per month of the fiscal year up to asOf: cumulative disbursed and rate vs the target on the month's last day. */
  curve: (DisbursementCurvePointDto & {
    /** The same per budget type the province has projects of, against that type's target. */
    byType: (DisbursementCurvePointDto & { budgetType: ProjectBudgetType })[];
  })[];
}

export interface DisbursementCurvePointDto {
  /** YYYY-MM */
  month: string;
  cumulativeDisbursed: string;
  rate: number | null;
  target: number | null;
}

export interface DisbursementRankingRowDto extends DisbursementFiguresDto {
  code: string;
  nameTh: string;
  nameEn: string;
  rank: number | null;
  gap: number | null;
}

export interface DisbursementRankingDto {
  fiscalYear: number;
  asOf: string;
  level: 'province' | 'cluster';
  budgetType: DisbursementBudgetType;
  /** The target in force on asOf (percent); null when central staff have set none for the year. */
  target: number | null;
  rows: DisbursementRankingRowDto[];
}

export interface SlowProjectDto {
  id: string;
  code: string;
  nameTh: string;
  orgUnitCode: string;
  ownerAgencyTh: string;
  budgetType: ProjectBudgetType;
  allocated: string;
  disbursed: string;
  rate: number | null;
  progress: number | null;
  lastUpdate: string | null;
}

export interface RiskMatrixDto {
  orgUnitCode: string;
  fiscalYear: number;
  /** cells[likelihood − 1][impact − 1] = open risks in that cell. */
  cells: number[][];
  byBand: Record<RiskBandName, number>;
}

/** One bad cell of an uploaded file: the spreadsheet row, the column header (response language), why. */
export interface ImportRowErrorDto {
  row: number;
  column: string | null;
  message: string;
}

/** The 422 body of a rejected import: every bad row, nothing written. */
export interface ImportRejectedBodyDto {
  statusCode: 422;
  message: string;
  dryRun: boolean;
  rows: number;
  accepted: number;
  errors: ImportRowErrorDto[];
}

export interface DisbursementMonthTotalsDto {
  /** First day of the month, YYYY-MM-01. */
  month: string;
  rows: number;
  committed: string;
  disbursed: string;
}

/** `POST /api/provinces/:code/disbursement-imports` (docs/gfmis-import.md). Amounts are baht as decimal strings. */
export interface DisbursementImportReportDto {
  dryRun: boolean;
  /** The same file is already committed for the province: nothing written. */
  unchanged: boolean;
  uploadId: string;
  batchId: string | null;
  layout: 'monthly' | 'transactions' | null;
  rows: number;
  lines: number;
  totalCommitted: string;
  totalDisbursed: string;
  months: DisbursementMonthTotalsDto[];
  errors: ImportRowErrorDto[];
}

export type DisbursementBatchStatus = 'committed' | 'rolled_back';

/** `GET /api/provinces/:code/disbursement-imports`, newest first. */
export interface DisbursementBatchDto {
  id: string;
  orgUnitCode: string;
  fiscalYear: number;
  fileName: string;
  checksum: string;
  rows: number;
  totalCommitted: string;
  totalDisbursed: string;
  status: DisbursementBatchStatus;
  createdBy: string | null;
  createdAt: string;
  rolledBackBy: string | null;
  rolledBackAt: string | null;
  version: number;
}

/**
 * `GET /api/projects/:projectId/page`: everything the project page shows, in one answer. Progress
 * is approved only (and without officers) unless the reader is the province's own; risks only for
 * readers of the unit (null for the public).
 */
export interface ProjectPageDto {
  project: ProjectDto;
  unit: { code: string; type: 'province' | 'cluster'; path: string; nameTh: string; nameEn: string };
  strategy: { id: string; code: string; nameTh: string; nameEn: string };
  asOf: string;
  figures: DisbursementFiguresDto & { target: number | null; gap: number | null };
  progress: ProjectProgressDto[];
  /** Each month of the fiscal year up to asOf: cumulative disbursed and rate, against the type's target. */
  curve: DisbursementCurvePointDto[];
  kpis: {
    id: string;
    code: string;
    nameTh: string;
    nameEn: string;
    status: KpiStatusName;
    achievement: number | null;
  }[];
  risks: RiskDto[] | null;
}

/** One kept assessment of a risk: at its creation and at each reassessment. */
export interface RiskAssessmentDto {
  id: string;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandName;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  residualBand: RiskBandName | null;
  response: RiskResponseName;
  note: string;
  /** Who assessed (display name); null for the first entry of risks older than the history. */
  assessedBy: string | null;
  assessedAt: string;
}

/** A risk's screen: the risk, what it is on, its assessments (newest first), whether the reader may change it. */
export interface RiskDetailDto {
  risk: RiskDto;
  /** The province (organisation level), the project or the KPI, by name. */
  subject: { kind: 'province' | 'project' | 'kpi'; code: string; nameTh: string; nameEn: string };
  unitCode: string;
  history: RiskAssessmentDto[];
  mayEdit: boolean;
}
