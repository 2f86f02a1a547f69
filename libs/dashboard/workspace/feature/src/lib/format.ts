import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { formatInstant, formatPeriod } from '@provdash/dashboard/scorecards/ui';
import { map } from 'rxjs';

export { formatInstant, formatPeriod };

export type Lang = 'th' | 'en';

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

/** The reader's language as a signal (Thai unless English is chosen). */
export function injectLang() {
  const transloco = inject(TranslocoService);
  return toSignal(transloco.langChanges$.pipe(map((l): Lang => (l === 'en' ? 'en' : 'th'))), {
    initialValue: (transloco.getActiveLang() === 'en' ? 'en' : 'th') as Lang,
  });
}

export function localName(x: { nameTh: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' ? x.nameEn || x.nameTh : x.nameTh;
}

export function localUnit(x: { unitTh: string | null; unitEn: string | null }, lang: Lang): string {
  return (lang === 'en' ? x.unitEn || x.unitTh : x.unitTh) ?? '';
}
