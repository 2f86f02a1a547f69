import type { AgreementRoundSummaryDto } from './agreement';
import type { ScorecardDto } from './kpi';
import type { KpiStatusName } from './vocabulary';
import type { DisbursementSummaryDto } from './project';

/**
 * Open data: the public read API (`/api/public/...`), the downloads and their catalogue. Rows use
 * the same snake_case column names as the CSV, JSON and XLSX files, so what a researcher reads in
 * the API and in a download is one thing.
 */

export type OpenDatasetId =
  | 'org-units'
  | 'plans'
  | 'kpis'
  | 'results'
  | 'targets'
  | 'agreement-scores'
  | 'agreement-indicator-scores'
  | 'projects'
  | 'disbursement';

export type OpenDataFormat = 'csv' | 'json' | 'xlsx';

export type OpenDataColumnType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

/** One line of a dataset's data dictionary. */
export interface OpenDataColumnDto {
  name: string;
  type: OpenDataColumnType;
  unitTh: string | null;
  unitEn: string | null;
  descriptionTh: string;
  descriptionEn: string;
}

export interface OpenDataLicenceDto {
  name: string;
  url: string;
}

/** Filters a dataset accepts besides `page` and `pageSize`. */
export type OpenDataFilterName =
  | 'fiscalYear'
  | 'scope'
  | 'type'
  | 'kpiCode'
  | 'period'
  | 'round'
  | 'budgetType'
  | 'month';

export interface OpenDatasetDto {
  id: OpenDatasetId;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  /** Whether `fiscalYear` selects rows (org units have no year). */
  byFiscalYear: boolean;
  filters: OpenDataFilterName[];
  formats: OpenDataFormat[];
  /** When the data last changed (ISO), null when the dataset is empty. */
  lastUpdated: string | null;
  /** The paged JSON API, e.g. `/api/public/results`. */
  apiPath: string;
  /** The download without its extension, e.g. `/api/public/datasets/results` (+ `.csv`, `.json`, `.xlsx`). */
  downloadPath: string;
  licence: OpenDataLicenceDto;
}

export interface OpenDatasetDetailDto extends OpenDatasetDto {
  columns: OpenDataColumnDto[];
}

export interface OpenDataCatalogueDto {
  publisherTh: string;
  publisherEn: string;
  licence: OpenDataLicenceDto;
  /** Fiscal years that have any data. */
  fiscalYears: number[];
  datasets: OpenDatasetDto[];
}

export type OpenDataValue = string | number | boolean | null;

export type OpenDataRow = Record<string, OpenDataValue>;

/** One page of a dataset. */
export interface OpenDataPageDto<T = OpenDataRow> {
  dataset: OpenDatasetId;
  page: number;
  pageSize: number;
  total: number;
  lastUpdated: string | null;
  licence: OpenDataLicenceDto;
  data: T[];
}

/** One province on the public overview: approved KPI lights, its last evaluated agreement round, its disbursement. */
export interface PublicProvinceSummaryDto {
  code: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  kpiCounts: Record<KpiStatusName, number>;
  /** Weighted mean achievement of its KPIs (capped), percent; null when none is judged yet. */
  performanceIndex: number | null;
  /** The last evaluated round (6 or 12 months) of the year: frozen, never the live score. */
  lastRound: { round: number; score: number; formatted: string; rank: number | null } | null;
  disbursementRate: number | null;
  disbursementRank: number | null;
}

export interface PublicOverviewDto {
  fiscalYear: number;
  asOf: string;
  kpiCounts: Record<KpiStatusName, number>;
  /** The Cabinet's overall disbursement target in force on asOf, percent. */
  disbursementTarget: number | null;
  disbursement: { allocated: string; disbursed: string; rate: number | null };
  provinces: PublicProvinceSummaryDto[];
}

export interface PublicProvinceDto {
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  fiscalYear: number;
  asOf: string;
  scorecard: ScorecardDto;
  /** Evaluated agreement rounds of the year (frozen). */
  rounds: AgreementRoundSummaryDto[];
  disbursement: DisbursementSummaryDto;
}

export interface PublicKpiResultDto {
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  narrativeTh: string;
  approvedOn: string | null;
}

/** A citizen's comment on a KPI (People's Audit), as shown once the province approved it. */
export interface PublicCommentDto {
  id: string;
  authorName: string | null;
  body: string;
  period: string | null;
  createdAt: string;
}

export interface PublicKpiDto {
  kpiId: string;
  orgUnitCode: string;
  orgUnitNameTh: string;
  orgUnitNameEn: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: string;
  frequency: string;
  ownerAgencyTh: string;
  dataSource: string;
  definitionTh: string;
  fiscalYear: number;
  target: string | null;
  /** Approved results of the year only, with their narratives. */
  results: PublicKpiResultDto[];
}

export type CommentStatusName = 'pending' | 'approved' | 'hidden';

/** A citizen's comment as the province's approver sees it in the moderation queue. */
export interface ModerationCommentDto extends PublicCommentDto {
  kpiId: string;
  kpiCode: string;
  kpiNameTh: string;
  status: CommentStatusName;
  moderatedAt: string | null;
  version: number;
}

export interface NewCommentDto {
  body: string;
  authorName?: string;
  period?: string;
}
