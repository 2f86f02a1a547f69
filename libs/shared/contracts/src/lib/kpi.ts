import type { Frequency, KpiStatusName, ResultStatusName } from './vocabulary';

export interface EvidenceLinkDto {
  url: string;
  title: string;
}

/** A KPI result as the API returns it. Who submitted/approved is shown only to the province's own people. */
export interface KpiResultDto {
  id: string;
  kpiId: string;
  fiscalYear: number;
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  narrativeTh: string;
  evidence: EvidenceLinkDto[];
  status: ResultStatusName;
  returnReason: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  version: number;
  updatedAt: string;
}

/** Values are decimal strings or numbers; ratio KPIs take numerator and denominator instead of value. */
export interface SaveKpiResultDto {
  value?: string | number;
  numerator?: string | number;
  denominator?: string | number;
  narrativeTh?: string;
  evidence?: EvidenceLinkDto[];
  /** A value outside the KPI's plausible range is refused unless confirmed. */
  confirmOutlier?: boolean;
  /** Required when the result exists: the version read. */
  version?: number;
}

export interface ResultTransitionDto {
  version: number;
  /** Required to return or reopen. */
  reason?: string;
}

export interface KpiTargetYearDto {
  fiscalYear: number;
  target: string | null;
  /** Version of the yearly target row, for the next write. */
  version: number | null;
  /** A draft (the new year's roll-over) counts only on the unit's own screens until published. */
  state: 'draft' | 'published' | null;
  trajectory: { period: string; target: string }[];
}

/** A KPI's full definition with its targets per fiscal year. */
export interface KpiDefinitionDto {
  id: string;
  goalId: string;
  orgUnitCode: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: 'higher_better' | 'lower_better' | 'band';
  frequency: Frequency;
  rollup: 'sum' | 'average' | 'last' | 'ratio';
  ratioMultiplier: string | null;
  aggregation: 'sum' | 'weighted_ratio' | 'weighted_mean' | 'none';
  bandMin: string | null;
  bandMax: string | null;
  baselineValue: string | null;
  baselineFy: number | null;
  plausibleMin: string | null;
  plausibleMax: string | null;
  /** The KPI's own hard limits (null: the default by unit applies on that side). */
  hardMin: string | null;
  hardMax: string | null;
  /** The limits that apply: outside them a value is impossible and the API refuses it. */
  hardLimits: { min: string | null; max: string | null };
  ownerAgencyTh: string;
  ownerAgencyEn: string;
  dataSource: string;
  definitionTh: string;
  /** The person who answers for the KPI (a user of its province); null on public reads, which name no officer. */
  ownerUserId: string | null;
  /** Ratio KPIs: what the numerator and the denominator count ('' for other KPIs). */
  numeratorTh: string;
  denominatorTh: string;
  retired: boolean;
  version: number;
  targets: KpiTargetYearDto[];
}

/** Counts of the plan import by kind (docs/plan-import.md). */
export interface PlanImportCountsDto {
  issues: number;
  goals: number;
  kpis: number;
  targets: number;
  strategies: number;
  /** Cause → effect arrows between goals (only ever created: the import adds arrows, the plan builder removes them). */
  links: number;
}

/** The plan import's answer (a dry run's preview or the import done); a file with errors gets 422 instead. */
export interface PlanImportReportDto {
  dryRun: boolean;
  fiscalYear: number;
  planId: string;
  rows: number;
  /** Rows whose issue, goal, KPI or target is new or different (written, or to be written on a dry run). */
  accepted: number;
  /** Rows the same as what is stored: the same file twice skips every row. */
  skipped: number;
  created: PlanImportCountsDto;
  updated: PlanImportCountsDto;
  errors: { row: number; column: string | null; message: string }[];
}

/** The new fiscal year's screen: the unit's KPIs with last year's target and this year's (draft or published). */
export interface NewYearDto {
  orgUnitCode: string;
  fiscalYear: number;
  /** The last fiscal year of the plan covering this one: past it, a new plan is built in the plan builder. */
  planEndFy: number;
  kpis: {
    kpiId: string;
    code: string;
    nameTh: string;
    nameEn: string;
    unitTh: string;
    lastYearTarget: string | null;
    target: string | null;
    state: 'draft' | 'published' | null;
    trajectoryPoints: number;
  }[];
}

/** What a roll-over (copied: KPIs whose targets were drafted) or a publish (copied: KPIs published) did. */
export interface NewYearRolloverDto {
  fiscalYear: number;
  copied: number;
  skipped: number;
}

/** What the KPI setup screens need for one goal: the goal, its KPIs and the people who may own one. */
export interface KpiSetupDto {
  goal: { id: string; code: string; nameTh: string; nameEn: string; orgUnitCode: string; issueCode: string };
  kpis: KpiDefinitionDto[];
  /** Active users of the goal's province: the choices for a KPI's owner person. */
  people: { id: string; displayName: string }[];
}

/** One KPI on a scorecard: approved data only, evaluated as of a date. */
export interface ScorecardKpiDto {
  kpiId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  issueCode: string;
  goalCode: string;
  direction: 'higher_better' | 'lower_better' | 'band';
  frequency: Frequency;
  ownerAgencyTh: string;
  target: number | null;
  expected: number | null;
  actual: number | null;
  achievement: number | null;
  status: KpiStatusName;
  missingPeriods: string[];
  /** The running period when its approved result already counts (before it is due): marked as early. */
  earlyPeriod: string | null;
  /** The last 12 approved periods (any fiscal year), oldest first: the sparkline. */
  trend: { period: string; value: number | null }[];
  lastApprovedAt: string | null;
}

/** KPI lights rolled up to a goal, an issue or the plan. */
export interface StatusSummaryDto {
  counts: Record<KpiStatusName, number>;
  kpiCount: number;
  judgedCount: number;
  /** green / judged, 0…1. */
  onTrackShare: number | null;
  /** Weighted mean achievement (capped), percent. */
  performanceIndex: number | null;
  status: KpiStatusName;
}

export interface ScorecardDto {
  orgUnitCode: string;
  fiscalYear: number;
  asOf: string;
  counts: Record<KpiStatusName, number>;
  kpis: ScorecardKpiDto[];
  /** The same lights rolled up: the plan, each strategic issue, each goal. */
  rollup: {
    plan: StatusSummaryDto;
    issues: { code: string; summary: StatusSummaryDto }[];
    goals: { code: string; issueCode: string; summary: StatusSummaryDto }[];
  };
}

/** One goal (by code) across provinces: its KPIs' lights rolled up, ranked by the performance index. */
export interface GoalComparisonDto {
  goalCode: string;
  fiscalYear: number;
  asOf: string;
  rows: {
    orgUnitCode: string;
    nameTh: string;
    nameEn: string;
    clusterCode: string | null;
    goalNameTh: string;
    summary: StatusSummaryDto;
    rank: number | null;
  }[];
}

export interface ComparisonRowDto {
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  kpiId: string;
  actual: number | null;
  expected: number | null;
  achievement: number | null;
  status: KpiStatusName;
  rank: number | null;
}

/** A cluster's figure for one KPI: the member provinces combined where that makes sense. */
export interface ClusterAggregateDto {
  clusterCode: string;
  nameTh: string;
  nameEn: string;
  aggregation: 'sum' | 'weighted_ratio' | 'weighted_mean' | 'none';
  /** Null when the KPI must not be combined or no member has data; `missing` lists members without data. */
  value: number | null;
  missing: string[];
  rank: number | null;
}

/** One KPI across every province that carries it, ranked by achievement, and its clusters ranked by value. */
export interface KpiComparisonDto {
  kpiCode: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  fiscalYear: number;
  asOf: string;
  rows: ComparisonRowDto[];
  clusters: ClusterAggregateDto[];
}

/** A cluster's member provinces side by side, KPI by KPI. */
export interface ClusterViewDto {
  clusterCode: string;
  fiscalYear: number;
  asOf: string;
  provinces: { code: string; nameTh: string; nameEn: string }[];
  kpis: {
    code: string;
    nameTh: string;
    nameEn: string;
    unitTh: string;
    unitEn: string;
    aggregation: 'sum' | 'weighted_ratio' | 'weighted_mean' | 'none';
    clusterValue: number | null;
    cells: {
      orgUnitCode: string;
      kpiId: string;
      actual: number | null;
      achievement: number | null;
      status: KpiStatusName;
    }[];
  }[];
}

/** One province's KPI lights rolled up over its whole plan, as the national overview shows it. */
export interface ProvinceStatusDto {
  code: string;
  nameTh: string;
  nameEn: string;
  summary: StatusSummaryDto;
}

/** A cluster's member provinces' KPI lights: all their KPIs together, and each province's own. */
export interface ClusterStatusRowDto {
  clusterCode: string;
  nameTh: string;
  nameEn: string;
  regionCode: string;
  summary: StatusSummaryDto;
  provinces: ProvinceStatusDto[];
}

/** `GET /api/compare/clusters`: the 18 clusters at a glance (approved data only), in code order. */
export interface ClusterStatusDto {
  fiscalYear: number;
  asOf: string;
  clusters: ClusterStatusRowDto[];
}

/**
 * `GET|PUT /api/kpi-status-thresholds/:fiscalYear`: the year's KPI status thresholds (achievement
 * percent: green from `green`, amber from `amber`). `version` null: none stored, the defaults apply.
 */
export interface KpiStatusThresholdsDto {
  fiscalYear: number;
  green: number;
  amber: number;
  version: number | null;
}
