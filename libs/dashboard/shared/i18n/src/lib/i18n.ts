import { HttpClient } from '@angular/common/http';
import { EnvironmentProviders, inject, Injectable, isDevMode, provideEnvironmentInitializer } from '@angular/core';
import { provideTransloco, Translation, TranslocoLoader, TranslocoService } from '@jsverse/transloco';

export type Lang = 'th' | 'en';
export const LANGS: readonly Lang[] = ['th', 'en'];
/** Thai first: the people this serves read Thai; English is one click away. */
export const DEFAULT_LANG: Lang = 'th';
const STORAGE_KEY = 'provdash.lang';

@Injectable({ providedIn: 'root' })
export class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string) {
    return this.http.get<Translation>(`i18n/${lang}.json`);
  }
}

export function savedLang(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang {
  const saved = storage?.getItem(STORAGE_KEY);
  return LANGS.includes(saved as Lang) ? (saved as Lang) : DEFAULT_LANG;
}

/** Switches the language everywhere and remembers it; `<html lang>` follows so screen readers and fonts do too. */
export function useLang(lang: Lang, transloco: TranslocoService = inject(TranslocoService)): void {
  transloco.setActiveLang(lang);
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  globalThis.document?.documentElement.setAttribute('lang', lang);
}

export function provideI18n(): EnvironmentProviders[] {
  const lang = savedLang();
  return [
    provideEnvironmentInitializer(() => globalThis.document?.documentElement.setAttribute('lang', lang)),
    ...provideTransloco({
      config: {
        availableLangs: [...LANGS],
        defaultLang: lang,
        fallbackLang: DEFAULT_LANG,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true },
      },
      loader: HttpTranslationLoader,
    }),
  ];
}
