import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { Lang } from './i18n';

/** The active language as a signal, for templates that pick a Thai or English field themselves. */
export function injectLang(): Signal<Lang> {
  const transloco = inject(TranslocoService);
  const asLang = (l: string): Lang => (l === 'en' ? 'en' : 'th');
  return toSignal(transloco.langChanges$.pipe(map(asLang)), { initialValue: asLang(transloco.getActiveLang()) });
}

/**
 * A record's name in `lang`. English falls back to Thai: a province may not have translated a new
 * item yet, and a blank is worse than the Thai name. Nothing to name gives ''.
 */
export function localName(x: { nameTh: string; nameEn?: string | null } | null | undefined, lang: string): string {
  if (!x) return '';
  return lang === 'en' ? x.nameEn || x.nameTh : x.nameTh;
}
