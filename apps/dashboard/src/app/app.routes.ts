import { Route } from '@angular/router';
import { roleGuard, signedInGuard } from '@provdash/dashboard/auth/data-access';
import { loadNotAllowedPage, loadProfilePage, loadSignInPage } from '@provdash/dashboard/auth/feature';

export const appRoutes: Route[] = [
  { path: 'sign-in', loadComponent: loadSignInPage },
  { path: 'not-allowed', loadComponent: loadNotAllowedPage },
  { path: 'me', canActivate: [signedInGuard], loadComponent: loadProfilePage },
  // The province's performance agreement and the centre's evaluation of its rounds (issue 19).
  {
    path: 'workspace/agreement',
    canActivate: [signedInGuard],
    loadChildren: () => import('@provdash/dashboard/agreements/feature').then((m) => m.workspaceAgreementRoutes),
  },
  {
    path: 'ministry/agreements',
    canActivate: [signedInGuard],
    loadChildren: () => import('@provdash/dashboard/agreements/feature').then((m) => m.ministryAgreementRoutes),
  },
  // The ministry's analysis desk: reporting completeness (issue 22). Central staff and admins.
  {
    path: 'ministry/analysis',
    canActivate: [signedInGuard, roleGuard('central_analyst', 'admin')],
    loadChildren: () => import('@provdash/dashboard/analysis/feature').then((m) => m.analysisRoutes),
  },
  // The person's notification settings and "enable push" (issue 21).
  {
    path: 'me/notifications',
    canActivate: [signedInGuard],
    loadChildren: () => import('@provdash/dashboard/notifications/feature').then((m) => m.notificationRoutes),
  },
  // Staff screens (the strategy office's desk, GFMIS import…): signed in first; each screen checks its roles.
  {
    path: 'workspace',
    canActivate: [signedInGuard],
    loadChildren: () => import('@provdash/dashboard/workspace/feature').then((m) => m.workspaceRoutes),
  },
  // A project's page: public like the project; the API gives each reader what they may see.
  {
    path: 'projects',
    loadChildren: () => import('@provdash/dashboard/projects/feature').then((m) => m.projectRoutes),
  },
  // The governor's follow-up loop (directives): the province's own people and admins.
  {
    path: 'follow-up',
    canActivate: [signedInGuard, roleGuard('governor', 'province_officer', 'province_approver', 'admin')],
    loadChildren: () => import('@provdash/dashboard/follow-up/feature').then((m) => m.followUpRoutes),
  },
  // The ministry's settings for the year (disbursement targets, KPI status thresholds): central staff.
  {
    path: 'ministry',
    canActivate: [signedInGuard, roleGuard('central_analyst', 'admin')],
    loadChildren: () => import('@provdash/dashboard/projects/feature').then((m) => m.ministryRoutes),
  },
  // Administration (people, the audit trail): signed in first; each screen checks its roles.
  {
    path: 'admin',
    canActivate: [signedInGuard],
    loadChildren: () => import('@provdash/dashboard/admin/feature').then((m) => m.adminRoutes),
  },
  // Scorecards, strategy maps and comparisons count approved data only: public, like the directory.
  {
    path: 'province',
    loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.provinceRoutes),
  },
  // A province cluster: its provinces side by side, its own plan, its money (issue 22). Public.
  {
    path: 'cluster',
    loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.clusterRoutes),
  },
  { path: 'plan', loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.planRoutes) },
  {
    path: 'compare',
    loadChildren: () => import('@provdash/dashboard/scorecards/feature').then((m) => m.compareRoutes),
  },
  // A province's frozen agreement rounds, indicator by indicator: public, frozen rounds only.
  {
    path: 'public/agreement',
    loadChildren: () => import('@provdash/dashboard/agreements/feature').then((m) => m.publicAgreementRoutes),
  },
  // The open dashboard and open data: approved data only, never a sign-in.
  { path: 'public', loadChildren: () => import('@provdash/dashboard/public/feature').then((m) => m.publicRoutes) },
  // The cluster directory: every cluster and province by name, public.
  {
    path: 'clusters',
    loadChildren: () => import('@provdash/dashboard/org-units/feature').then((m) => m.orgUnitsRoutes),
  },
  // The national overview is the public front page: no sign-in needed (approved data only).
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('@provdash/dashboard/overview/feature').then((m) => m.overviewRoutes),
  },
  { path: '**', redirectTo: '' },
];
