import type { ProjectStatusName } from './project';
import type { Frequency, PlanStatus } from './vocabulary';

export interface PlanSummaryDto {
  id: string;
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  visionTh: string;
  visionEn: string;
  startFy: number;
  endFy: number;
  /** `draft` until published: only the unit's own people see a draft (canSeeDraftPlan). */
  status: PlanStatus;
  /** ISO timestamp of publication, null for a draft. */
  publishedAt: string | null;
  version: number;
}

export interface MapNodeDto {
  id: string;
  code: string;
  seq: number;
  nameTh: string;
  nameEn: string;
  retired: boolean;
  version: number;
}

export interface KpiSummaryDto {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: 'higher_better' | 'lower_better' | 'band';
  frequency: Frequency;
  rollup: 'sum' | 'average' | 'last' | 'ratio';
  retired: boolean;
  version: number;
}

export interface GoalDto extends MapNodeDto {
  nationalPillar: number | null;
  contributesToGoalId: string | null;
  strategies: MapNodeDto[];
  kpis: KpiSummaryDto[];
}

export interface IssueDto extends MapNodeDto {
  goals: GoalDto[];
}

/** A project under one of the map's strategies (any fiscal year of the plan; cancelled ones too). */
export interface MapProjectDto {
  id: string;
  code: string;
  strategyId: string;
  nameTh: string;
  nameEn: string;
  fiscalYear: number;
  status: ProjectStatusName;
  /** The KPIs the project serves. */
  kpiIds: string[];
}

/** A whole strategy map in one response: what the map screen draws. */
export interface StrategyMapDto {
  plan: PlanSummaryDto;
  issues: IssueDto[];
  /** Cause → effect arrows between goals of this plan. */
  links: { causeGoalId: string; effectGoalId: string }[];
  /** The projects of the plan's strategies, by fiscal year and code. */
  projects: MapProjectDto[];
}
