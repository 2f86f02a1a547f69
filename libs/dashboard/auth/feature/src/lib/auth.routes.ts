import type { Type } from '@angular/core';

/*
 * The pages load lazily: the app imports this library up front for the user menu, so the app's
 * routes use these loaders, which keep each page in a chunk of its own.
 */
export const loadSignInPage = (): Promise<Type<unknown>> => import('./sign-in.page').then((m) => m.SignInPage);
export const loadNotAllowedPage = (): Promise<Type<unknown>> =>
  import('./not-allowed.page').then((m) => m.NotAllowedPage);
export const loadProfilePage = (): Promise<Type<unknown>> => import('./profile.page').then((m) => m.ProfilePage);
