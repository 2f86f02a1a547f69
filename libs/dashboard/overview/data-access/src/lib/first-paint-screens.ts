import { FirstPaint, KeepFor } from '@provdash/dashboard/auth/data-access';
import { evaluationParams } from '@provdash/dashboard/scorecards/data-access';
import type { NationalOverviewDto, ProvinceViewDto } from '@provdash/shared/contracts';
import { OverviewQuery, overviewParams, ProvinceQuery, SLOWEST_LIMIT } from './overview.resources';

/*
 * The screens' composed first-paint answers (`/api/screens/...`), primed by the page before its
 * stores ask for the parts: each part listed here must be the very request its store's resource
 * makes (URL and parameters), or it goes to the network as before.
 */

/** The province view's composed answer. */
export function provinceViewUrl(code: string): string {
  return `/api/screens/province/${encodeURIComponent(code)}`;
}

/**
 * The province view: scorecard, agreement, disbursement, slowest projects, forecasts and goal
 * contributions in one request. With
 * `keepFor` (the user whose own province it is) the answer is kept for offline use (LastSeen).
 */
export function primeProvinceView(
  firstPaint: FirstPaint,
  q: ProvinceQuery,
  keepFor?: KeepFor,
): Promise<ProvinceViewDto | null> {
  const unit = `/api/org-units/${encodeURIComponent(q.code)}`;
  const when = overviewParams(q);
  return firstPaint.prime<ProvinceViewDto>(provinceViewUrl(q.code), when, {
    scorecard: { url: `${unit}/scorecard`, params: evaluationParams(q) },
    agreement: { url: `${unit}/agreement-scorecard`, params: when },
    disbursement: { url: `${unit}/disbursement`, params: when },
    slowest: { url: `${unit}/slowest-projects`, params: { ...when, limit: String(SLOWEST_LIMIT) } },
    forecasts: { url: `/api/analysis/forecasts/${encodeURIComponent(q.code)}`, params: evaluationParams(q) },
    contributions: { url: `/api/analysis/contributions/${encodeURIComponent(q.code)}`, params: evaluationParams(q) },
  }, keepFor);
}

/** The national overview: cluster lights and the two rankings in one request. */
export function primeNationalOverview(firstPaint: FirstPaint, q: OverviewQuery): Promise<NationalOverviewDto | null> {
  const when = overviewParams(q);
  return firstPaint.prime<NationalOverviewDto>('/api/screens/overview', when, {
    clusters: { url: '/api/compare/clusters', params: when },
    disbursement: { url: '/api/disbursement/ranking', params: { ...when, level: 'province', budgetType: 'overall' } },
    agreements: { url: '/api/compare/agreements', params: when },
  });
}
