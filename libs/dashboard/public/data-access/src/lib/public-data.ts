import { httpResource } from '@angular/common/http';
import type {
  MonthlyReportDto,
  OpenDataCatalogueDto,
  OpenDatasetDetailDto,
  PublicCommentDto,
  PublicKpiDto,
  PublicOverviewDto,
  PublicProvinceDto,
} from '@provdash/shared/contracts';

/*
 * The public dashboard reads only `/api/public/...`: approved data, cached by the server and by CDNs.
 * Each factory runs in an injection context and re-requests when its inputs change; `undefined`
 * from the input means "nothing to load yet".
 */

const year = (fy: number | null | undefined): Record<string, string> => (fy ? { fiscalYear: String(fy) } : {});

export function publicOverviewResource(fy: () => number | null | undefined) {
  return httpResource<PublicOverviewDto>(() => ({ url: '/api/public/overview', params: year(fy()) }));
}

export function publicProvinceResource(query: () => { code: string; fy: number | null } | undefined) {
  return httpResource<PublicProvinceDto>(() => {
    const q = query();
    return q ? { url: `/api/public/provinces/${encodeURIComponent(q.code)}`, params: year(q.fy) } : undefined;
  });
}

export function publicKpiResource(query: () => { kpiId: string; fy: number | null } | undefined) {
  return httpResource<PublicKpiDto>(() => {
    const q = query();
    return q ? { url: `/api/public/kpis/${encodeURIComponent(q.kpiId)}`, params: year(q.fy) } : undefined;
  });
}

/** A province's monthly reports, newest first, with the public addresses of their PDF and XLSX. */
export function publicMonthlyReportsResource(code: () => string | null | undefined) {
  return httpResource<MonthlyReportDto[]>(() => {
    const c = code();
    return c ? `/api/public/provinces/${encodeURIComponent(c)}/monthly-reports` : undefined;
  });
}

export function catalogueResource() {
  return httpResource<OpenDataCatalogueDto>(() => '/api/public/catalogue');
}

export function datasetDetailResource(id: () => string | null) {
  return httpResource<OpenDatasetDetailDto>(() => {
    const d = id();
    return d ? `/api/public/catalogue/${encodeURIComponent(d)}` : undefined;
  });
}

/** The address of a download: the dataset, its format and the filters that apply. */
export function downloadUrl(
  downloadPath: string,
  format: 'csv' | 'json' | 'xlsx',
  filters: { fiscalYear?: number | null; scope?: string | null },
): string {
  const params = new URLSearchParams();
  if (filters.fiscalYear) params.set('fiscalYear', String(filters.fiscalYear));
  if (filters.scope) params.set('scope', filters.scope);
  const query = params.toString();
  return `${downloadPath}.${format}${query ? `?${query}` : ''}`;
}

/** Fiscal years (B.E.) a visitor may pick: the current one and the four before it. */
export function recentFiscalYears(today = new Date()): number[] {
  const gregorian = today.getUTCFullYear() + (today.getUTCMonth() >= 9 ? 1 : 0);
  const current = gregorian + 543;
  return [0, 1, 2, 3, 4].map((k) => current - k);
}

export function kpiCommentsResource(kpiId: () => string | undefined, revision: () => number) {
  return httpResource<PublicCommentDto[]>(() => {
    const id = kpiId();
    if (!id) return undefined;
    // A new address after one's own comment: the server and the browser keep a read for a while.
    const params: Record<string, string> = revision() ? { r: String(revision()) } : {};
    return { url: `/api/public/kpis/${encodeURIComponent(id)}/comments`, params };
  });
}
