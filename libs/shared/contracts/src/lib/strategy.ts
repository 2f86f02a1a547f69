import type { Frequency } from './vocabulary';

export interface PlanSummaryDto {
  id: string;
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  visionTh: string;
  visionEn: string;
  startFy: number;
  endFy: number;
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

/** A whole strategy map in one response: what the map screen draws. */
export interface StrategyMapDto {
  plan: PlanSummaryDto;
  issues: IssueDto[];
  /** Cause → effect arrows between goals of this plan. */
  links: { causeGoalId: string; effectGoalId: string }[];
}
