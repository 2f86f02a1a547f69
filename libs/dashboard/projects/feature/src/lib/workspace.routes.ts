import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import { GfmisImportPage } from './gfmis-import.page';

/** The roles that may write a province's disbursement (the API checks `write` on the province). */
export const GFMIS_IMPORT_ROLES = ['province_officer', 'province_approver', 'admin'] as const;

/** Who registers projects: a province's officers for the province, a cluster office for the cluster's own. */
export const PROJECT_WRITE_ROLES = ['province_officer', 'province_approver', 'cluster_officer', 'admin'] as const;

/** `/workspace/…`: the signed-in staff's screens (the app route adds signedInGuard). */
export const workspaceRoutes: Route[] = [
  { path: 'gfmis-import', canActivate: [roleGuard(...GFMIS_IMPORT_ROLES)], component: GfmisImportPage },
  {
    path: 'projects',
    canActivate: [roleGuard(...PROJECT_WRITE_ROLES)],
    loadComponent: () => import('./project-list.page').then((m) => m.ProjectListPage),
  },
  {
    path: 'projects/new',
    canActivate: [roleGuard(...PROJECT_WRITE_ROLES)],
    loadComponent: () => import('./project-form.page').then((m) => m.ProjectFormPage),
  },
  {
    path: 'projects/:projectId/edit',
    canActivate: [roleGuard(...PROJECT_WRITE_ROLES)],
    loadComponent: () => import('./project-form.page').then((m) => m.ProjectFormPage),
  },
];

/** `/projects/:projectId`: the project page, open to whoever may read the project (the API decides what it holds). */
export const projectRoutes: Route[] = [
  { path: ':projectId', loadComponent: () => import('./project.page').then((m) => m.ProjectPage) },
];

/** `/ministry/…`: the ministry's settings (the app route adds signedInGuard and the roles). */
export const ministryRoutes: Route[] = [
  { path: 'year-setup', loadComponent: () => import('./year-setup.page').then((m) => m.YearSetupPage) },
];
