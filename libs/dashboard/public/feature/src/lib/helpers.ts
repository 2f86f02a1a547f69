import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

export function injectLang() {
  return toSignal(inject(TranslocoService).langChanges$, { initialValue: 'th' });
}

/** A fiscal year from a query parameter; null (the API's default, the current year) when absent or odd. */
export function parseFy(raw: string | null | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2400 && n <= 2999 ? n : null;
}

export function localName(lang: string, x: { nameTh: string; nameEn: string }): string {
  return lang === 'en' ? x.nameEn : x.nameTh;
}
