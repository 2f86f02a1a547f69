import type { AgreementRankingDto, AgreementScorecardDto } from './agreement';
import type { DisbursementRankingDto, DisbursementSummaryDto, SlowProjectDto } from './project';
import type { ClusterStatusDto, ClusterViewDto, ScorecardDto, StatusSummaryDto } from './kpi';
import type { GoalContributionsDto, ProvinceForecastsDto } from './analysis';

/**
 * A screen's first paint in one round trip: the read models the screen draws above the fold,
 * each exactly what its own route answers (the screen's stores keep loading and reloading them by
 * those routes; only the first load comes from here). Approved data only, the same for everyone.
 */
export interface ProvinceViewDto {
  /** The province's names, for the page's title before the directory is loaded. */
  unit: { code: string; nameTh: string; nameEn: string };
  /** `GET /api/org-units/:code/scorecard` */
  scorecard: ScorecardDto;
  /** `GET /api/org-units/:code/agreement-scorecard`; null where that answers 404 (no signed agreement that year). */
  agreement: AgreementScorecardDto | null;
  /** `GET /api/org-units/:code/disbursement` */
  disbursement: DisbursementSummaryDto;
  /** `GET /api/org-units/:code/slowest-projects?limit=5` (PROVINCE_VIEW_SLOWEST) */
  slowest: SlowProjectDto[];
  /** `GET /api/analysis/forecasts/:code`: each KPI's and the disbursement's year-end forecast and outlook. */
  forecasts: ProvinceForecastsDto;
  /** `GET /api/analysis/contributions/:code`: each goal's cluster goal and national pillar. */
  contributions: GoalContributionsDto;
}

/** How many of the slowest projects the province view's answer holds (the screen's list). */
export const PROVINCE_VIEW_SLOWEST = 5;

/** The national overview's first paint: its three read models. */
export interface NationalOverviewDto {
  /** `GET /api/compare/clusters` */
  clusters: ClusterStatusDto;
  /** `GET /api/disbursement/ranking?level=province&budgetType=overall` */
  disbursement: DisbursementRankingDto;
  /** `GET /api/compare/agreements` */
  agreements: AgreementRankingDto;
}

/**
 * The cluster screen's first paint: the cluster, its member provinces side by side on each KPI
 * (`GET /api/org-units/:code/cluster-view`), the cluster's own plan (`GET /api/org-units/:code/scorecard`)
 * and its disbursement with its provinces' (`GET /api/org-units/:code/disbursement`).
 */
export interface ClusterScreenDto {
  unit: { code: string; nameTh: string; nameEn: string; regionCode: string };
  view: ClusterViewDto;
  /** The cluster's own KPIs (a cluster plan may have none: its goals are carried by its provinces'). */
  plan: ScorecardDto;
  /** The cluster's plan for the year, its goals and the provincial goals that contribute to each. */
  strategy: ClusterStrategyDto;
  disbursement: DisbursementSummaryDto;
}

/** A cluster plan's goals, each with the member provinces' goals linked up to it (the cascade). */
export interface ClusterStrategyDto {
  planId: string | null;
  planNameTh: string | null;
  planNameEn: string | null;
  goals: {
    code: string;
    nameTh: string;
    nameEn: string;
    /** The national strategy's pillar (1–6) it serves, when set. */
    nationalPillar: number | null;
    /** Every contributing provincial KPI's light together (the domain's roll-up), not a mean of the provinces'. */
    summary: StatusSummaryDto;
    contributors: {
      provinceCode: string;
      goalCode: string;
      nameTh: string;
      nameEn: string;
      summary: StatusSummaryDto;
    }[];
  }[];
}
