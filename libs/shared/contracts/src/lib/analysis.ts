import type { StatusSummaryDto } from './kpi';
import type {
  ForecastMethod,
  ForecastNullReason,
  ForecastOutlook,
  KpiDirection,
  RollupMethod,
} from '@provdash/shared/domain';
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

/** `forecastYearEnd` of the domain lib (forecast.ts): where the year's figure will end. */
export interface ForecastDto {
  /** `scaled` by the earlier years' shape, `naive` (pro-rated sum, else carried forward), or `final` (the year is complete). */
  method: ForecastMethod;
  /** Periods of the year it stands on (the first `through`, all reported). */
  through: number;
  toDate: number;
  projected: number;
  low: number;
  high: number;
  /** Earlier years whose shape entered it. */
  years: number;
}

/** `forecastOutlook` of the domain lib: the forecast against the year's target, direction-aware. */
/** The domain's outlook, under the name the screens use. */
export type ForecastOutlookName = ForecastOutlook;

/** One KPI's year-end forecast (approved results only) and its outlook. */
export interface KpiForecastDto {
  kpiId: string;
  code: string;
  /** Periods in the KPI's year: 12 monthly, 4 quarterly, 2 half-yearly, 1 yearly. */
  periodsInYear: number;
  rollup: RollupMethod;
  direction: KpiDirection;
  /** The year's target (null for a band KPI or none set); a band KPI's band. */
  target: number | null;
  band: { min: number; max: number } | null;
  forecast: ForecastDto | null;
  /** Why there is no forecast: nothing approved this year yet, or a gap among the first periods. */
  reason: ForecastNullReason | null;
  outlook: ForecastOutlookName | null;
}

/**
 * The province's disbursement forecast, in percent of the year's allocation: the months ended so
 * far disbursed `toDate` %, scaled by the shape of the province's earlier years (in baht; a factor
 * does not depend on the unit), against the ministry's year-end target (Q4, overall).
 */
export interface DisbursementForecastDto {
  allocated: string;
  /** The Q4 overall target of the year, percent; null when central staff have set none. */
  target: number | null;
  forecast: ForecastDto | null;
  reason: ForecastNullReason | null;
  outlook: ForecastOutlookName | null;
}

/** `GET /api/analysis/forecasts/:unitCode`: a province's year-end forecasts. Approved data only. */
export interface ProvinceForecastsDto {
  orgUnitCode: string;
  fiscalYear: number;
  asOf: string;
  kpis: KpiForecastDto[];
  disbursement: DisbursementForecastDto;
}

/**
 * `GET /api/analysis/contributions/:unitCode`: what each goal of a province's plan for the year
 * contributes to: the cluster goal it is linked to (`goal.contributes_to_goal_id`) and the national
 * strategy pillar it serves (its own, or else its cluster goal's, as the pillars screen reads it).
 */
export interface GoalContributionsDto {
  orgUnitCode: string;
  fiscalYear: number;
  goals: {
    code: string;
    clusterGoal: {
      code: string;
      nameTh: string;
      nameEn: string;
      clusterCode: string;
      clusterNameTh: string;
      clusterNameEn: string;
    } | null;
    pillar: number | null;
    /** Whether the pillar is the goal's own or its cluster goal's. */
    pillarFrom: 'goal' | 'cluster' | null;
  }[];
}

/**
 * `GET /api/analysis/likely-to-miss`: every province's KPIs whose year-end forecast is likely to
 * miss the target (each exactly as its province's forecasts route says), the ministry's list.
 */
export interface LikelyToMissDto {
  fiscalYear: number;
  asOf: string;
  kpis: (KpiForecastDto & {
    provinceCode: string;
    provinceNameTh: string;
    provinceNameEn: string;
    nameTh: string;
    nameEn: string;
  })[];
}
