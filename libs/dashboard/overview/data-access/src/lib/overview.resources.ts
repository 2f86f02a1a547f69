import { httpResource } from '@angular/common/http';
import { PROVINCE_VIEW_SLOWEST } from '@provdash/shared/contracts';
import type {
  AgreementRankingDto,
  AgreementScorecardDto,
  ClusterStatusDto,
  DisbursementRankingDto,
  DisbursementSummaryDto,
  ProjectDto,
  SlowProjectDto,
} from '@provdash/shared/contracts';

/** A fiscal year (B.E.) and a day; a blank one is left to the API's default (the current year, today). */
export interface OverviewQuery {
  fiscalYear: number | null;
  asOf: string | null;
}

export interface ProvinceQuery extends OverviewQuery {
  code: string;
}

/** How many of a province's projects the governor's screen lists as the slowest (its composed answer holds as many). */
export const SLOWEST_LIMIT = PROVINCE_VIEW_SLOWEST;

export function overviewParams(q: OverviewQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (q.fiscalYear) params['fiscalYear'] = String(q.fiscalYear);
  if (q.asOf) params['asOf'] = q.asOf;
  return params;
}

const unit = (code: string) => `/api/org-units/${encodeURIComponent(code)}`;

/*
 * Each factory runs in an injection context and re-requests when its query changes; `undefined`
 * means nothing to load yet. They all answer from approved data only, so they are public routes.
 */

/** A province's agreement: live score and frozen rounds. 404 when it has no signed agreement that year. */
export function agreementScorecardResource(query: () => ProvinceQuery | undefined) {
  return httpResource<AgreementScorecardDto>(() => {
    const q = query();
    return q ? { url: `${unit(q.code)}/agreement-scorecard`, params: overviewParams(q) } : undefined;
  });
}

/** A province's disbursement to date, by budget type, with the monthly curve against the targets. */
export function disbursementSummaryResource(query: () => ProvinceQuery | undefined) {
  return httpResource<DisbursementSummaryDto>(() => {
    const q = query();
    return q ? { url: `${unit(q.code)}/disbursement`, params: overviewParams(q) } : undefined;
  });
}

export function slowestProjectsResource(query: () => ProvinceQuery | undefined, limit = SLOWEST_LIMIT) {
  return httpResource<SlowProjectDto[]>(() => {
    const q = query();
    return q
      ? { url: `${unit(q.code)}/slowest-projects`, params: { ...overviewParams(q), limit: String(limit) } }
      : undefined;
  });
}

/** A province's projects of one year, each with the KPIs it serves (about 20: the KPI page filters them). */
export function projectsResource(query: () => { code: string; fiscalYear: number } | undefined) {
  return httpResource<ProjectDto[]>(() => {
    const q = query();
    return q ? { url: '/api/projects', params: { orgUnitCode: q.code, fiscalYear: String(q.fiscalYear) } } : undefined;
  });
}

/** Every cluster and member province with its KPI lights rolled up. */
export function clusterStatusResource(query: () => OverviewQuery | undefined) {
  return httpResource<ClusterStatusDto>(() => {
    const q = query();
    return q ? { url: '/api/compare/clusters', params: overviewParams(q) } : undefined;
  });
}

/** The 77 provinces ranked on the overall disbursement rate: the ranking `ranking.changed` carries. */
export function disbursementRankingResource(query: () => OverviewQuery | undefined) {
  return httpResource<DisbursementRankingDto>(() => {
    const q = query();
    return q
      ? {
          url: '/api/disbursement/ranking',
          params: { ...overviewParams(q), level: 'province', budgetType: 'overall' },
        }
      : undefined;
  });
}

export function agreementRankingResource(query: () => OverviewQuery | undefined) {
  return httpResource<AgreementRankingDto>(() => {
    const q = query();
    return q ? { url: '/api/compare/agreements', params: overviewParams(q) } : undefined;
  });
}

/** A value that is never read from a resource in error (reading one would throw). */
export function valueOf<T>(res: { hasValue(): boolean; value(): T }): T | undefined {
  return res.hasValue() ? res.value() : undefined;
}

/** Whether a resource failed with this HTTP status (a 404 is often "nothing this year", not a fault). */
export function failedWith(res: { error(): unknown }, status: number): boolean {
  const error = res.error() as { status?: number } | undefined;
  return error?.status === status;
}

/** The last item of a list, or null (the workspace compiles against ES2020, which has no `Array.prototype.at`). */
export function lastOf<T>(list: readonly T[] | null | undefined): T | null {
  return list && list.length ? list[list.length - 1] : null;
}
