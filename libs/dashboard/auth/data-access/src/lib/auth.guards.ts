import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import type { RoleName } from '@provdash/shared/contracts';
import { AuthStore, SIGN_IN_PATH } from './auth.store';

export const NOT_ALLOWED_PATH = '/not-allowed';

function toSignIn(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl } });
}

/** Lets a signed-in user through; anyone else goes to sign in and comes back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.whenReady();
  return store.signedIn() || toSignIn(router, state.url);
};

/** Lets through a signed-in user holding one of `roles`; others see why they cannot enter. */
export function roleGuard(...roles: RoleName[]): CanActivateFn {
  return async (_route, state) => {
    const store = inject(AuthStore);
    const router = inject(Router);
    await store.whenReady();
    const user = store.user();
    if (!user) return toSignIn(router, state.url);
    return roles.includes(user.role) || router.createUrlTree([NOT_ALLOWED_PATH]);
  };
}

/**
 * Where to go after signing in: only a path inside this app, so a crafted link cannot send the
 * user elsewhere, and never back to the sign-in page itself.
 */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  if (!returnUrl || !returnUrl.startsWith('/') || returnUrl.startsWith('//') || returnUrl.startsWith('/\\')) return '/';
  return returnUrl.startsWith(SIGN_IN_PATH) ? '/' : returnUrl;
}
