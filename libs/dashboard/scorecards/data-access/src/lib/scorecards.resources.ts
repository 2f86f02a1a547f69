import { httpResource } from '@angular/common/http';
import type {
  GoalComparisonDto,
  GoalContributionsDto,
  ProvinceForecastsDto,
  KpiComparisonDto,
  KpiResultDto,
  PlanSummaryDto,
  ScorecardDto,
  StrategyMapDto,
} from '@provdash/shared/contracts';

/** What scorecards and comparisons are evaluated at: a fiscal year (B.E.) and a day; both default on the API. */
export interface EvaluationQuery {
  fiscalYear?: number | null;
  asOf?: string | null;
}

/** Query parameters without the blanks, so the API applies its own defaults. */
export function evaluationParams(q: EvaluationQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (q.fiscalYear) params['fiscalYear'] = String(q.fiscalYear);
  if (q.asOf) params['asOf'] = q.asOf;
  return params;
}

/*
 * Each factory runs in an injection context and re-requests when its inputs change; `undefined`
 * from the input function means "nothing to load yet" (httpResource stays idle).
 */

export function scorecardResource(query: () => (EvaluationQuery & { code: string }) | undefined) {
  return httpResource<ScorecardDto>(() => {
    const q = query();
    return q
      ? { url: `/api/org-units/${encodeURIComponent(q.code)}/scorecard`, params: evaluationParams(q) }
      : undefined;
  });
}

/** A province's year-end forecasts (each KPI's and its disbursement's) with their outlook. */
export function forecastsResource(query: () => (EvaluationQuery & { code: string }) | undefined) {
  return httpResource<ProvinceForecastsDto>(() => {
    const q = query();
    return q ? { url: `/api/analysis/forecasts/${encodeURIComponent(q.code)}`, params: evaluationParams(q) } : undefined;
  });
}

/** What each goal of a province's plan contributes to: its cluster goal and its national pillar. */
export function contributionsResource(query: () => (EvaluationQuery & { code: string }) | undefined) {
  return httpResource<GoalContributionsDto>(() => {
    const q = query();
    return q ? { url: `/api/analysis/contributions/${encodeURIComponent(q.code)}`, params: evaluationParams(q) } : undefined;
  });
}

export function plansResource(unit: () => string | undefined) {
  return httpResource<PlanSummaryDto[]>(() => {
    const code = unit();
    return code ? { url: '/api/plans', params: { unit: code } } : undefined;
  });
}

export function strategyMapResource(planId: () => string | undefined) {
  return httpResource<StrategyMapDto>(() => {
    const id = planId();
    return id ? `/api/plans/${encodeURIComponent(id)}` : undefined;
  });
}

export function kpiComparisonResource(query: () => (EvaluationQuery & { kpiCode: string }) | undefined) {
  return httpResource<KpiComparisonDto>(() => {
    const q = query();
    return q ? { url: `/api/compare/kpis/${encodeURIComponent(q.kpiCode)}`, params: evaluationParams(q) } : undefined;
  });
}

export function goalComparisonResource(query: () => (EvaluationQuery & { goalCode: string }) | undefined) {
  return httpResource<GoalComparisonDto>(() => {
    const q = query();
    return q ? { url: `/api/compare/goals/${encodeURIComponent(q.goalCode)}`, params: evaluationParams(q) } : undefined;
  });
}

/** Every fiscal year's results of one KPI: the API shows drafts only to the province's own people. */
export function kpiResultsResource(kpiId: () => string | undefined) {
  return httpResource<KpiResultDto[]>(() => {
    const id = kpiId();
    return id ? `/api/kpis/${encodeURIComponent(id)}/results` : undefined;
  });
}

/** The plan that spans a fiscal year, else the latest one. */
export function planForYear(plans: readonly PlanSummaryDto[] | undefined, fiscalYear: number | null | undefined) {
  if (!plans?.length) return undefined;
  const spanning = fiscalYear ? plans.find((p) => p.startFy <= fiscalYear && fiscalYear <= p.endFy) : undefined;
  return spanning ?? [...plans].sort((a, b) => b.endFy - a.endFy)[0];
}
