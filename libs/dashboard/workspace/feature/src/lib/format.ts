import { formatInstant, formatPeriod } from '@provdash/dashboard/scorecards/ui';
import type { Lang } from '@provdash/dashboard/shared/i18n';

/** Defined once in the i18n lib; re-exported so this lib's files keep one import. */
export { type Lang, injectLang, localName } from '@provdash/dashboard/shared/i18n';

export { formatInstant, formatPeriod };

/** Results keep up to six decimals: show them all, with Thai digit grouping. */
const valueFormat = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 6 });
const percentFormat = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });

/** "12,965.5" from the API's decimal text (or a number); a dash when there is none. */
export function formatValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? valueFormat.format(n) : String(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${percentFormat.format(value)} %`;
}

export function localUnit(x: { unitTh: string | null; unitEn: string | null }, lang: Lang): string {
  return (lang === 'en' ? x.unitEn || x.unitTh : x.unitTh) ?? '';
}
