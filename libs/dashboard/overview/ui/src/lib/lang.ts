import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';

/** The active language as a signal: names, dates (B.E. in Thai) and numbers follow it. */
export function injectLang() {
  const transloco = inject(TranslocoService);
  return toSignal(transloco.langChanges$.pipe(map((l) => (l === 'en' ? 'en' : 'th') as 'th' | 'en')), {
    initialValue: transloco.getActiveLang() === 'en' ? 'en' : 'th',
  });
}

export function localName(unit: { nameTh: string; nameEn: string } | null | undefined, lang: string): string {
  return unit ? (lang === 'en' ? unit.nameEn : unit.nameTh) : '';
}

/** Where a section's data is: still coming, none for the year, failed, or here. */
export type LoadState = 'loading' | 'none' | 'error' | 'ready';
