import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthStore } from './auth.store';

/**
 * Session restore at start. It does not hold up the first paint: public pages need no session,
 * and guarded routes wait for it (`AuthStore.whenReady`). Pair with
 * `provideHttpClient(withInterceptors([authInterceptor]))`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      void inject(AuthStore).restore();
    }),
  ]);
}
