import type { StatusSummaryDto } from './kpi';
import type { DataQualityKind, ResultStatusName } from './vocabulary';

/** Counts of owed results (libs/shared/domain reporting-completeness.ts says what each means). */
export interface ReportingCountsDto {
  due: number;
  reported: number;
  onTime: number;
  late: number;
  approved: number;
  returned: number;
}

export interface CompletenessUnitDto {
  code: string;
  nameTh: string;
  nameEn: string;
  counts: ReportingCountsDto;
}

export interface CompletenessProvinceDto extends CompletenessUnitDto {
  clusterCode: string | null;
  regionCode: string;
}

/**
 * Reporting completeness and timeliness of a fiscal year (or of one month of it) for the whole
 * country: every province, and its cluster's, region's and the country's sums. One request.
 */
export interface CompletenessDto {
  fiscalYear: number;
  /** A fiscal month (`2570-M02`): only results whose period ends in it. Null: the year to date. */
  month: string | null;
  asOf: string;
  deadlineDays: number;
  /** The fiscal year's months already ended by `asOf`, newest last: what `month` may be. */
  months: string[];
  country: ReportingCountsDto;
  regions: CompletenessUnitDto[];
  clusters: (CompletenessUnitDto & { regionCode: string })[];
  provinces: CompletenessProvinceDto[];
}

/** One owed result of a province's KPI: its state and when it was first sent. */
export interface OwedResultDto {
  period: string;
  deadline: string;
  status: ResultStatusName | null;
  firstSubmittedOn: string | null;
}

/** A province's drill-down: each KPI and the results it owes in the year (or month). */
export interface ProvinceCompletenessDto {
  fiscalYear: number;
  month: string | null;
  asOf: string;
  deadlineDays: number;
  province: { code: string; nameTh: string; nameEn: string };
  counts: ReportingCountsDto;
  kpis: {
    id: string;
    code: string;
    nameTh: string;
    nameEn: string;
    frequency: string;
    ownerAgencyTh: string;
    owed: OwedResultDto[];
  }[];
}

/**
 * The cascade to the national strategy: for each of its six pillars, the provincial goals that
 * serve it (their own pillar, or their cluster goal's), each lit from its province's scorecard, and
 * the roll-up of all their KPIs together, per province and for the country.
 */
export interface PillarsDto {
  fiscalYear: number;
  asOf: string;
  pillars: {
    pillar: number;
    summary: StatusSummaryDto;
    provinces: {
      code: string;
      nameTh: string;
      nameEn: string;
      summary: StatusSummaryDto;
      goals: { code: string; nameTh: string; nameEn: string; summary: StatusSummaryDto }[];
    }[];
  }[];
}

/** Findings by kind (libs/shared/domain data-quality.ts says what each is). */
export type DataQualityCountsDto = Record<DataQualityKind, number>;

/**
 * One finding for the ministry to question: a result, and why. `value` is the result's figure (a
 * ratio KPI's rate); `reference` what it is judged against: the plausible bound it crosses
 * (`outlier`), the hard limit it is near (`near_limit`), its figure when first approved
 * (`changed_after_approval`); null for `late`, whose `note` is the deadline. `by`/`on`: who sent it
 * and when (for `late` the first submission), or who reopened it and when
 * (`changed_after_approval`, whose `note` is the reopen's reason); an outlier's `note` is its narrative.
 */
export interface DataQualityFindingDto {
  kind: DataQualityKind;
  provinceCode: string;
  provinceTh: string;
  provinceEn: string;
  kpiId: string;
  kpiCode: string;
  kpiTh: string;
  kpiEn: string;
  unitTh: string;
  unitEn: string;
  period: string;
  status: ResultStatusName;
  value: string | null;
  reference: string | null;
  side: 'min' | 'max' | null;
  by: string | null;
  /** A Bangkok date, `YYYY-MM-DD`. */
  on: string | null;
  note: string | null;
}

/** The country's data-quality follow-up of a fiscal year: each province's counts, worst first. */
export interface DataQualityDto {
  fiscalYear: number;
  asOf: string;
  deadlineDays: number;
  /** "Near a hard limit" is within this share of the range (a decimal string, 0.05 = 5 %). */
  nearLimitShare: string;
  counts: DataQualityCountsDto;
  provinces: { code: string; nameTh: string; nameEn: string; counts: DataQualityCountsDto; total: number }[];
}

/** One province's findings, kind by kind, then KPI and period. */
export interface ProvinceDataQualityDto {
  fiscalYear: number;
  asOf: string;
  deadlineDays: number;
  nearLimitShare: string;
  province: { code: string; nameTh: string; nameEn: string };
  counts: DataQualityCountsDto;
  findings: DataQualityFindingDto[];
}
