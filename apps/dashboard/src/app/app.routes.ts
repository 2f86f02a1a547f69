import { Route } from '@angular/router';
import { signedInGuard } from '@provdash/dashboard/auth/data-access';
import { loadNotAllowedPage, loadProfilePage, loadSignInPage } from '@provdash/dashboard/auth/feature';

export const appRoutes: Route[] = [
  { path: 'sign-in', loadComponent: loadSignInPage },
  { path: 'not-allowed', loadComponent: loadNotAllowedPage },
  { path: 'me', canActivate: [signedInGuard], loadComponent: loadProfilePage },
  // The cluster directory is the public front page: no sign-in needed.
  {
    path: '',
    loadChildren: () => import('@provdash/dashboard/org-units/feature').then((m) => m.orgUnitsRoutes),
  },
  { path: '**', redirectTo: '' },
];
