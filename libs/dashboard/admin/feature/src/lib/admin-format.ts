import type { ClusterDirectoryDto, OrgUnitType, RoleName } from '@provdash/shared/contracts';

import type { Lang } from '@provdash/dashboard/shared/i18n';

/** Defined once in the i18n lib; re-exported so this lib's files keep one import. */
export { type Lang, injectLang } from '@provdash/dashboard/shared/i18n';

export const ROLE_NAMES: readonly RoleName[] = [
  'province_officer',
  'province_approver',
  'governor',
  'cluster_officer',
  'central_analyst',
  'central_evaluator',
  'admin',
];

/** Which kind of unit each role's scope is (the API refuses any other). */
export const SCOPE_TYPE_OF_ROLE: Record<RoleName, OrgUnitType> = {
  admin: 'country',
  central_analyst: 'country',
  central_evaluator: 'country',
  cluster_officer: 'cluster',
  governor: 'province',
  province_officer: 'province',
  province_approver: 'province',
};

export interface ScopeOption {
  code: string;
  type: OrgUnitType;
  nameTh: string;
  nameEn: string;
}

/** The country, the clusters and the provinces (by Thai name), from the public directory. */
export function scopeOptions(directory: ClusterDirectoryDto | undefined): ScopeOption[] {
  if (!directory) return [];
  const provinces = [...directory.clusters.flatMap((c) => c.provinces), ...directory.unclustered]
    .filter((p) => p.type === 'province')
    .map((p) => ({ code: p.code, type: p.type, nameTh: p.nameTh, nameEn: p.nameEn }))
    .sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));
  const clusters = directory.clusters.map((c) => ({
    code: c.code,
    type: 'cluster' as const,
    nameTh: c.nameTh,
    nameEn: c.nameEn,
  }));
  return [{ code: 'TH', type: 'country', nameTh: 'ประเทศไทย', nameEn: 'Thailand' }, ...clusters, ...provinces];
}

/** A recorded instant, in Thai with the Buddhist Era, or in English; Thailand's time either way. */
export function formatInstant(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'th-TH-u-ca-buddhist', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(iso));
}
