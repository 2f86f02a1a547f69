import { Route } from '@angular/router';
import { signedInGuard } from '@provdash/dashboard/auth/data-access';
import { loadNotAllowedPage, loadProfilePage, loadSignInPage } from '@provdash/dashboard/auth/feature';

export const appRoutes: Route[] = [
  { path: 'sign-in', loadComponent: loadSignInPage },
  { path: 'not-allowed', loadComponent: loadNotAllowedPage },
  { path: 'me', canActivate: [signedInGuard], loadComponent: loadProfilePage },
  // Staff screens (the strategy office's desk, GFMIS import…): signed in first; each screen checks its roles.
  {
    path: 'workspace',
    canActivate: [signedInGuard],
    loadChildren: () => import('@provdash/dashboard/workspace/feature').then((m) => m.workspaceRoutes),
  },
  // Scorecards, strategy maps and comparisons count approved data only: public, like the directory.
  {
    path: 'province',
    loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.provinceRoutes),
  },
  { path: 'plan', loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.planRoutes) },
  {
    path: 'compare',
    loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.compareRoutes),
  },
  // The cluster directory is the public front page: no sign-in needed.
  {
    path: '',
    loadChildren: () => import('@provdash/dashboard/org-units/feature').then((m) => m.orgUnitsRoutes),
  },
  { path: '**', redirectTo: '' },
];
