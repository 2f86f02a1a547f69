import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import type { RoleName } from '@provdash/shared/contracts';
import { WorkspacePage } from './workspace.page';

/**
 * Who sees the desk: the province's own people (drafts and names are on it; canSeeUnapproved) and
 * admins. The API decides per province; this only keeps others from an empty page.
 */
export const WORKSPACE_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'governor', 'admin'];

/** `/workspace/…` (the app route adds signedInGuard): the desk itself, then the screens of other domains. */
export const workspaceRoutes: Route[] = [
  { path: '', pathMatch: 'full', canActivate: [roleGuard(...WORKSPACE_ROLES)], component: WorkspacePage },
  // GFMIS import and the like live in their own domains' features, each loaded only when opened.
  // A lazy route is how features meet (the rule's intent); the app shell could own it one day.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  { path: '', loadChildren: () => import('@provdash/dashboard/projects/feature').then((m) => m.workspaceRoutes) },
  // KPIs and targets (issue 18.2): /workspace/goals/:goalId/kpis and /workspace/kpis/:kpiId.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  { path: '', loadChildren: () => import('@provdash/dashboard/kpi-setup/feature').then((m) => m.workspaceRoutes) },
  // eslint-disable-next-line @nx/enforce-module-boundaries
  { path: '', loadChildren: () => import('@provdash/dashboard/planning/feature').then((m) => m.workspaceRoutes) },
];
